import Bounds

extension CheckSettings {
    /// The deepest network a check builds (M blocks).
    public static let maximumDepth = 8
    /// The most learning rates a check tries per run (each is a full training).
    public static let maximumLearningRates = 4

    /// Checks every field of a sweep's settings before anything runs (docs/check.md), and every
    /// shard's settings before `merge` believes them: a finite smoothness (``parsedSmoothness()``),
    /// then each row's own rule in ``CheckSettings/fields`` order (each estimator once, ascending
    /// sample sizes ≥ 2, positive counts R, L, D, epochs, V, test sequences, min steps, patience,
    /// finite σ, K and T_max ≥ 0, 0 ≤ oracle sizes below ≤ 20, 1 ≤ M ≤ 8, 1–4 ascending learning
    /// rates in (0, 1), q > 0 exact), then the rules that relate settings: the strict gap ā₁ < ā₂
    /// of mixed γ (O22 Thm 10), and a length that leaves a target position after the window
    /// (piecewise: V ≥ rows; L > V − 1, γ-smooth: L > rows − 1). The theorem's own condition a† > v is checked by ``CheckSweep``.
    /// - Throws: ``CheckSettingsError`` naming the first offending field.
    public func validate() throws {
        let smoothness = try parsedSmoothness()
        if let error = firstFieldError() { throw error }
        let sorted = smoothness.sortedEntries
        if gamma == .mixed, sorted.count >= 2, !(sorted[0] < sorted[1]) {
            throw CheckSettingsError(.gamma, [.text("mixed smoothness needs ā₁ < ā₂ strictly (O22 Thm 10): the two smallest entries are \(sorted[0]) and \(sorted[1])")])
        }
        if functionClass == .piecewise && window < smoothness.rows {
            throw CheckSettingsError(.window, [.name(.window), .text(" (\(window)) must be at least the number of ranked tokens, the smoothness rows (\(smoothness.rows))")])
        }
        let tokens = functionClass == .piecewise ? window : smoothness.rows
        if length <= tokens - 1 {
            throw CheckSettingsError(.length, [.name(.length), .text(" (\(length)) leaves no position with a target (the window needs \(tokens) tokens)")])
        }
    }

    /// ``cnnQ`` as an exact number; nil when not given.
    /// - Throws: ``CheckSettingsError`` (`cnnQ`) unless it is an exact number q > 0.
    public func parsedCNNQ() throws -> Rational? {
        guard let cnnQ else { return nil }
        if let error = CheckSettingRule<String>.positiveExactNumber.check(.cnnQ, cnnQ) { throw error }
        return try Rational(parsing: cnnQ)
    }

    /// The smoothness parsed; a check needs a finite vector or matrix (docs/limits.md), not a family.
    /// - Throws: ``CheckSettingsError`` for a family, the parser's one-line error for bad entries.
    public func parsedSmoothness() throws -> Smoothness {
        if smoothness.contains("(") {
            throw CheckSettingsError(.smoothness, [.text("check needs a finite smoothness vector or matrix, not a family: '\(smoothness)'")])
        }
        return try Smoothness.parse(smoothness)
    }

    /// T_max when none is given: the largest level whose target has at most `maxTerms` terms
    /// (`SyntheticTarget.defaultLevel`, docs/check.md, "Target").
    /// - Throws: ``CheckSettingsError`` when `maxTerms < 1` or the smoothness does not parse.
    public func defaultTargetLevel(maxTerms: Int) throws -> Double {
        guard maxTerms >= 1 else { throw CheckSettingsError.notPositive(.maxTerms, maxTerms) }
        return SyntheticTarget.defaultLevel(smoothness: try parsedSmoothness(), gamma: gamma, maxTerms: maxTerms)
    }
}
