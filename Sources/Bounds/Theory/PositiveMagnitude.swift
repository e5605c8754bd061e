import Foundation

/// A positive real number known through a certified enclosure of its decimal logarithm,
/// `log10(y) ∈ [lower, upper]` with rational ends: `ε^{-1/r}`, `n^{-r}` and `n^{-r}(ln n)^k`
/// are real powers whose size is unbounded (ε = 10⁻⁴⁰⁰ gives n(ε) = 10^{600}), so they are
/// held by their logarithm and rendered from it; no rendering can overflow or trap.
public struct PositiveMagnitude: Sendable, Equatable {
    /// Lower end of `log10(y)`.
    public let log10Lower: Rational
    /// Upper end of `log10(y)`.
    public let log10Upper: Rational

    public init(log10Lower: Rational, log10Upper: Rational) {
        precondition(log10Lower <= log10Upper)
        self.log10Lower = log10Lower
        self.log10Upper = log10Upper
    }

    /// `x^s` for a rational `x > 0` and a rational exponent `s` (interval arithmetic on
    /// `s · log10(x)`).
    public static func power(_ x: Rational, _ s: Rational) -> PositiveMagnitude {
        let (lower, upper) = x.log10Enclosure()
        let a = s * lower, b = s * upper
        return PositiveMagnitude(log10Lower: Rational.minimum(a, b), log10Upper: Rational.maximum(a, b))
    }

    /// `self · other`.
    public func multiplied(by other: PositiveMagnitude) -> PositiveMagnitude {
        PositiveMagnitude(log10Lower: log10Lower + other.log10Lower, log10Upper: log10Upper + other.log10Upper)
    }

    /// The midpoint of the logarithm's enclosure, the value shown.
    public var log10Midpoint: Rational { (log10Lower + log10Upper) / 2 }

    /// The decimal exponent E and mantissa m ∈ [1, 10) of the midpoint, `y ≈ m·10^E`
    /// (E exact, m from the fractional part of the logarithm in double precision).
    public var scientific: (mantissa: Double, exponent: BigInt) {
        let middle = log10Midpoint
        let exponent = middle.floor()
        let fraction = (middle - Rational(exponent)).doubleValue
        var mantissa = Foundation.pow(10, fraction)
        var e = exponent
        if mantissa >= 10 { mantissa /= 10; e = e + BigInt(1) }
        return (mantissa, e)
    }

    /// The value as a double, nil outside the range where a double holds it with full
    /// relative precision (|log10 y| ≤ 300).
    public var doubleValue: Double? {
        let middle = log10Midpoint
        guard middle.magnitude <= Rational(300) else { return nil }
        return Foundation.pow(10, middle.doubleValue)
    }
}
