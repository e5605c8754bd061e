/// A smoothness string that ratecalc refuses, with the token, where it is, and what was
/// expected — printed as one line (docs/limits.md "Bad input").
public struct SmoothnessParseError: Error, Equatable, CustomStringConvertible {
    /// The offending token as written (empty for an empty entry).
    public var token: String
    /// 1-based entry number in row-major order, when the problem is one entry.
    public var position: Int?
    /// Human-readable location, e.g. `entry 2` or `row 1, column 2`.
    public var location: String?
    /// What is wrong and what was expected.
    public var problem: String

    public init(token: String, position: Int?, location: String? = nil, problem: String) {
        self.token = token
        self.position = position
        self.location = location ?? position.map { "entry \($0)" }
        self.problem = problem
    }

    public var description: String {
        var text = "smoothness"
        if let location { text += " \(location)" }
        if !token.isEmpty { text += " \(SafeText.quoted(token))" }
        return text + " " + problem
    }
}
