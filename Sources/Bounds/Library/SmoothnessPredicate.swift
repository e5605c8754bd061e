/// The hypotheses about the smoothness itself that a theorem file names and ratecalc decides
/// (docs/theorems.md, "Smoothness predicates"); each applies to the γ types it makes sense for
/// and is omitted elsewhere.
public enum SmoothnessPredicate: String, Sendable, CaseIterable {
    /// `ã = Σ_k 1/a_k < ∞` (anisotropic γ only).
    case reciprocalSumFinite = "a_tilde < infinity"
    /// The strict gap `ā₁ < ā₂` between the two smallest entries (mixed γ only).
    case strictGap = "a1 < a2"
    /// O22 Assumption 8, `a_i = Ω(i^q)` (γ-smooth class; decided for vectors and families).
    case polynomialGrowth = "a_i = Omega(i^q)"
    /// O22 Assumption 12's weak ℓ^q norm `sup_j j^q/ā_j ≤ 1`.
    case weakLqNorm = "weak_lq_norm <= 1"
    /// O22 Assumption 12's `a_i = Ω(log i)`.
    case logarithmicGrowth = "a_i = Omega(log i)"

    /// The predicate in LaTeX math.
    public var latex: String {
        switch self {
        case .reciprocalSumFinite: return "\\tilde a < \\infty"
        case .strictGap: return "\\bar a_1 < \\bar a_2"
        case .polynomialGrowth: return "a_i = \\Omega(i^q)"
        case .weakLqNorm: return "\\lVert a\\rVert_{w\\ell^q} \\le 1"
        case .logarithmicGrowth: return "a_i = \\Omega(\\log i)"
        }
    }

    /// The predicate decided for a smoothness and γ type (q: the request's q), or nil where it
    /// does not apply (the γ type, or a summary that cannot decide sequence growth).
    func decide(_ summary: SmoothnessSummary, gamma: GammaType, q: Rational?, fieldNames: FieldNames) -> Condition? {
        switch self {
        case .reciprocalSumFinite:
            guard gamma == .anisotropic else { return nil }
            return Condition(
                name: rawValue, displayName: "ã < ∞",
                status: summary.reciprocalSum == nil ? .fails : .holds,
                detail: summary.reciprocalSum.map { "ã = Σ 1/a_k = \(CertifiedValue.describe($0))" } ?? (summary.divergence ?? "Σ 1/a_k diverges"))
        case .strictGap:
            guard gamma == .mixed else { return nil }
            if let second = summary.secondSmallest, let holds = summary.strictGap {
                return Condition(name: rawValue, displayName: "ā₁ < ā₂ (strict)", status: holds ? .holds : .fails,
                                 detail: "ā₁ = \(CertifiedValue.describe(summary.smallest)) \(holds ? "<" : "=") ā₂ = \(CertifiedValue.describe(second))")
            }
            return Condition(name: rawValue, displayName: "ā₁ < ā₂ (strict)", status: .notApplicable,
                             detail: "a single entry: no second smallest entry")
        case .polynomialGrowth, .weakLqNorm, .logarithmicGrowth:
            return summary.sequenceConditions?(q, fieldNames).first { $0.name == rawValue }
        }
    }
}
