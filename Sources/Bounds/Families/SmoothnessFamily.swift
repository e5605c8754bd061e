/// An infinite, increasing tail of a smoothness sequence (docs/limits.md). The family gives the
/// entry at absolute (1-based) position i:
///
/// - `poly(c=…,q=…)`: `a_i = c · i^q` with `c > 0`, `q > 0` (O22's `a_i = Ω(i^q)` decay);
/// - `geom(c=…,r=…)`: `a_i = c · r^{i−1}` with `c > 0`, `r > 1`.
///
/// Both are strictly increasing in i, which the effective-smoothness computations use.
public enum SmoothnessFamily: Sendable, Equatable {
    case polynomial(c: Rational, q: Rational)
    case geometric(c: Rational, r: Rational)

    /// The family as it is written: `poly(c=3,q=2)`, `geom(c=1,r=2)`.
    public var text: String {
        switch self {
        case .polynomial(let c, let q): return "poly(c=\(c),q=\(q))"
        case .geometric(let c, let r): return "geom(c=\(c),r=\(r))"
        }
    }

    /// The entry `a_i` exactly when it is rational (geometric, or polynomial with an integer
    /// exponent), else `nil`.
    public func exactTerm(at i: Int) -> Rational? {
        switch self {
        case .polynomial(let c, let q):
            guard q.isInteger, let e = q.numerator.intValue else { return nil }
            return c * Rational(BigInt(i).power(UInt(e)))
        case .geometric(let c, let r):
            return c * r.power(i - 1)
        }
    }

    /// The entry `a_i` as an exact value or a certified enclosure with about `digits`
    /// correct decimal digits.
    public func term(at i: Int, digits: Int) -> CertifiedValue {
        if let exact = exactTerm(at: i) { return CertifiedValue(exact: exact) }
        guard case .polynomial(let c, let q) = self else { preconditionFailure("geometric terms are rational") }
        return PowerEnclosure.power(BigInt(i), exponent: q, digits: digits).scaled(by: c)
    }

    /// Compares `a_i` with a rational x > 0 exactly (−1, 0, 1), without rounding:
    /// `c·i^{s/t} ≶ x ⟺ c^t · i^s ≶ x^t`, and `c·r^{i−1} ≶ x` likewise in integers
    /// (``PowerComparison``); nil when a near-tie would need more than its work limit.
    public func compareTerm(at i: Int, with x: Rational) -> Int? {
        guard x.signum > 0 else { return 1 }
        switch self {
        case .polynomial(let c, let q):
            let t = UInt(q.denominator.intValue!), s = UInt(q.numerator.intValue!)
            return PowerComparison.compare([(c.numerator, t), (BigInt(i), s), (x.denominator, t)],
                                           [(x.numerator, t), (c.denominator, t)])
        case .geometric(let c, let r):
            let k = UInt(i - 1)
            return PowerComparison.compare([(c.numerator, 1), (r.numerator, k), (x.denominator, 1)],
                                           [(x.numerator, 1), (c.denominator, 1), (r.denominator, k)])
        }
    }
}
