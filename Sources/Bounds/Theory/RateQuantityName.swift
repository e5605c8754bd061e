/// One named quantity of a ``RateResult``, for inline values in notes (`ratecalc value`)
/// and LaTeX macros (`--format latex-macros`). The formulas are in `docs/formulas.md`.
public enum RateQuantityName: String, CaseIterable, Sendable {
    /// The rate exponent `r = 2(a†−v)/(2(a†−v)+1)` of `E‖f̂ − f°‖² ≲ n^{-r}`.
    case rateExponent = "rate-exponent"
    /// The effective smoothness `a†` (mixed: `ā₁`; anisotropic: `(Σ_k 1/a_k)^{-1}`).
    case aDagger = "a-dagger"
    /// `ã = Σ_k 1/a_k` (anisotropic γ only).
    case aTilde = "a-tilde"
    /// The coefficient `c = a†/(2(a†−v)+1)` of the level `T(n) = c · log₂ n`.
    case levelCoefficient = "t-coefficient"
    /// The samples exponent `1/r`, so that `n(ε) ≍ ε^{-1/r}`.
    case samplesExponent = "samples-exponent"
    /// The approximation exponent `1 − v/a†`.
    case approximationExponent = "approximation-exponent"

    /// The stem of its LaTeX macro name (`Rate` in `\RateAnisoSSM`); letters only.
    public var macroStem: String {
        switch self {
        case .rateExponent: return "Rate"
        case .aDagger: return "ADagger"
        case .aTilde: return "ATilde"
        case .levelCoefficient: return "TCoef"
        case .samplesExponent: return "Samples"
        case .approximationExponent: return "Approx"
        }
    }
}

extension RateResult {
    /// The quantity's value, or `nil` when it is undefined for this result (no rate when
    /// `a† ≤ v` or no theorem covers the pair; `ã` for mixed γ).
    public func value(of quantity: RateQuantityName) -> CertifiedValue? {
        switch quantity {
        case .rateExponent: return rateExponent
        case .aDagger: return aDagger
        case .aTilde: return aTilde
        case .levelCoefficient: return levelCoefficient
        case .samplesExponent: return samplesExponent
        case .approximationExponent: return approximationExponent
        }
    }
}
