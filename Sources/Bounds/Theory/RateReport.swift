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
    /// The theorems the report draws on (the built-in library unless the caller adds files).
    public let library: TheoremLibrary

    /// Computes the report: for each γ type the effective smoothness (docs/formulas.md), and for
    /// each (architecture, class) the covering theorem of `library` with its conditions decided
    /// exactly and its rate exponent, level coefficient, samples and approximation exponents.
    public init(_ request: RateRequest, fieldNames: @escaping FieldNames = InputField.ownNames, library: TheoremLibrary = .builtIn) {
        self.request = request
        self.fieldNames = fieldNames
        self.library = library
        let v = RateFormulas.v(p: request.p)
        self.v = v
        var results: [RateResult] = []
        for functionClass in request.functionClasses {
            for architecture in request.architectures {
                for gamma in request.gammas {
                    results.append(RateReport.result(request: request, v: v, gamma: gamma, architecture: architecture,
                                                     functionClass: functionClass, fieldNames: fieldNames, library: library))
                }
            }
        }
        self.results = results
    }

    static func result(request: RateRequest, v: Rational, gamma: GammaType, architecture: Architecture,
                       functionClass: FunctionClass, fieldNames: @escaping FieldNames, library: TheoremLibrary) -> RateResult {
        let summary = request.smoothness
        let theorem = library.covering(architecture: architecture, functionClass: functionClass)
        let scalars = SmoothnessScalars(summary: summary, gamma: gamma, v: v, p: request.p, q: request.q)
        let missingName: (String) -> String = { $0 == "q" ? fieldNames(.q) : $0 }
        var notes: [String] = []

        // Hypotheses: the covering theorem's (several combined as alternatives), or those an
        // uncovered pair's file entry still decides.
        let uncovered = theorem == nil ? library.uncoveredPair(architecture: architecture, functionClass: functionClass) : nil
        let statements: [(label: String?, hypotheses: [Hypothesis])] = theorem.map { theorem in
            theorem.members.isEmpty ? [(nil, theorem.hypotheses)] : theorem.members.map { ($0.number ?? $0.name, $0.hypotheses) }
        } ?? uncovered.map { [(nil, $0.hypotheses)] } ?? []
        let decided = statements.map { statement in
            statement.hypotheses.compactMap { hypothesis in
                hypothesis.decide(values: scalars.values, summary: summary, gamma: gamma, q: request.q,
                                  fieldNames: fieldNames, missingName: missingName).map { (hypothesis, $0) }
            }
        }
        let common = decided.first?.filter { entry in decided.allSatisfy { list in list.contains { $0.0.text == entry.0.text } } } ?? []
        var conditions = common.map { $0.1.assigned(required: $0.0.hypothesisOf == nil, hypothesisOf: $0.0.hypothesisOf, latex: nil) }
        if statements.count > 1 {
            for (statement, list) in zip(statements, decided) {
                for (hypothesis, condition) in list where !common.contains(where: { $0.0.text == hypothesis.text }) {
                    conditions.append(condition.assigned(required: false, hypothesisOf: statement.label, latex: nil))
                }
            }
        }

        // Exponents: defined where the domain conditions hold, evaluated exactly or on the
        // enclosures (monotone maps keep the ends and the closed forms).
        var rate: CertifiedValue? = nil, level: CertifiedValue? = nil
        var samples: CertifiedValue? = nil, approximation: CertifiedValue? = nil
        let domainHolds = common.filter { $0.0.definesFormulas }.allSatisfy { $0.1.status == .holds }
        if let theorem, domainHolds {
            let evaluate: (Expression) -> CertifiedValue? = { try? $0.certifiedValue(in: scalars.values) }
            rate = evaluate(theorem.rate.expression)
            if rate != nil {
                level = theorem.level.flatMap { evaluate($0.expression) }
                samples = evaluate(.binary(.divided, .number(.one), theorem.rate.expression))
                approximation = theorem.approximation.flatMap { evaluate($0.expression) }
            }
        }
        if theorem == nil {
            notes.append("no theorem covers \(architecture.displayName) on the \(functionClass.rawValue) class" + (uncovered.map { ": " + $0.reason } ?? ""))
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

        // Polylog exponent: the theorem's stated one, or the user's; never invented. Only a
        // bound that exists has a polylog factor (no log exponent when the domain fails).
        var logExponent: LogExponent? = nil
        if rate == nil {
            logExponent = nil
        } else if let k = request.logExponent {
            logExponent = LogExponent(value: k, origin: .userSupplied)
        } else if let theorem, let polylog = theorem.polylog {
            do {
                logExponent = LogExponent(value: try polylog.expression.exactValue(in: scalars.exactValues), origin: .stated)
            } catch ExpressionEvaluationError.missing(let name) {
                notes.append("\(theorem.source.key)'s polylog exponent κ = \(polylog.text) needs \(missingName(name))")
            } catch {
                notes.append("\(theorem.source.key)'s polylog exponent κ = \(polylog.text) is undefined here (\(error))")
            }
        }

        var evaluation: EvaluationAtSampleSize? = nil
        if let n = request.n, let rate, let level {
            evaluation = EvaluationAtSampleSize(n: n, rate: rate.midpoint, levelCoefficient: level.midpoint,
                                                logExponent: logExponent?.value)
        }
        let forms = scalars.aDagger.closedForm.map { RateClosedForms(aDagger: $0, v: v) }
        return RateResult(gamma: gamma, architecture: architecture, functionClass: functionClass, theorem: theorem,
                          aDagger: scalars.aDagger, aTilde: scalars.aTilde, v: v,
                          rateExponent: rate, levelCoefficient: level, samplesExponent: samples,
                          approximationExponent: approximation, logExponent: logExponent,
                          conditions: conditions, notes: notes, evaluation: evaluation,
                          networkSize: theorem?.networkSizes != nil && rate != nil
                              ? request.q.map { q in NetworkSizeScaling(aDagger: scalars.aDagger, v: v, q: q, closedForm: forms?.sizeExponent) } : nil)
    }
}

extension CertifiedValue {
    /// `8/15`, or `[lo, hi]` for an enclosure.
    static func describe(_ value: CertifiedValue) -> String {
        value.exact?.description ?? ((value.symbolic.map { $0 + " ∈ " } ?? "") + value.enclosureText())
    }
}
