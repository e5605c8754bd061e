/// A real quantity known either exactly (a rational) or as a certified rational
/// enclosure `lower ≤ x ≤ upper` (SPEC §4, §6.1), with an optional symbolic form such as
/// `6/π^2`.
public struct CertifiedValue: Sendable, Equatable {
    /// A certified lower bound.
    public let lower: Rational
    /// A certified upper bound.
    public let upper: Rational
    /// A closed form where one exists (e.g. `6/π^2`), for display only.
    public let symbolic: String?

    /// An exactly known rational.
    public init(exact value: Rational) {
        lower = value
        upper = value
        symbolic = nil
    }

    /// A certified enclosure; `lower ≤ upper` is required.
    public init(lower: Rational, upper: Rational, symbolic: String? = nil) {
        precondition(lower <= upper, "an enclosure needs lower ≤ upper")
        self.lower = lower
        self.upper = upper
        self.symbolic = symbolic
    }

    /// The exact value when known (the enclosure is a point), else `nil`.
    public var exact: Rational? { lower == upper ? lower : nil }

    /// The midpoint `(lower + upper)/2`, used as the JSON `approx` of an enclosure.
    public var midpoint: Rational { (lower + upper) * Rational.oneHalf }

    /// The image under a nondecreasing map `f` (applied to both ends).
    public func mapIncreasing(_ f: (Rational) -> Rational) -> CertifiedValue {
        exact.map { CertifiedValue(exact: f($0)) } ?? CertifiedValue(lower: f(lower), upper: f(upper))
    }

    /// The image under a nonincreasing map `f` (ends swapped).
    public func mapDecreasing(_ f: (Rational) -> Rational) -> CertifiedValue {
        exact.map { CertifiedValue(exact: f($0)) } ?? CertifiedValue(lower: f(upper), upper: f(lower))
    }
}

extension Rational {
    /// The constant 1/2.
    static let oneHalf = try! Rational(1, 2)
    /// The constant 2.
    static let two = Rational(2)
}
