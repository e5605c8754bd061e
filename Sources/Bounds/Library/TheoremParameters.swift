import Foundation

/// Exact values of a theorem's named parameters, from `NAME=VALUE[,NAME=VALUE…]`
/// (`rate --param beta=1/2,d=3`; values as in every exact option: `1/2`, `0.5`, `3`).
public struct TheoremParameters: Sendable, Equatable {
    /// The most parameters one call may give.
    public static let maximumCount = 64
    /// The values, in the order given.
    public let values: [(name: String, value: Rational)]

    /// No parameters.
    public init() { values = [] }

    /// Parses the lists (one per `--param`), in order.
    /// - Throws: ``TheoremRequestError`` naming the bad item.
    public init(parsing lists: [String]) throws {
        var values: [(name: String, value: Rational)] = []
        for list in lists {
            for item in list.split(separator: ",", omittingEmptySubsequences: false) {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = parts[0].trimmingCharacters(in: .whitespaces)
                guard parts.count == 2, (try? ExpressionParser.expression(name)) == .variable(name) else {
                    throw TheoremRequestError.badParameter(SafeText.quoted(String(item)), expected: "NAME=VALUE, e.g. beta=1/2")
                }
                guard !values.contains(where: { $0.name == name }) else {
                    throw TheoremRequestError.badParameter(name, expected: "each parameter once")
                }
                do {
                    values.append((name, try Rational(parsing: String(parts[1]))))
                } catch {
                    throw TheoremRequestError.badParameter(SafeText.quoted(String(item)), expected: "an exact number such as 1/2 or 0.25 after '='")
                }
                guard values.count <= Self.maximumCount else {
                    throw TheoremRequestError.badParameter(name, expected: "at most \(Self.maximumCount) parameters")
                }
            }
        }
        self.values = values
    }

    public static func == (lhs: TheoremParameters, rhs: TheoremParameters) -> Bool {
        lhs.values.map(\.name) == rhs.values.map(\.name) && lhs.values.map(\.value) == rhs.values.map(\.value)
    }
}

/// Why a theorem cannot be evaluated as asked, as one line (`rate --theorem`).
public enum TheoremRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No theorem has the id; the ids it could have been.
    case unknownTheorem(String, known: [String])
    /// A `--param` item is malformed.
    case badParameter(String, expected: String)
    /// A parameter the theorem does not have.
    case notAParameter(String, theorem: String, parameters: [String])
    /// A parameter the theorem needs was not given.
    case missingParameter(String, theorem: String)
    /// The theorem's formulas use the smoothness, and none was given.
    case needsSmoothness(theorem: String)
    /// `--format` other than text, json or typst.
    case unsupportedFormat(String)

    /// The line, naming the flag to change.
    public var description: String {
        switch self {
        case .unknownTheorem(let id, let known):
            return "--theorem \(SafeText.quoted(id)): expected one of \(known.joined(separator: ", ")) (ratecalc theorems lists them)"
        case .badParameter(let item, let expected):
            return "--param \(item): expected \(expected)"
        case .notAParameter(let name, let theorem, let parameters):
            return "--param \(name): expected a parameter of \(theorem) (" + (parameters.isEmpty ? "it has none" : parameters.joined(separator: ", ")) + ")"
        case .missingParameter(let name, let theorem):
            return "--param: \(theorem) needs \(name)=VALUE"
        case .unsupportedFormat(let format):
            return "--format \(format): expected text, json or typst with --theorem"
        case .needsSmoothness(let theorem):
            return "--smoothness is missing: \(theorem)'s formulas use the smoothness (e.g. --smoothness 1,2,4)"
        }
    }
}
