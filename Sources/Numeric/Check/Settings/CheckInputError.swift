/// A check input that cannot be used (docs/check.md), e.g. a target with too many terms or a piecewise
/// window shorter than the smoothness has rows. `description` is one line naming the problem.
public struct CheckInputError: Error, CustomStringConvertible, Sendable {
    /// One line naming the problem and the value that caused it.
    public let description: String

    /// Wraps a one-line description.
    public init(_ d: String) { description = d }
}
