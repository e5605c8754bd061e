import Foundation

/// Finds ratecalc blocks and inline values in Markdown and Quarto (`docs/notes.md`):
///
/// - a fenced code block with info string `ratecalc` (or `{.ratecalc}`) holding ratecalc
///   arguments (several lines are joined; lines starting with `#` are comments), its output
///   between `<!-- ratecalc:begin -->` and `<!-- ratecalc:end -->` lines right after the fence;
/// - `<!-- ratecalc:value ARGS -->VALUE<!-- /ratecalc:value -->` in running text, outside
///   code spans; the closing comment is added when missing.
///
/// Other fenced code blocks are skipped entirely, so examples of the syntax inside them stay.
enum MarkdownScanner {
    static func scan(_ lines: [NoteLine]) throws -> NoteScan {
        var scan = NoteScan()
        var index = 0
        while index < lines.count {
            if scan.blocks.count + scan.inlines.count > NoteBudget.maximumCommands { break }
            guard let fence = Fence(opening: lines[index].content) else {
                try NoteScan.refuseOrphanMarker(lines[index].content, line: index, syntax: .markdown)
                scan.inlines += try inlineSites(in: lines[index].content, line: index)
                index += 1
                continue
            }
            let close = (index + 1..<lines.count).first { fence.isClosed(by: lines[$0].content) }
            guard fence.info == "ratecalc" || fence.info == "{.ratecalc}" else {
                index = (close ?? lines.count) + 1
                continue
            }
            guard let close else { throw NotesError(line: index + 1, message: "ratecalc block without a closing fence") }
            let arguments = try NoteScan.words(blockText(lines[index + 1..<close].map(\.content)), line: index)
            let generated = try NoteScan.existingOutput(after: close, in: lines, syntax: .markdown)
            scan.blocks.append(BlockSite(line: index, arguments: arguments, anchor: close, generated: generated))
            index = (generated?.upperBound ?? close) + 1
        }
        return scan
    }

    /// The arguments of a block's lines: lines starting with `#` are comments, the rest are
    /// joined with spaces.
    static func blockText(_ lines: [String]) -> String {
        lines.filter { !$0.trimmed.hasPrefix("#") }.joined(separator: " ")
    }

    static let valueTag = "ratecalc:value"
    static let closingComment = "<!-- /ratecalc:value -->"

    /// The inline values of one line.
    /// Stops after ``NoteBudget/maximumCommands`` + 1 values (the caller refuses the note),
    /// so that a long line costs time in proportion to its length.
    static func inlineSites(in content: String, line: Int) throws -> [InlineSite] {
        var sites: [InlineSite] = []
        var from = content.startIndex
        var codeSpans = CodeSpanParity(content)
        while sites.count <= NoteBudget.maximumCommands, let comment = nextComment(in: content, from: from) {
            from = comment.range.upperBound
            guard comment.inner.hasPrefix(valueTag), !codeSpans.isInside(at: comment.range.lowerBound) else { continue }
            let rest = comment.inner.dropFirst(valueTag.count)
            guard rest.first?.isWhitespace == true else { continue }
            let arguments = try NoteScan.words(rest, line: line)
            if let close = nextComment(in: content, from: from), close.inner == "/" + valueTag {
                sites.append(InlineSite(line: line, valueRange: from..<close.range.lowerBound, arguments: arguments, opener: "", closer: ""))
                from = close.range.upperBound
            } else {
                sites.append(InlineSite(line: line, valueRange: from..<from, arguments: arguments, opener: "", closer: closingComment))
            }
        }
        if sites.count <= NoteBudget.maximumCommands, let open = content.range(of: "<!--", range: from..<content.endIndex),
           content[open.upperBound...].trimmed.hasPrefix(valueTag), !codeSpans.isInside(at: open.lowerBound) {
            throw NotesError(line: line + 1, message: "<!-- \(valueTag) without a closing --> on its line")
        }
        return sites
    }

    /// The next `<!-- … -->` on the line and its trimmed inside.
    static func nextComment(in content: String, from: String.Index) -> (range: Range<String.Index>, inner: String)? {
        guard let open = content.range(of: "<!--", range: from..<content.endIndex),
              let close = content.range(of: "-->", range: open.upperBound..<content.endIndex) else { return nil }
        return (open.lowerBound..<close.upperBound, content[open.upperBound..<close.lowerBound].trimmed)
    }

}

/// Whether an odd number of backticks precede a position on a line (inside `code`), for
/// positions asked in increasing order: each character is counted once.
struct CodeSpanParity {
    private let content: String
    private var position: String.Index
    private var odd = false

    init(_ content: String) {
        self.content = content
        position = content.startIndex
    }

    mutating func isInside(at index: String.Index) -> Bool {
        while position < index {
            if content[position] == "`" { odd.toggle() }
            position = content.index(after: position)
        }
        return odd
    }
}

/// A CommonMark code fence: up to three spaces, then at least three backticks or tildes.
struct Fence {
    let character: Character
    let length: Int
    /// The info string, trimmed.
    let info: String

    init?(opening line: String) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let run = rest.prefix { $0 == first }.count
        guard run >= 3 else { return nil }
        let info = rest.dropFirst(run).trimmed
        if first == "`" && info.contains("`") { return nil }
        character = first
        length = run
        self.info = info
    }

    /// Whether `line` closes this fence (same character, at least as long, nothing after).
    func isClosed(by line: String) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == character }.count
        return run >= length && rest.dropFirst(run).trimmed.isEmpty
    }
}
