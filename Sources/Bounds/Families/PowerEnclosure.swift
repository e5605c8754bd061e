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
            magnitude = CertifiedValue(lower: Rational(root, scale), upper: Rational(root + 1, scale))
        }
        if e.signum >= 0 { return magnitude }
        return magnitude.mapDecreasing { $0.reciprocal }
    }
}
