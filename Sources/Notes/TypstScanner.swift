import Foundation

/// Finds ratecalc blocks and inline values in Typst (`docs/notes.md`, "Typst"):
///
/// - a comment line `// ratecalc: ARGS`, its output between `// ratecalc:begin` and
///   `// ratecalc:end` lines right after it;
/// - `/* ratecalc:value ARGS */VALUE/* /ratecalc:value */` in markup or math (`$…$`); the
///   closing comment is added when missing.
///
/// Raw blocks (```` ``` ```` fences) and raw spans (`` `…` ``) are skipped, so examples of the
/// syntax inside them stay, and so are the rest of `//` comment lines.
enum TypstScanner {
    static let valueTag = "ratecalc:value"
    static let closingComment = "/* /ratecalc:value */"

    static func scan(_ lines: [NoteLine]) throws -> NoteScan {
        var scan = NoteScan()
        var index = 0
        while index < lines.count, scan.blocks.count + scan.inlines.count <= NoteBudget.maximumCommands {
            let content = lines[index].content
            if let fence = Fence(opening: content), fence.character == "`" {
                index = ((index + 1..<lines.count).first { fence.isClosed(by: lines[$0].content) } ?? lines.count) + 1
                continue
            }
            try NoteScan.refuseOrphanMarker(content, line: index, syntax: .typst)
            if let block = try NoteScan.commentBlock(in: lines, at: index, prefix: "//", syntax: .typst) {
                scan.blocks.append(block)
                index = (block.generated?.upperBound ?? index) + 1
                continue
            }
            if !content.trimmed.hasPrefix("//") { scan.inlines += try inlineSites(in: content, line: index) }
            index += 1
        }
        return scan
    }

    /// The inline values of one line, outside raw spans. Stops after
    /// ``NoteBudget/maximumCommands`` + 1 values (the caller refuses the note).
    static func inlineSites(in content: String, line: Int) throws -> [InlineSite] {
        var sites: [InlineSite] = []
        var from = content.startIndex
        var rawSpans = CodeSpanParity(content)
        while sites.count <= NoteBudget.maximumCommands, let open = content.range(of: "/*", range: from..<content.endIndex) {
            guard !rawSpans.isInside(at: open.lowerBound) else {
                from = open.upperBound
                continue
            }
            guard let close = content.range(of: "*/", range: open.upperBound..<content.endIndex) else {
                if content[open.upperBound...].trimmed.hasPrefix(valueTag) {
                    throw NotesError(line: line + 1, message: "/* \(valueTag) without a closing */ on its line")
                }
                break
            }
            from = close.upperBound
            let inner = content[open.upperBound..<close.lowerBound].trimmed
            guard inner.hasPrefix(valueTag) else { continue }
            let rest = inner.dropFirst(valueTag.count)
            guard rest.first?.isWhitespace == true else { continue }
            if rest.contains("/*") {
                // Typst nests block comments: the value's arguments would not end at the first */.
                throw NotesError(line: line + 1, message: "/* inside the arguments of /* \(valueTag) … */; Typst would nest the comments")
            }
            let arguments = try NoteScan.words(rest, line: line)
            if let next = content.range(of: closingComment, range: from..<content.endIndex),
               !content[from..<next.lowerBound].contains("/*") {
                sites.append(InlineSite(line: line, valueRange: from..<next.lowerBound, arguments: arguments, opener: "", closer: ""))
                from = next.upperBound
            } else {
                sites.append(InlineSite(line: line, valueRange: from..<from, arguments: arguments, opener: "", closer: closingComment))
            }
        }
        return sites
    }
}
