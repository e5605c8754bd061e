/// Interval arithmetic on ``CertifiedValue``: every operation keeps the enclosure certified
/// (the true value stays inside), and is exact when its operands are.
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
        let low = Rational((lower * scale).floor(), BigInt.powerOfTen(UInt(digits)))
        let high = Rational((upper * scale).ceiling(), BigInt.powerOfTen(UInt(digits)))
        return CertifiedValue(lower: low, upper: high, closedForm: closedForm)
    }

    /// The enclosure with a closed form attached.
    func with(closedForm form: ClosedForm?) -> CertifiedValue {
        exact != nil ? self : CertifiedValue(lower: lower, upper: upper, closedForm: form)
    }

    /// `upper − lower`.
    var width: Rational { upper - lower }
}
