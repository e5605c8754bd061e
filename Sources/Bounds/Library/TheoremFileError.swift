/// Why a theorem file cannot be read, as one line: `my.toml:7: expected …` (docs/theorems.md).
public struct TheoremFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// The 1-based line of the offending key or table; 0 when the file as a whole cannot be read.
    public let line: Int
    /// What would have been accepted there.
    public let expected: String
    /// `<file>:<line>: expected <expected>` (`<file>: expected …` for an unreadable file).
    public var description: String { line > 0 ? "\(file):\(line): expected \(expected)" : "\(file): expected \(expected)" }
}
