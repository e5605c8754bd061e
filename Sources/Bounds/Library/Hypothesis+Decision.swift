/// Deciding a theorem's hypotheses exactly (docs/theorems.md, "Conditions").
extension Hypothesis {
    /// The hypothesis decided on the given scalars (exact or enclosed) and, for smoothness
    /// predicates, the summary; nil when a predicate does not apply to this γ type.
    func decide(values: [String: CertifiedValue], summary: SmoothnessSummary?, gamma: GammaType?, q: Rational?,
                fieldNames: FieldNames, missingName: (String) -> String) -> Condition? {
        switch test {
        case .predicate(let predicate):
            guard let summary, let gamma else {
                return Condition(name: text, displayName: ExpressionNotation.text(text), status: .undecided,
                                 detail: "needs a smoothness", latex: predicate.latex)
            }
            return predicate.decide(summary, gamma: gamma, q: q, fieldNames: fieldNames)?.assigned(required: true, hypothesisOf: nil, latex: predicate.latex)
        case .comparison(let comparison):
            let display = ExpressionNotation.text(text), latex = ExpressionNotation.latex(comparison)
            do {
                let difference = try Expression.binary(.minus, comparison.lhs, comparison.rhs).certifiedValue(in: values)
                let lhs = try comparison.lhs.certifiedValue(in: values), rhs = try comparison.rhs.certifiedValue(in: values)
                var signs: [Int] = []
                if difference.lower.signum < 0 { signs.append(-1) }
                if difference.lower.signum <= 0 && difference.upper.signum >= 0 { signs.append(0) }
                if difference.upper.signum > 0 { signs.append(1) }
                let verdicts = signs.map(comparison.relation.holds)
                let status: Condition.Status = verdicts.allSatisfy { $0 } ? .holds : (verdicts.allSatisfy { !$0 } ? .fails : .undecided)
                let relation = status == .holds ? comparison.relation.symbol : (status == .fails ? comparison.relation.negatedSymbol : "?")
                return Condition(name: text, displayName: display, status: status,
                                 detail: "\(CertifiedValue.describe(lhs)) \(relation) \(CertifiedValue.describe(rhs))", latex: latex)
            } catch ExpressionEvaluationError.missing(let name) {
                return Condition(name: text, displayName: display, status: .undecided, detail: "needs \(missingName(name))", latex: latex)
            } catch {
                return Condition(name: text, displayName: display, status: .undecided, detail: "undefined: \(error)", latex: latex)
            }
        }
    }
}
