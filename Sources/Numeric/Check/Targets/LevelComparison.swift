import Bounds

/// A level `T` given as a `Double` and compared with the exact `γ(s)` (docs/check.md).
///
/// Comparisons are exact: `T` stands for the exact value of its binary `Double`, except that when
/// `γ(s)` rounds to exactly that `Double`, `T` stands for `γ(s)` itself. So a level printed from
/// (or computed as) the `Double` of a block's γ — e.g. `γ = 1/3` — selects that block exactly,
/// with no tolerance anywhere.
struct LevelComparison: Sendable {
    /// The `Double` as given.
    let value: Double
    /// Its exact binary value.
    let exact: Rational

    /// `value` must be finite.
    init(_ value: Double) {
        self.value = value
        exact = LevelComparison.exactRational(value)
    }

    /// `γ(s) ≤ T`.
    func includes(_ block: FourierBlock) -> Bool {
        block.gammaValue == value || block.gamma <= exact
    }

    /// `γ(s) < T`.
    func strictlyIncludes(_ block: FourierBlock) -> Bool {
        block.gammaValue != value && block.gamma < exact
    }

    /// The exact rational value `m·2^e` of a finite `Double`.
    static func exactRational(_ x: Double) -> Rational {
        guard x.isFinite, x != 0 else { return .zero }
        let magnitude = abs(x)
        // magnitude = mantissa · 2^(exponent − 52) with a 53-bit integer mantissa.
        let exponent = Int(magnitude.exponent)
        let mantissa = Int(magnitude.significand * 0x1p52)
        let scale = Rational(2).power(exponent - 52)
        let value = Rational(mantissa) * scale
        return x < 0 ? -value : value
    }
}
