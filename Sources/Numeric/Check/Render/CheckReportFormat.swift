/// The formats a `check` report renders to on stdout (docs/check.md, "Output"); the plot and
/// the CSV are separate files.
public enum CheckReportFormat: String, CaseIterable, Sendable {
    /// Aligned plain text with the verdicts.
    case text
    /// One JSON document (docs/json-schema.md).
    case json
    /// A booktabs table for a paper (not for the window sweep).
    case latex
    /// Pandoc Markdown.
    case markdown
    /// Typst markup (docs/latex.md, "Typst").
    case typst
}

extension CheckReport {
    /// The report in `format`, ending with a newline.
    public func rendered(_ format: CheckReportFormat) -> String {
        switch format {
        case .text: text()
        case .json: json()
        case .latex: latex()
        case .markdown: markdown()
        case .typst: typst()
        }
    }
}

extension WindowSweepReport {
    /// Whether the window sweep has a report in `format` (``rendered(_:)`` is not nil).
    public static func renders(_ format: CheckReportFormat) -> Bool { format != .latex }

    /// The window sweep in `format`, ending with a newline; nil for LaTeX, which it does not have.
    public func rendered(_ format: CheckReportFormat) -> String? {
        switch format {
        case .text: text()
        case .json: json()
        case .latex: nil
        case .markdown: markdown()
        case .typst: typst()
        }
    }
}
