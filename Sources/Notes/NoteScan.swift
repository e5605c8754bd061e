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

    /// Splits arguments, reporting a bad quote at `line` (0-based).
    static func words(_ text: some StringProtocol, line: Int) throws -> [String] {
        do {
            return try ShellWords.split(String(text))
        } catch {
            throw NotesError(line: line + 1, message: "\(error)")
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
