/// A smoothness sequence: a finite head of exact entries, optionally continued by an
/// infinite family (docs/limits.md).
///
/// Grammar (whitespace around tokens is ignored):
/// ```
/// sequence := entry ("," entry)* ["," family] | family
/// family   := "poly(" "c=" number "," "q=" number ")"     a_i = c·i^q,      c > 0, q > 0
///           | "geom(" "c=" number "," "r=" number ")"     a_i = c·r^(i−1),  c > 0, r > 1
/// ```
/// (keys in either order). The family continues the sequence: with a head of k entries it
/// supplies `a_{k+1}, a_{k+2}, …` with i the absolute 1-based position, so
/// `1,2,poly(c=3,q=2)` is `1, 2, 27, 48, 75, …`.
public struct SmoothnessSequence: Sendable, Equatable {
    /// The listed entries `a_1 … a_k`.
    public let head: [Rational]
    /// The infinite continuation, if any.
    public let tail: SmoothnessFamily?

    public init(head: [Rational], tail: SmoothnessFamily?) {
        self.head = head
        self.tail = tail
    }

    /// Whether the sequence has no infinite tail.
    public var isFinite: Bool { tail == nil }

    /// The sequence as written canonically: `1,2,poly(c=3,q=2)`.
    public var text: String {
        (head.map(\.description) + (tail.map { [$0.text] } ?? [])).joined(separator: ",")
    }

    /// Whether `text` names a family (contains `(`), so that callers can pick this parser.
    public static func looksLikeFamily(_ text: String) -> Bool { text.contains("(") }

    /// Parses the grammar above.
    /// - Throws: ``SmoothnessParseError`` naming the token and what was expected.
    public static func parse(_ text: String) throws -> SmoothnessSequence {
        try InputBudget.checkSmoothness(text)
        let items = try splitTopLevel(text)
        var head: [Rational] = []
        var tail: SmoothnessFamily? = nil
        for (index, item) in items.enumerated() {
            let token = item.trimmingWhitespace()
            if token.contains("(") || token.contains(")") {
                guard index == items.count - 1 else {
                    throw SmoothnessParseError(token: token, position: index + 1,
                                               problem: "must be the last item: a family continues the sequence after the listed entries")
                }
                tail = try parseFamily(token, position: index + 1)
            } else {
                do {
                    head.append(try Smoothness.parse(token).entries[0])
                } catch var error as SmoothnessParseError {
                    error.position = index + 1
                    error.location = "entry \(index + 1)"
                    throw error
                }
            }
        }
        if case .geometric(_, let r) = tail { try InputBudget.checkGeometric(r: r, after: head.count) }
        return SmoothnessSequence(head: head, tail: tail)
    }

    /// Splits at commas outside parentheses; rejects `;` (families are vectors).
    private static func splitTopLevel(_ text: String) throws -> [String] {
        guard !text.trimmingWhitespace().isEmpty else {
            throw SmoothnessParseError(token: "", position: nil, problem: "is empty: expected entries like 1,2,4 or a family like poly(c=1,q=2)")
        }
        if text.contains(";") {
            throw SmoothnessParseError(token: text.trimmingWhitespace(), position: nil,
                                       problem: "mixes a matrix (;) with a family: families continue a vector, e.g. 1,2,poly(c=3,q=2)")
        }
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1; current.append(character)
            case ")":
                depth -= 1
                guard depth >= 0 else {
                    throw SmoothnessParseError(token: current + ")", position: items.count + 1, problem: "has an unmatched ')'")
                }
                current.append(character)
            case "," where depth == 0: items.append(current); current = ""
            default: current.append(character)
            }
        }
        guard depth == 0 else {
            throw SmoothnessParseError(token: current.trimmingWhitespace(), position: items.count + 1, problem: "has an unclosed '(': expected poly(c=…,q=…) or geom(c=…,r=…)")
        }
        items.append(current)
        for (index, item) in items.enumerated() where item.trimmingWhitespace().isEmpty {
            throw SmoothnessParseError(token: "", position: index + 1, problem: "is empty: expected a positive number or a family")
        }
        return items
    }

    /// `poly(c=…,q=…)` or `geom(c=…,r=…)`.
    private static func parseFamily(_ token: String, position: Int) throws -> SmoothnessFamily {
        func fail(_ problem: String) -> SmoothnessParseError {
            SmoothnessParseError(token: token, position: position, problem: problem)
        }
        guard let open = token.firstIndex(of: "("), token.hasSuffix(")") else {
            throw fail("is not a family: expected poly(c=…,q=…) or geom(c=…,r=…)")
        }
        let name = token[..<open].trimmingWhitespace()
        let inside = token[token.index(after: open)..<token.index(before: token.endIndex)]
        var arguments: [String: Rational] = [:]
        for part in inside.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = pair.first.map { $0.trimmingWhitespace() } ?? ""
            guard pair.count == 2, !key.isEmpty else { throw fail("has \(SafeText.quoted(part.trimmingWhitespace())): expected key=value such as c=2") }
            guard arguments[key] == nil else { throw fail("gives \(SafeText.quoted(key)) twice") }
            do {
                arguments[key] = try Rational(parsing: String(pair[1]))
            } catch let error as RationalParseError {
                throw fail("has \(key)=\(error.description)")
            }
        }
        let expectedKeys: Set<String>
        switch name {
        case "poly": expectedKeys = ["c", "q"]
        case "geom": expectedKeys = ["c", "r"]
        default: throw fail("is an unknown family \(SafeText.quoted(name)): expected poly(c=…,q=…) or geom(c=…,r=…)")
        }
        guard Set(arguments.keys) == expectedKeys else {
            throw fail("needs exactly the keys \(expectedKeys.sorted().joined(separator: " and ")) (got \(arguments.keys.sorted().joined(separator: ", ")))")
        }
        let c = arguments["c"]!
        guard c.signum > 0 else { throw fail("has c = \(c): c must be > 0") }
        if name == "poly" {
            let q = arguments["q"]!
            guard q.signum > 0 else { throw fail("has q = \(q): q must be > 0 (the entries must grow)") }
            guard let u = q.numerator.intValue, let w = q.denominator.intValue, u <= 1000, w <= 1000 else {
                throw fail("has q = \(q): numerator and denominator of q must be ≤ 1000")
            }
            return .polynomial(c: c, q: q)
        } else {
            let r = arguments["r"]!
            guard r > .one else { throw fail("has r = \(r): r must be > 1 (the entries must grow)") }
            return .geometric(c: c, r: r)
        }
    }
}
