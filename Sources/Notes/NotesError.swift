/// Why a note cannot be refreshed, at a line: a block whose arguments fail, a marker
/// without its partner, an unclosed quote or fence. The note is then left unchanged.
public struct NotesError: Error, CustomStringConvertible, Sendable {
    /// 1-based line of the block or inline value.
    public let line: Int
    /// One line saying what is wrong.
    public let message: String

    /// An error at a 1-based line.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 12: …`; `ratecalc notes` prints `FILE:12: error: …`.
    public var description: String { "line \(line): \(message)" }
}
