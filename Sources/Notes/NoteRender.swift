import Foundation

/// One block or inline value rendered on its own, from its text: `ratecalc notes
/// --render-block FORMAT` and `--render-value`, which the Pandoc filter and the Quarto
/// extension call (docs/notes.md). The same rules as ``NotesProcessor``: the same word
/// splitting, the same allow-list of subcommands and options, `check` only when the budget
/// allows it — the filter itself splits nothing and chooses nothing.
public enum NoteRender {
    /// A block or value that cannot be rendered: `ratecalc block: …`, one line.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public let message: String
        /// `ratecalc block: message`.
        public var description: String { "ratecalc block: \(message)" }
    }

    /// The output of a block whose text is `text` (the lines of a ```` ```ratecalc ```` code
    /// block; lines starting with `#` are comments), rendered in `syntax`'s format unless the
    /// block names one, exactly as the command prints it.
    /// - Throws: ``Failure`` for arguments a note may not pass, a `check` block without
    ///   `budget.runChecks`, or a failing command.
    public static func block(_ text: String, syntax: NoteSyntax, budget: NoteBudget, run: NoteRunner) throws -> String {
        try failing {
            let lines = NoteLine.split(text).map(\.content)
            let command = try NoteCommand(block: NoteScan.words(MarkdownScanner.blockText(lines), line: 0), syntax: syntax, line: 0)
            if command.isCheck && !budget.runChecks {
                throw NotesError(line: 1, message: "a check block trains networks and runs only when the user sets \(NoteBudget.runChecksVariable)=1 (or passes --run-checks)")
            }
            do {
                return try run(command.arguments)
            } catch {
                throw NotesError(line: 1, message: "\(error)")
            }
        }
    }

    /// The one line (with its newline) of the inline value whose text is `text`, the
    /// arguments of `ratecalc value` (on one or more lines).
    /// - Throws: ``Failure`` for arguments a note may not pass, a failing command or an
    ///   output that is not one line.
    public static func value(_ text: String, run: NoteRunner) throws -> String {
        try failing {
            let words = try NoteScan.words(NoteLine.split(text).map(\.content).joined(separator: " "), line: 0)
            let command = try NoteCommand(inline: words, syntax: .markdown, line: 0)
            let output = try NotesProcessor.outputLines(of: command, line: 0, run: run)
            guard output.count == 1 else {
                throw NotesError(line: 1, message: "an inline value must be one line; ratecalc printed \(output.count)")
            }
            return output[0] + "\n"
        }
    }

    /// Reads a block's text from `handle` (standard input): at most
    /// ``NoteBudget/maximumBlockBytes`` of UTF-8.
    public static func readText(from handle: FileHandle = .standardInput) throws -> String {
        let limit = NoteBudget.maximumBlockBytes
        var data = Data()
        do {
            while data.count <= limit, let chunk = try handle.read(upToCount: limit + 1 - data.count), !chunk.isEmpty {
                data += chunk
            }
        } catch {
            throw Failure(message: "cannot read the block from standard input")
        }
        guard data.count <= limit else { throw Failure(message: "the block is longer than \(limit) bytes") }
        guard let text = String(data: data, encoding: .utf8) else { throw Failure(message: "the block is not UTF-8 text") }
        return text
    }

    /// Runs `body`, turning a ``NotesError`` into a ``Failure`` (a block has no file line).
    private static func failing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as NotesError {
            throw Failure(message: error.message)
        }
    }
}
