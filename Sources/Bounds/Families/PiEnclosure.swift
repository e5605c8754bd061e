/// A certified rational enclosure of π from Machin's formula
/// `π = 16 arctan(1/5) − 4 arctan(1/239)`; each arctangent series
/// `arctan(1/x) = Σ_k (−1)^k / ((2k+1) x^{2k+1})` alternates with decreasing terms, so
/// consecutive partial sums bracket it.
enum PiEnclosure {
    /// π to within `10^{-digits}`.
    static func enclosure(digits: Int) -> CertifiedValue {
        let a = arctangentOfReciprocal(5, digits: digits + 3)
        let b = arctangentOfReciprocal(239, digits: digits + 3)
        return CertifiedValue(lower: Rational(16) * a.lower - Rational(4) * b.upper,
                              upper: Rational(16) * a.upper - Rational(4) * b.lower)
            .roundedOutward(digits: digits + 2)
    }

    /// `arctan(1/x)` bracketed by two consecutive partial sums whose last term is below `10^{-digits}`.
    static func arctangentOfReciprocal(_ x: Int, digits: Int) -> CertifiedValue {
        let threshold = Rational.powerOfTen(-digits)
        let xSquared = BigInt(x * x)
        var power = BigInt(x) // x^{2k+1}
        var sum = Rational.zero
        var k = 0
        while true {
            let term = Rational(BigInt(1), BigInt(2 * k + 1) * power)
            let next = k % 2 == 0 ? sum + term : sum - term
            if term < threshold {
                return CertifiedValue(lower: Rational.minimum(sum, next), upper: Rational.maximum(sum, next))
            }
            sum = next
            power = power * xSquared
            k += 1
        }
    }
}
