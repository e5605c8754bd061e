import Foundation

/// A ratecalc block found in a note: its arguments and where its output goes.
struct BlockSite: Sendable {
    /// 0-based index of the line that starts the block (the opening fence or `% ratecalc:`).
    let line: Int
    /// The ratecalc arguments written in the block.
    let arguments: [String]
    /// The last line of the block; generated output goes directly after it.
    let anchor: Int
    /// The existing `begin`…`end` marker lines (inclusive), if any.
    let generated: ClosedRange<Int>?
}

/// An inline value found in a line of a note.
struct InlineSite: Sendable {
    /// 0-based line index.
    let line: Int
    /// The current value's characters in the line (empty when there is none yet).
    let valueRange: Range<String.Index>
    /// The arguments of `ratecalc value`.
    let arguments: [String]
    /// Text to add before and after the value when the syntax's closing part is missing.
    let opener: String
    let closer: String
}

/// Everything a scanner found in a note, in file order.
struct NoteScan: Sendable {
    var blocks: [BlockSite] = []
    var inlines: [InlineSite] = []

    /// The `begin`…`end` lines directly after `anchor`, or `nil` when the next line is not
    /// a begin marker. A begin marker without an end marker is an error (nothing is guessed).
    static func existingOutput(after anchor: Int, in lines: [NoteLine], syntax: NoteSyntax) throws -> ClosedRange<Int>? {
        let begin = anchor + 1
        guard begin < lines.count, lines[begin].content.trimmed == syntax.beginMarker else { return nil }
        guard let end = (begin + 1..<lines.count).first(where: { lines[$0].content.trimmed == syntax.endMarker }) else {
            throw NotesError(line: begin + 1, message: "\(syntax.beginMarker) without a matching \(syntax.endMarker)")
        }
        return begin...end
    }

    /// The block of a comment line `PREFIX ratecalc: ARGS` (LaTeX `%`, Typst `//`; the prefix's
    /// character may repeat) at `index`, with its existing output; nil for any other line (the
    /// `ratecalc:begin`/`end` markers included).
    static func commentBlock(in lines: [NoteLine], at index: Int, prefix: String, syntax: NoteSyntax) throws -> BlockSite? {
        let text = lines[index].content.trimmed
        guard text.hasPrefix(prefix), let character = prefix.first else { return nil }
        let rest = text.drop { $0 == character }.trimmed
        guard rest.hasPrefix("ratecalc:") else { return nil }
        let arguments = rest.dropFirst("ratecalc:".count)
        guard arguments.first?.isWhitespace == true, !arguments.trimmed.isEmpty else { return nil }
        let generated = try existingOutput(after: index, in: lines, syntax: syntax)
        return BlockSite(line: index, arguments: try words(arguments.trimmed, line: index), anchor: index, generated: generated)
    }

    /// Throws for a begin or end marker line that is not right after a block (a block's own
    /// markers are consumed with it): a stray marker would be taken for output next time.
    static func refuseOrphanMarker(_ content: String, line: Int, syntax: NoteSyntax) throws {
        let text = content.trimmed
        guard text == syntax.beginMarker || text == syntax.endMarker else { return }
        throw NotesError(line: line + 1, message: "\(text) without a ratecalc block right before it")
    }

    /// Splits arguments, reporting at `line` (0-based) a bad quote, shell syntax, a text
    /// longer than ``NoteBudget/maximumBlockBytes`` or a control character (`\0`, `\e`, …:
    /// arguments are text, and a process argument cannot hold `\0`).
    static func words(_ text: some StringProtocol, line: Int) throws -> [String] {
        let length = text.utf8.count
        guard length <= NoteBudget.maximumBlockBytes else {
            throw NotesError(line: line + 1, message: "the arguments are \(length) bytes long; a block or inline value may have at most \(NoteBudget.maximumBlockBytes)")
        }
        if let control = text.unicodeScalars.first(where: isControl) {
            let code = String(control.value, radix: 16, uppercase: true)
            throw NotesError(line: line + 1, message: "the arguments hold the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code); a note's arguments are plain text")
        }
        do {
            return try ShellWords.split(String(text))
        } catch {
            throw NotesError(line: line + 1, message: "\(error)")
        }
    }

    /// C0 and C1 control characters and DEL, except the tab.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
