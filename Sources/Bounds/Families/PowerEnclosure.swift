/// Certified rational enclosures of real powers `n^{u/w}` through GMP's exact integer
/// roots (`mpz_root`), rounded outward.
enum PowerEnclosure {
    /// `n^e` for an integer `n ≥ 1` and a rational `e`, with relative error below
    /// `10^{-digits}`: `⌊(n^{|u|} · 10^{D·w})^{1/w}⌋ / 10^D ≤ n^{|u|/w} ≤ (that + 1)/10^D`,
    /// inverted (ends swapped) when `e < 0`. Exact when `w = 1`.
    static func power(_ n: BigInt, exponent e: Rational, digits: Int) -> CertifiedValue {
        precondition(n.signum > 0)
        let u = e.numerator.magnitude, w = e.denominator
        let radicand = n.power(UInt(u.intValue!))
        let magnitude: CertifiedValue
        if w == BigInt(1) {
            magnitude = CertifiedValue(exact: Rational(radicand))
        } else if let exactRoot = Optional(radicand.integerRoot(UInt(w.intValue!))), exactRoot.power(UInt(w.intValue!)) == radicand {
            // A perfect power (e.g. 4^{3/2} = 8): exact.
            magnitude = CertifiedValue(exact: Rational(exactRoot))
        } else {
            let rootIndex = UInt(w.intValue!)
            let scale = BigInt.powerOfTen(UInt(digits + 2))
            let root = (radicand * scale.power(rootIndex)).integerRoot(rootIndex)
            magnitude = CertifiedValue(lower: try! Rational(root, scale), upper: try! Rational(root + BigInt(1), scale))
        }
        if e.signum >= 0 { return magnitude }
        return magnitude.mapDecreasing { try! $0.reciprocal() }
    }
}

extension CertifiedValue {
    /// `c · self` for a rational c (ends swapped when c < 0).
    func scaled(by c: Rational) -> CertifiedValue {
        c.signum >= 0 ? mapIncreasing { $0 * c } : mapDecreasing { $0 * c }
    }

    /// `self + other` (interval sum; exact when both are).
    func adding(_ other: CertifiedValue) -> CertifiedValue {
        if let a = exact, let b = other.exact { return CertifiedValue(exact: a + b) }
        return CertifiedValue(lower: lower + other.lower, upper: upper + other.upper)
    }

    /// Widened by `margin ≥ 0` on both sides.
    func widened(by margin: Rational) -> CertifiedValue {
        margin.isZero ? self : CertifiedValue(lower: lower - margin, upper: upper + margin, closedForm: closedForm)
    }

    /// The same enclosure with ends rounded outward to multiples of `10^{-digits}`, so
    /// that long partial sums do not carry huge denominators.
    func roundedOutward(digits: Int) -> CertifiedValue {
        if exact != nil { return self }
        let scale = Rational(BigInt.powerOfTen(UInt(digits)))
        let low = try! Rational((lower * scale).floor(), BigInt.powerOfTen(UInt(digits)))
        let high = try! Rational((upper * scale).ceiling(), BigInt.powerOfTen(UInt(digits)))
        return CertifiedValue(lower: low, upper: high, closedForm: closedForm)
    }

    /// The enclosure with a closed form attached.
    func with(closedForm form: ClosedForm?) -> CertifiedValue {
        exact != nil ? self : CertifiedValue(lower: lower, upper: upper, closedForm: form)
    }

    /// `upper − lower`.
    var width: Rational { upper - lower }
}
