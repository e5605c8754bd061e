import Foundation

/// Every result the theory gives for a request (docs/json-schema.md): one ``RateResult`` per
/// (class, architecture, γ type), in that order.
public struct RateReport: Sendable {
    /// The request the report answers.
    public let request: RateRequest
    /// `v = (1/p − 1/2)_+`.
    public let v: Rational
    /// One result per (class, architecture, γ type), in that order.
    public let results: [RateResult]
    /// How notes and condition details name an input they ask for (`needs q`); the CLI passes
    /// its flag names (`needs --q`).
    public let fieldNames: FieldNames

    /// Computes the report: for each γ type the effective smoothness (docs/formulas.md), the
    /// conditions (docs/formulas.md), and for each covered (architecture, class) the exact rate
    /// exponent, level coefficient, samples and approximation exponents.
    public init(_ request: RateRequest, fieldNames: @escaping FieldNames = InputField.ownNames) {
        self.request = request
        self.fieldNames = fieldNames
        let v = RateFormulas.v(p: request.p)
        self.v = v
        var results: [RateResult] = []
        for functionClass in request.functionClasses {
            for architecture in request.architectures {
                for gamma in request.gammas {
                    results.append(RateReport.result(request: request, v: v, gamma: gamma, architecture: architecture,
                                                     functionClass: functionClass, fieldNames: fieldNames))
                }
            }
        }
        self.results = results
    }

    static func result(request: RateRequest, v: Rational, gamma: GammaType, architecture: Architecture,
                       functionClass: FunctionClass, fieldNames: FieldNames) -> RateResult {
        let summary = request.smoothness
        let theorem = Theorem.covering(architecture: architecture, functionClass: functionClass, gamma: gamma)
        var conditions: [Condition] = []
        var notes: [String] = []

        // Effective smoothness.
        let aDagger: CertifiedValue?
        var aTilde: CertifiedValue? = nil
        switch gamma {
        case .mixed:
            aDagger = summary.smallest
        case .anisotropic:
            aTilde = summary.reciprocalSum
            // ã = ∞ gives a† = 1/ã = 0 (the limit), so that a† > v fails visibly below.
            aDagger = summary.reciprocalSum.map {
                EffectiveSmoothness.anisotropicADagger(reciprocalSum: $0, closedForm: summary.anisotropicClosedForm)
            } ?? CertifiedValue(exact: .zero)
            conditions.append(Condition(
                name: "a_tilde < infinity", displayName: "ã < ∞",
                status: summary.reciprocalSum == nil ? .fails : .holds,
                detail: summary.reciprocalSum.map { "ã = Σ 1/a_k = \(CertifiedValue.describe($0))" } ?? (summary.divergence ?? "Σ 1/a_k diverges")))
        }

        // a† > v.
        if let aDagger {
            let status: Condition.Status = aDagger.lower > v ? .holds : (aDagger.upper <= v ? .fails : .undecided)
            let relation = status == .holds ? ">" : (status == .fails ? "≤" : "?")
            conditions.insert(Condition(name: "a_dagger > v", displayName: "a† > v",
                                        status: status, detail: "\(CertifiedValue.describe(aDagger)) \(relation) \(v)"), at: 0)
        }

        // Mixed: strict gap ā_1 < ā_2 (part of O22's Assumption 8 for the CNN rate).
        if gamma == .mixed {
            var gap: Condition
            if let second = summary.secondSmallest, let holds = summary.strictGap {
                gap = Condition(name: "a1 < a2", displayName: "ā₁ < ā₂ (strict)",
                                status: holds ? .holds : .fails,
                                detail: "ā₁ = \(CertifiedValue.describe(summary.smallest)) \(holds ? "<" : "=") ā₂ = \(CertifiedValue.describe(second))")
            } else {
                gap = Condition(name: "a1 < a2", displayName: "ā₁ < ā₂ (strict)", status: .notApplicable,
                                detail: "a single entry: no second smallest entry")
            }
            if architecture == .cnn { gap = gap.hypothesis(of: Theorem.o22OrdinaryCNN) }
            conditions.append(gap)
        }

        // CNN: O22's alternative hypotheses, Assumption 8 (Theorem 10) or 12 (Theorem 14).
        if architecture == .cnn, functionClass == .gammaSmooth, let assumptions = summary.cnnAssumptions {
            conditions += assumptions(request.q, fieldNames)
        }

        // Exponents: defined whenever a† > v holds (monotone maps of a† for enclosures),
        // with the closed forms of the same maps when a† has one.
        var rate: CertifiedValue? = nil, level: CertifiedValue? = nil
        var samples: CertifiedValue? = nil, approximation: CertifiedValue? = nil
        let forms = aDagger?.closedForm.map { RateClosedForms(aDagger: $0, v: v) }
        if theorem != nil, let aDagger, aDagger.lower > v {
            rate = aDagger.mapIncreasing(closedForm: forms?.rateExponent) { RateFormulas.rateExponent(aDagger: $0, v: v) }
            level = aDagger.mapIncreasing(closedForm: forms?.levelCoefficient) { RateFormulas.levelCoefficient(aDagger: $0, v: v) }
            samples = aDagger.mapDecreasing(closedForm: forms?.samplesExponent) { RateFormulas.samplesExponent(aDagger: $0, v: v) }
            approximation = aDagger.mapIncreasing(closedForm: forms?.approximationExponent) { RateFormulas.approximationExponent(aDagger: $0, v: v) }
        }
        if theorem == nil {
            notes.append("no theorem covers \(architecture.displayName) on the \(functionClass.rawValue) class: O22 treats fixed (position-dependent) smoothness only")
        }
        for failing in conditions where failing.required && !failing.isSatisfied {
            let what = failing.status == .undecided ? "is undecided at this precision" : "fails"
            notes.append("condition \(failing.displayName) \(what) (\(failing.detail)): the theorem's hypothesis is not met" +
                         (rate == nil ? "" : "; the exponent shown is the formula's value, not a proven rate"))
        }
        if let theorem, !theorem.alternatives.isEmpty, conditions.allSatisfy({ !$0.required || $0.isSatisfied }) {
            let unmet = theorem.alternatives.filter { alternative in !conditions.filter { $0.hypothesisOf == alternative }.allSatisfy(\.isSatisfied) }
            if unmet.count == theorem.alternatives.count {
                notes.append("the hypotheses of \(unmet.joined(separator: " and ")) are not all met (failing or undecided): the exponent shown is the formula's value, not a proven rate")
            } else if !unmet.isEmpty {
                notes.append("proven by \(theorem.alternatives.filter { !unmet.contains($0) }.joined(separator: ", ")); the hypotheses of \(unmet.joined(separator: ", ")) are not all met")
            }
        }

        // Polylog exponent: stated for CNN (needs q), user-supplied otherwise; never invented.
        // Only a bound that exists has a polylog factor (no log exponent when a† ≤ v).
        var logExponent: LogExponent? = nil
        if rate == nil {
            logExponent = nil
        } else if let k = request.logExponent {
            logExponent = LogExponent(value: k, origin: .userSupplied)
        } else if architecture == .cnn, let q = request.q {
            logExponent = LogExponent(value: RateFormulas.cnnLogExponent(q: q), origin: .stated)
        } else if architecture == .cnn {
            notes.append("O22's polylog exponent κ = 2/q + 2 + max(4/q, 4) needs \(fieldNames(.q))")
        }

        var evaluation: EvaluationAtSampleSize? = nil
        if let n = request.n, let rate, let level {
            evaluation = EvaluationAtSampleSize(n: n, rate: rate.midpoint, levelCoefficient: level.midpoint,
                                                logExponent: logExponent?.value)
        }

        return RateResult(gamma: gamma, architecture: architecture, functionClass: functionClass, theorem: theorem,
                          aDagger: aDagger ?? CertifiedValue(exact: .zero), aTilde: aTilde, v: v,
                          rateExponent: rate, levelCoefficient: level, samplesExponent: samples,
                          approximationExponent: approximation, logExponent: logExponent,
                          conditions: conditions, notes: notes, evaluation: evaluation,
                          networkSize: architecture == .cnn && rate != nil
                              ? request.q.flatMap { q in aDagger.map { NetworkSizeScaling(aDagger: $0, v: v, q: q, closedForm: forms?.sizeExponent) } } : nil)
    }
}

extension CertifiedValue {
    /// `8/15`, or `[lo, hi]` for an enclosure.
    static func describe(_ value: CertifiedValue) -> String {
        value.exact?.description ?? ((value.symbolic.map { $0 + " ∈ " } ?? "") + value.enclosureText())
    }
}
