import Foundation

/// Certified enclosures of decimal logarithms of rationals, for renderings of real
/// powers such as `ε^{-1/r}` and `n^{-r}` that may lie far outside the range of a `Double`.
extension Rational {
    /// The width added on each side of the double-precision correction `log10(m)`,
    /// `m ∈ [1, 10)`: far above the error of `log10` (below one unit in the last place,
    /// about 1.1·10⁻¹⁶) and of rounding `m` to a double.
    static let logarithmMargin = Rational.powerOfTen(-14)

    /// `log10(self)` for `self > 0` as `[lower, upper]`: the integer part from digit counts
    /// (``decimalExponent(of:)``, exact) plus `log10(m)` for the mantissa `m = self/10^e`
    /// in double precision, widened by ``logarithmMargin``. Exact (`lower == upper`) for
    /// a power of ten. Never traps, whatever the size of `self`.
    public func log10Enclosure() -> (lower: Rational, upper: Rational) {
        precondition(signum > 0, "log10 of a non-positive number")
        let e = Rational.decimalExponent(of: self)
        let mantissa = self * Rational.powerOfTen(-e)
        if mantissa == .one { return (Rational(e), Rational(e)) }
        // 20 significant digits of m as a double; both ends lie in [1, 10].
        let scale = BigInt.powerOfTen(19)
        let truncated = (mantissa * Rational(scale)).floor()
        let approximate = Double(truncated.description + "e-19") ?? 1
        let correction = Rational.exactDecimal(Foundation.log10(approximate))
        return (Rational(e) + correction - Rational.logarithmMargin, Rational(e) + correction + Rational.logarithmMargin)
    }

    /// The decimal value of a finite double, as an exact rational (17 significant digits,
    /// which identify the double; the difference is within ``logarithmMargin``).
    static func exactDecimal(_ value: Double) -> Rational {
        (try? Rational(parsing: String(format: "%.17e", value))) ?? .zero
    }
}
