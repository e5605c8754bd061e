import ArgumentParser

/// Output formats of `rate` and `samples`: those of ``OutputFormat`` plus `latex-macros`
/// (one `\newcommand` per quantity, documented in `docs/notes.md`).
enum TheoryOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, latex, markdown
    case latexMacros = "latex-macros"
}
