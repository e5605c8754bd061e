/// Why a theorem file cannot be read, as one line: `my.toml:7: expected …` (docs/theorems.md).
public struct TheoremFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// The 1-based line of the offending key or table.
    public let line: Int
    /// What would have been accepted there.
    public let expected: String
    /// `<file>:<line>: expected <expected>`.
    public var description: String { "\(file):\(line): expected \(expected)" }
}
