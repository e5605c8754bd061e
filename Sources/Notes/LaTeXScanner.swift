import Foundation

/// Finds ratecalc blocks and inline values in LaTeX (`docs/notes.md`):
///
/// - a comment line `% ratecalc: ARGS`, its output between `% ratecalc:begin` and
///   `% ratecalc:end` lines right after it;
/// - `\ratecalc{ARGS}{VALUE}` in running text or math (with `\newcommand{\ratecalc}[2]{#2}`
///   in the preamble, LaTeX prints VALUE); `{VALUE}` is added when missing.
///
/// Text after an unescaped `%` and the inside of verbatim-like environments are skipped.
enum LaTeXScanner {
    static let verbatimEnvironments = ["verbatim", "verbatim*", "Verbatim", "lstlisting", "minted"]
    static let command = "\\ratecalc{"

    static func scan(_ lines: [NoteLine]) throws -> NoteScan {
        var scan = NoteScan()
        var index = 0
        var verbatimEnd: String? = nil
        while index < lines.count, scan.blocks.count + scan.inlines.count <= NoteBudget.maximumCommands {
            let content = lines[index].content
            if let end = verbatimEnd {
                if content.contains(end) { verbatimEnd = nil }
                index += 1
                continue
            }
            if let environment = verbatimEnvironments.first(where: { content.contains("\\begin{\($0)}") }),
               !content.contains("\\end{\(environment)}") {
                verbatimEnd = "\\end{\(environment)}"
                index += 1
                continue
            }
            let text = content.trimmed
            try NoteScan.refuseOrphanMarker(content, line: index, syntax: .latex)
            if let block = try NoteScan.commentBlock(in: lines, at: index, prefix: "%", syntax: .latex) {
                scan.blocks.append(block)
                index = (block.generated?.upperBound ?? index) + 1
                continue
            }
            if !text.hasPrefix("%") { scan.inlines += try inlineSites(in: content, line: index) }
            index += 1
        }
        return scan
    }

    /// The `\ratecalc{…}{…}` uses of one line, before its first unescaped `%`.
    static func inlineSites(in content: String, line: Int) throws -> [InlineSite] {
        let code = content[..<commentStart(content)]
        var sites: [InlineSite] = []
        var from = code.startIndex
        while sites.count <= NoteBudget.maximumCommands, let use = code.range(of: command, range: from..<code.endIndex) {
            guard let argumentsEnd = closingBrace(in: code, from: use.upperBound) else {
                throw NotesError(line: line + 1, message: "\\ratecalc{ without a matching }")
            }
            let arguments = try NoteScan.words(code[use.upperBound..<argumentsEnd], line: line)
            let after = code.index(after: argumentsEnd)
            if after < code.endIndex, code[after] == "{" {
                let valueStart = code.index(after: after)
                guard let valueEnd = closingBrace(in: code, from: valueStart) else {
                    throw NotesError(line: line + 1, message: "the value of \\ratecalc{…}{ has no matching }")
                }
                sites.append(InlineSite(line: line, valueRange: valueStart..<valueEnd, arguments: arguments, opener: "", closer: ""))
                from = code.index(after: valueEnd)
            } else {
                sites.append(InlineSite(line: line, valueRange: after..<after, arguments: arguments, opener: "{", closer: "}"))
                from = after
            }
        }
        return sites
    }

    /// The `}` that closes a group opened just before `from` (escaped braces skipped).
    static func closingBrace(in text: Substring, from: String.Index) -> String.Index? {
        var depth = 1
        var index = from
        while index < text.endIndex {
            switch text[index] {
            case "\\":
                index = text.index(after: index)
                if index == text.endIndex { return nil }
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// The index of the first `%` not escaped as `\%` (or the end).
    static func commentStart(_ content: String) -> String.Index {
        var index = content.startIndex
        while index < content.endIndex {
            if content[index] == "\\" {
                index = content.index(after: index)
                if index == content.endIndex { break }
            } else if content[index] == "%" {
                return index
            }
            index = content.index(after: index)
        }
        return content.endIndex
    }
}
