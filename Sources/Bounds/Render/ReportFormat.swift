/// The formats a theory report renders to (README, "Usage"; `latex-macros` in docs/notes.md).
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned plain text.
    case text
    /// One JSON document (docs/json-schema.md).
    case json
    /// LaTeX for a paper (`ratecalc --latex-preamble` prints what it needs).
    case latex
    /// Pandoc Markdown with TeX math.
    case markdown
    /// One `\newcommand` per quantity, named with a caller's prefix (docs/notes.md).
    case latexMacros = "latex-macros"
    /// Typst markup; citations need `ratecalc --bibliography` (docs/latex.md, "Typst").
    case typst
}

extension RateReport {
    /// The report in `format`; `latexStyle` (nil: the default of ``latex(style:)``) applies to
    /// LaTeX, `macroPrefix` to the macros. Every format ends with a newline.
    public func rendered(_ format: ReportFormat, latexStyle: LaTeXStyle? = nil, macroPrefix: String = "") -> String {
        switch format {
        case .text: text()
        case .json: json().rendered() + "\n"
        case .latex: latex(style: latexStyle)
        case .markdown: markdown()
        case .latexMacros: latexMacros(prefix: macroPrefix)
        case .typst: typst()
        }
    }
}

extension SamplePlan {
    /// The plan in `format`, `macroPrefix` naming the macros. Every format ends with a newline.
    public func rendered(_ format: ReportFormat, macroPrefix: String = "") -> String {
        switch format {
        case .text: text()
        case .json: json().rendered() + "\n"
        case .latex: latex()
        case .markdown: markdown()
        case .latexMacros: latexMacros(prefix: macroPrefix)
        case .typst: typst()
        }
    }
}
