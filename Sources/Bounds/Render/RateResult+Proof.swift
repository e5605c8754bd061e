/// Whether a result's bound is proven, in words every format prints (text, LaTeX,
/// Markdown; JSON has `theorem_applies` and `proven_by`).
extension RateResult {
    /// Whether an exponent is shown although no theorem's hypotheses are all met.
    public var isNotProven: Bool { theorem != nil && rateExponent != nil && provenBy.isEmpty }

    /// `proven (NS24)`, `proven by O22 Theorem 10`, `not proven: …` or why there is no rate.
    public var proofStatus: String {
        guard let theorem else { return "no theorem covers this architecture and class" }
        guard rateExponent != nil else { return "no rate: a† > v fails" }
        if isNotProven {
            return "not proven: a hypothesis fails or is undecided, so the exponent is the formula's value only"
        }
        if theorem.alternatives.isEmpty { return "proven (\(theorem.source.key))" }
        return "proven by \(theorem.source.key) " + provenBy.joined(separator: " and ")
    }
}
