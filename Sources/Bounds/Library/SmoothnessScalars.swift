/// The named scalars a theorem's formulas and conditions use for a smoothness and γ type
/// (docs/theorems.md, "Names"): `a_dagger` (a†), `a_tilde` (ã, anisotropic and finite only),
/// `a1`, `a2` (ā₁, ā₂), `v = (1/p − 1/2)₊`, `q` when given, and `dim`, the number of entries of
/// a finite smoothness.
struct SmoothnessScalars {
    /// Effective smoothness a†: mixed `ā₁`; anisotropic `1/ã` (0 when ã = ∞, so that a† > v fails visibly).
    let aDagger: CertifiedValue
    /// ã (anisotropic γ, when finite).
    let aTilde: CertifiedValue?
    /// Every named scalar with a value.
    let values: [String: CertifiedValue]

    init(summary: SmoothnessSummary, gamma: GammaType, v: Rational, p: Rational?, q: Rational?) {
        switch gamma {
        case .mixed:
            aDagger = summary.smallest
            aTilde = nil
        case .anisotropic:
            aTilde = summary.reciprocalSum
            aDagger = summary.reciprocalSum.map {
                EffectiveSmoothness.anisotropicADagger(reciprocalSum: $0, closedForm: summary.anisotropicClosedForm)
            } ?? CertifiedValue(exact: .zero)
        }
        var values: [String: CertifiedValue] = ["a_dagger": aDagger, "a1": summary.smallest, "v": CertifiedValue(exact: v)]
        if let aTilde { values["a_tilde"] = aTilde }
        if let second = summary.secondSmallest { values["a2"] = second }
        if let q { values["q"] = CertifiedValue(exact: q) }
        if summary.rows != nil { values["dim"] = CertifiedValue(exact: Rational(summary.entryStrings.count)) }
        self.values = values
    }

    /// The scalars known exactly.
    var exactValues: [String: Rational] { values.compactMapValues(\.exact) }
}
