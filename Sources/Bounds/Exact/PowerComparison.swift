import CGMP
import Foundation

/// Exact comparison of products of integer powers `Π aᵢ^{eᵢ}` and `Π bⱼ^{fⱼ}` (bases ≥ 1),
/// as needed by O22's weak ℓ^q condition (`j^u · t^w ≤ s^w`) and by family terms
/// (`c^t · i^s ≶ x^t`). Such powers can have millions of digits (`(10^9999)^4096`), so the
/// comparison first encloses both logarithms from the bases' leading bits, which decides
/// all but near-ties in microseconds, and builds the exact products only for a near-tie
/// within ``maximumExactBits``.
public enum PowerComparison {
    /// The largest exact product (in bits, about 600,000 decimal digits) built for a near-tie.
    public static let maximumExactBits = 2_000_000

    /// The sign of `Π left − Π right` (−1, 0, 1), or nil when the logarithms do not
    /// separate the sides and the exact products would exceed ``maximumExactBits``.
    public static func compare(_ left: [(base: BigInt, exponent: UInt)], _ right: [(base: BigInt, exponent: UInt)]) -> Int? {
        let l = logarithm(left), r = logarithm(right)
        let slack = 1e-12 * (l.magnitude + r.magnitude) + 1e-9
        if l + slack < r { return -1 }
        if r + slack < l { return 1 }
        guard exactBits(left) <= maximumExactBits, exactBits(right) <= maximumExactBits else { return nil }
        let a = product(left), b = product(right)
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    /// `log₂ Π base^exponent` from the leading 53 bits of each base (`mpz_get_d_2exp`).
    private static func logarithm(_ factors: [(base: BigInt, exponent: UInt)]) -> Double {
        var total = 0.0
        for (base, exponent) in factors where exponent > 0 {
            precondition(base.signum > 0, "bases are positive")
            var shift = 0
            let mantissa = cgmp_z_get_d_2exp(&shift, base.pointer)
            total += Double(exponent) * (Double(shift) + Foundation.log2(mantissa))
        }
        return total
    }

    /// An upper bound on the bits of the exact product.
    private static func exactBits(_ factors: [(base: BigInt, exponent: UInt)]) -> Int {
        factors.reduce(0) { sum, factor in
            let bits = Int(cgmp_z_sizeinbase(factor.base.pointer, 2))
            let (product, overflow) = bits.multipliedReportingOverflow(by: Int(clamping: factor.exponent))
            return overflow ? Int.max / 2 : min(Int.max / 2, sum + product)
        }
    }

    private static func product(_ factors: [(base: BigInt, exponent: UInt)]) -> BigInt {
        factors.reduce(BigInt(1)) { $0 * $1.base.power($1.exponent) }
    }
}
