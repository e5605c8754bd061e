/// The kinds of files `ratecalc notes` edits, by file extension (`docs/notes.md`).
public enum NoteSyntax: String, Sendable, CaseIterable {
    /// Markdown and Quarto (`.md`, `.markdown`, `.qmd`): ```` ```ratecalc ```` blocks and
    /// `<!-- ratecalc:value … -->` inline values.
    case markdown
    /// LaTeX (`.tex`): `% ratecalc: ARGS` blocks and `\ratecalc{ARGS}{VALUE}` inline values.
    case latex
    /// Typst (`.typ`): `// ratecalc: ARGS` blocks and `/* ratecalc:value ARGS */VALUE/* /ratecalc:value */`
    /// inline values.
    case typst

    /// The syntax of a file by its extension (case-insensitive), or `nil` for another file.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown", "qmd": self = .markdown
        case "tex": self = .latex
        case "typ": self = .typst
        default: return nil
        }
    }

    /// The note extensions, for messages: `.md, .markdown, .qmd, .tex or .typ`.
    public static let extensions = ".md, .markdown, .qmd, .tex or .typ"

    /// The `--format` a block of this syntax renders in unless it names one: the syntax's name.
    public var blockFormat: String { rawValue }

    /// The line that opens a block's generated output.
    var beginMarker: String {
        switch self {
        case .markdown: "<!-- ratecalc:begin -->"
        case .latex: "% ratecalc:begin"
        case .typst: "// ratecalc:begin"
        }
    }

    /// The line that closes a block's generated output.
    var endMarker: String {
        switch self {
        case .markdown: "<!-- ratecalc:end -->"
        case .latex: "% ratecalc:end"
        case .typst: "// ratecalc:end"
        }
    }

    /// The `--style` of an inline value that names none: Typst math in Typst, else `ratecalc value`'s default (LaTeX).
    var inlineStyle: String? { self == .typst ? "typst" : nil }
}
