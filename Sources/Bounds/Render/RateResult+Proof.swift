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

extension RateResult {
    /// Whether the covering theorem combines alternatives with their own hypotheses.
    public var hasAlternatives: Bool { !(theorem?.alternatives.isEmpty ?? true) }

    /// Where a stated polylog exponent comes from: `2/q + 2 + max(4/q, 4) (O22 Thm 10)`.
    var statedPolylogLabel: String {
        guard let theorem, let polylog = theorem.polylog else { return "" }
        let statement = theorem.polylogStatement
        return "\(polylog.text) (\(theorem.source.key) \(statement.shortNumber ?? statement.name))"
    }

    /// The source's label of the network sizes, e.g. `O22 Thm 9`.
    var networkSizeLabel: String? {
        guard let theorem, let label = theorem.networkSizes else { return nil }
        return "\(theorem.source.key) \(label)"
    }
}

extension TheoremLibrary {
    /// The covering theorems that state their polylog exponent, one per source.
    var statedPolylogTheorems: [Theorem] {
        var seen: [String] = []
        return theorems.filter { theorem in
            guard !theorem.coverage.isEmpty, theorem.provenance == .stated, theorem.polylog != nil, !seen.contains(theorem.source.key) else { return false }
            seen.append(theorem.source.key)
            return true
        }
    }

    /// Their sources.
    var statedPolylogSources: [Source] { statedPolylogTheorems.map(\.source) }
}
