/// The two kinds of files `ratecalc notes` edits, by file extension (`docs/notes.md`).
public enum NoteSyntax: String, Sendable, CaseIterable {
    /// Markdown and Quarto (`.md`, `.markdown`, `.qmd`): ```` ```ratecalc ```` blocks and
    /// `<!-- ratecalc:value … -->` inline values.
    case markdown
    /// LaTeX (`.tex`): `% ratecalc: ARGS` blocks and `\ratecalc{ARGS}{VALUE}` inline values.
    case latex

    /// The syntax of a file by its extension (case-insensitive), or `nil` for another file.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown", "qmd": self = .markdown
        case "tex": self = .latex
        default: return nil
        }
    }

    /// The note extensions, for messages: `.md, .markdown, .qmd or .tex`.
    public static let extensions = ".md, .markdown, .qmd or .tex"

    /// The `--format` a block of this syntax renders in unless it names one.
    public var blockFormat: String { self == .markdown ? "markdown" : "latex" }

    /// The line that opens a block's generated output.
    var beginMarker: String { self == .markdown ? "<!-- ratecalc:begin -->" : "% ratecalc:begin" }

    /// The line that closes a block's generated output.
    var endMarker: String { self == .markdown ? "<!-- ratecalc:end -->" : "% ratecalc:end" }
}
