/// The exact quantities of docs/formulas.md for a finite smoothness (the API the empirical check
/// uses for its theory column).
public struct RateQuantities: Sendable {
    /// Effective smoothness: mixed `a† = ā_1`, anisotropic `a† = (Σ_k 1/a_k)^{-1}` (docs/formulas.md).
    public let aDagger: Rational
    /// `v = (1/p − 1/2)_+`, 0 when p is not given.
    public let v: Rational
    /// `r = 2(a†−v)/(2(a†−v)+1)`; `nil` when `a† ≤ v` (O22 Thm 10; TS23; NS24).
    public let rateExponent: Rational?
    /// `T(n) = levelCoefficient · log₂ n` with `levelCoefficient = a†/(2(a†−v)+1)`; `nil` when `a† ≤ v`.
    public let levelCoefficient: Rational?
    /// `1/r`; `nil` when `a† ≤ v`.
    public let samplesExponent: Rational?

    /// Computes every quantity exactly from the entries (any order; each > 0), the γ type and
    /// `p` (nil = p ≥ 2).
    public static func compute(entries: [Rational], gamma: GammaType, p: Rational?) -> RateQuantities {
        let aDagger = EffectiveSmoothness.aDagger(entries: entries, gamma: gamma)
        let v = RateFormulas.v(p: p)
        let applies = aDagger > v
        return RateQuantities(
            aDagger: aDagger, v: v,
            rateExponent: applies ? RateFormulas.rateExponent(aDagger: aDagger, v: v) : nil,
            levelCoefficient: applies ? RateFormulas.levelCoefficient(aDagger: aDagger, v: v) : nil,
            samplesExponent: applies ? RateFormulas.samplesExponent(aDagger: aDagger, v: v) : nil)
    }
}

/// Effective smoothness of a finite smoothness (docs/formulas.md).
public enum EffectiveSmoothness {
    /// Mixed: `a† = ā_1 = min_k a_k`. Anisotropic: `a† = 1/ã`, `ã = Σ_k 1/a_k`, summed
    /// by balanced (binary-splitting) summation so that long vectors cost like the
    /// size of the result.
    public static func aDagger(entries: [Rational], gamma: GammaType) -> Rational {
        precondition(!entries.isEmpty && entries.allSatisfy { $0.signum > 0 }, "entries must be positive")
        switch gamma {
        case .mixed:
            return entries.min()!
        case .anisotropic:
            return anisotropicADagger(reciprocalSum: CertifiedValue(exact: reciprocalSum(entries))).lower
        }
    }

    /// `ã = Σ_k 1/a_k` exactly (docs/formulas.md).
    public static func reciprocalSum(_ entries: [Rational]) -> Rational {
        Rational.balancedSumOfReciprocals(entries)
    }

    /// Anisotropic `a† = 1/ã` from `ã` exact or enclosed (`ã > 0`): `1/x` is decreasing, so an
    /// enclosure `[lo, hi]` of ã gives `[1/hi, 1/lo]`, carrying `closedForm` (a†'s closed
    /// form, e.g. `6/π^2`) beside it.
    public static func anisotropicADagger(reciprocalSum: CertifiedValue, closedForm: ClosedForm? = nil) -> CertifiedValue {
        reciprocalSum.mapDecreasing(closedForm: closedForm) { $0.reciprocal }
    }
}
