extension RateQuantities {
    /// The quantities of `theorem` for a finite smoothness (each entry > 0): its rate exponent,
    /// level coefficient and `1/r` evaluated from its theorem file, all nil when a `domain`
    /// condition (e.g. `a† > v`) does not hold — the path `check` takes its r from.
    public static func compute(entries: [Rational], gamma: GammaType, p: Rational?, theorem: Theorem) -> RateQuantities {
        let v = RateFormulas.v(p: p)
        let summary = (try? Smoothness(entries: entries, rows: entries.count, columns: 1)).map(SmoothnessSummary.init)
        let aDagger = EffectiveSmoothness.aDagger(entries: entries, gamma: gamma)
        guard let summary else { return RateQuantities(aDagger: aDagger, v: v, rateExponent: nil, levelCoefficient: nil, samplesExponent: nil) }
        let values = SmoothnessScalars(summary: summary, gamma: gamma, v: v, p: p, q: nil).values
        let domain = theorem.hypotheses.filter(\.definesFormulas).allSatisfy { hypothesis in
            hypothesis.decide(values: values, summary: summary, gamma: gamma, q: nil, fieldNames: InputField.ownNames,
                              missingName: { $0 })?.status ?? .holds == .holds
        }
        let exact: (Expression?) -> Rational? = { expression in domain ? expression.flatMap { try? $0.certifiedValue(in: values).exact } : nil }
        return RateQuantities(aDagger: aDagger, v: v, rateExponent: exact(theorem.rate.expression),
                              levelCoefficient: exact(theorem.level?.expression),
                              samplesExponent: exact(.binary(.divided, .number(.one), theorem.rate.expression)))
    }
}

extension TheoremLibrary {
    /// The theorem `check` measures every estimator against on `functionClass`: the SSM's covering
    /// theorem (NS24; the Transformer's and the CNN's share its formula), else the library's
    /// `fnn-window` reference (docs/check.md, docs/theorems.md).
    public func checkReference(functionClass: FunctionClass) -> Theorem {
        guard let theorem = covering(architecture: .ssm, functionClass: functionClass) ?? theorem(id: "fnn-window") else {
            preconditionFailure("the built-in library has a theorem for the check")
        }
        return theorem
    }
}
