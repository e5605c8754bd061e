/// A real quantity known either exactly (a rational) or as a certified rational
/// enclosure `lower ≤ x ≤ upper` (docs/families.md, docs/json-schema.md), with an optional
/// closed form such as `6/π^2`.
public struct CertifiedValue: Sendable, Equatable {
    /// A certified lower bound.
    public let lower: Rational
    /// A certified upper bound.
    public let upper: Rational
    /// A closed form where one exists (e.g. `6/π^2`), for display beside the enclosure.
    public let closedForm: ClosedForm?

    /// The closed form as plain text (`12/(12 + π^2)`), the JSON `symbolic` field.
    public var symbolic: String? { closedForm?.text }

    /// An exactly known rational.
    public init(exact value: Rational) {
        lower = value
        upper = value
        closedForm = nil
    }

    /// A certified enclosure; `lower ≤ upper` is required.
    public init(lower: Rational, upper: Rational, closedForm: ClosedForm? = nil) {
        precondition(lower <= upper, "an enclosure needs lower ≤ upper")
        self.lower = lower
        self.upper = upper
        self.closedForm = closedForm
    }

    /// The exact value when known (the enclosure is a point), else `nil`.
    public var exact: Rational? { lower == upper ? lower : nil }

    /// The midpoint `(lower + upper)/2`, used as the JSON `approx` of an enclosure.
    public var midpoint: Rational { (lower + upper) * Rational.oneHalf }

    /// The image under a nondecreasing map `f` (applied to both ends); `closedForm` is the
    /// image's closed form when the caller knows it.
    public func mapIncreasing(closedForm: ClosedForm? = nil, _ f: (Rational) -> Rational) -> CertifiedValue {
        exact.map { CertifiedValue(exact: f($0)) } ?? CertifiedValue(lower: f(lower), upper: f(upper), closedForm: closedForm)
    }

    /// The image under a nonincreasing map `f` (ends swapped).
    public func mapDecreasing(closedForm: ClosedForm? = nil, _ f: (Rational) -> Rational) -> CertifiedValue {
        exact.map { CertifiedValue(exact: f($0)) } ?? CertifiedValue(lower: f(upper), upper: f(lower), closedForm: closedForm)
    }
}
