/// One theorem of the library evaluated at given parameters (and a smoothness, for the
/// theorems whose formulas use it): `rate --theorem ID --param …` (docs/theorems.md).
public struct TheoremEvaluation: Sendable {
    /// The theorem.
    public let theorem: Theorem
    /// The parameters, in the theorem's order.
    public let parameters: [(name: String, value: Rational)]
    /// The γ type, for a theorem whose formulas use the smoothness; nil otherwise.
    public let gamma: GammaType?
    /// Every hypothesis, decided exactly.
    public let conditions: [Condition]
    /// The rate exponent r; nil when a `domain` condition fails or the formula is undefined.
    public let rateExponent: CertifiedValue?
    /// The level coefficient, when the theorem states one and r is defined.
    public let levelCoefficient: CertifiedValue?
    /// `1/r`, when r is defined and not 0.
    public let samplesExponent: CertifiedValue?
    /// The stated polylog exponent, when the theorem has one and its names have values.
    public let logExponent: Rational?
    /// Why a quantity is missing or the bound is not proven.
    public let notes: [String]

    /// Whether every hypothesis holds (or does not apply) and r is defined.
    public var isProven: Bool { rateExponent != nil && conditions.allSatisfy(\.isSatisfied) }

    /// Evaluates `theorem` at `parameters`; a smoothness-based theorem also needs `smoothness`
    /// and is evaluated for each of `gammas`.
    /// - Throws: ``TheoremRequestError`` for a parameter it does not have or one missing.
    public static func evaluate(_ theorem: Theorem, parameters: TheoremParameters, smoothness: SmoothnessSummary?,
                                gammas: [GammaType], p: Rational?, q: Rational?, fieldNames: @escaping FieldNames) throws -> [TheoremEvaluation] {
        for (name, _) in parameters.values where !theorem.parameters.contains(name) {
            throw TheoremRequestError.notAParameter(name, theorem: theorem.id, parameters: theorem.parameters)
        }
        let given = Dictionary(uniqueKeysWithValues: parameters.values.map { ($0.name, $0.value) })
        if let missing = theorem.parameters.first(where: { given[$0] == nil }) {
            throw TheoremRequestError.missingParameter(missing, theorem: theorem.id)
        }
        let ordered = theorem.parameters.map { (name: $0, value: given[$0]!) }
        guard theorem.usesSmoothness else {
            return [TheoremEvaluation(theorem, ordered, gamma: nil, smoothness: nil, values: given.mapValues { CertifiedValue(exact: $0) },
                                      q: q, fieldNames: fieldNames)]
        }
        guard let smoothness else { throw TheoremRequestError.needsSmoothness(theorem: theorem.id) }
        let v = RateFormulas.v(p: p)
        let chosen = theorem.gammas.isEmpty ? gammas : gammas.filter(theorem.gammas.contains)
        return (chosen.isEmpty ? theorem.gammas : chosen).map { gamma in
            var values = SmoothnessScalars(summary: smoothness, gamma: gamma, v: v, p: p, q: q).values
            for (name, value) in given { values[name] = CertifiedValue(exact: value) }
            return TheoremEvaluation(theorem, ordered, gamma: gamma, smoothness: smoothness, values: values, q: q, fieldNames: fieldNames)
        }
    }

    private init(_ theorem: Theorem, _ parameters: [(name: String, value: Rational)], gamma: GammaType?, smoothness: SmoothnessSummary?,
                 values: [String: CertifiedValue], q: Rational?, fieldNames: @escaping FieldNames) {
        self.theorem = theorem
        self.parameters = parameters
        self.gamma = gamma
        let missingName: (String) -> String = { name in name == "q" ? fieldNames(.q) : "--param \(name)" }
        let decided = theorem.hypotheses.compactMap { hypothesis in
            hypothesis.decide(values: values, summary: smoothness, gamma: gamma, q: q, fieldNames: fieldNames, missingName: missingName)
                .map { (hypothesis, $0) }
        }
        conditions = decided.map(\.1)
        var notes: [String] = []
        var rate: CertifiedValue? = nil
        if decided.filter({ $0.0.definesFormulas }).allSatisfy({ $0.1.status == .holds }) {
            do {
                rate = try theorem.rate.expression.certifiedValue(in: values)
            } catch {
                notes.append("the rate exponent \(theorem.rate.text) is undefined here: \(error)")
            }
        } else {
            notes.append("a domain condition fails or is undecided: the formulas are not defined here")
        }
        rateExponent = rate
        levelCoefficient = rate == nil ? nil : theorem.level.flatMap { try? $0.expression.certifiedValue(in: values) }
        samplesExponent = rate == nil ? nil : try? Expression.binary(.divided, .number(.one), theorem.rate.expression).certifiedValue(in: values)
        logExponent = theorem.polylog.flatMap { try? $0.expression.exactValue(in: values.compactMapValues(\.exact)) }
        for failing in conditions where !failing.isSatisfied {
            let what = failing.status == .undecided ? "is undecided" : "fails"
            notes.append("condition \(failing.displayName) \(what) (\(failing.detail)): the theorem's hypothesis is not met" +
                         (rate == nil ? "" : "; the exponent shown is the formula's value, not a proven rate"))
        }
        if !theorem.isVerified {
            notes.append("unverified: the statement was not checked against a published copy of the source")
        }
        self.notes = notes
    }

    /// `proven (NS24)`, `proven (A. Author, 2026; statement unverified)`, `not proven: …`, or why there is no rate.
    public var proofStatus: String {
        guard rateExponent != nil else { return "no rate: the formulas are not defined here" }
        return isProven ? "proven (\(theorem.source.key)\(theorem.isVerified ? "" : "; statement unverified"))" : "not proven: a hypothesis fails or is undecided, so the exponent is the formula's value only"
    }
}

extension Theorem {
    /// Whether a formula or condition names a smoothness summary (then a smoothness is needed).
    public var usesSmoothness: Bool {
        var names = rate.expression.variables + (level?.expression.variables ?? []) + (approximation?.expression.variables ?? [])
        for hypothesis in hypotheses {
            switch hypothesis.test {
            case .predicate: return true
            case .comparison(let c): names += c.lhs.variables + c.rhs.variables
            }
        }
        return names.contains { TheoremFile.summaryNames.contains($0) && $0 != "q" }
    }
}
