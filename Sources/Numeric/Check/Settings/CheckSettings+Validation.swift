import Bounds

extension CheckSettings {
    /// The deepest network a check builds (M blocks).
    public static let maximumDepth = 8
    /// The most learning rates a check tries per run (each is a full training).
    public static let maximumLearningRates = 4

    /// Checks every field of a sweep's settings before anything runs (docs/check.md), and every
    /// shard's settings before `merge` believes them: each estimator once, positive counts (R, L, D, epochs, min steps, patience, V, test sequences), 0 ≤ oracle
    /// sizes below ≤ 20, finite σ ≥ 0, K ≥ 0 and T_max ≥ 0, ascending sample sizes ≥ 2, a finite
    /// smoothness (``parsedSmoothness()``), the strict gap ā₁ < ā₂ of mixed γ (O22 Thm 10), and a
    /// length that leaves a target position after the window (piecewise: V ≥ rows; L > V − 1,
    /// γ-smooth: L > rows − 1). The theorem's own condition a† > v is checked by ``CheckSweep``.
    /// - Throws: ``CheckSettingsError`` naming the first offending field.
    public func validate() throws {
        let smoothness = try parsedSmoothness()
        guard !estimators.isEmpty, Set(estimators).count == estimators.count else {
            throw CheckSettingsError(.estimators, [.name(.estimators), .text(" must list each estimator once, at least one")])
        }
        for (field, value) in [(CheckField.seeds, seeds), (.length, length), (.width, width),
                               (.epochs, epochs), (.minSteps, minSteps), (.window, window), (.patience, patience),
                               (.testSequences, testSequences)] where value < 1 {
            throw CheckSettingsError.notPositive(field, value)
        }
        guard (1...Self.maximumDepth).contains(depth) else {
            throw CheckSettingsError(.depth, [.name(.depth), .text(" must be an integer from 1 to \(Self.maximumDepth), got \(depth)")])
        }
        guard (1...Self.maximumLearningRates).contains(learningRates.count),
              learningRates.allSatisfy({ $0.isFinite && $0 > 0 && $0 < 1 }),
              zip(learningRates, learningRates.dropFirst()).allSatisfy(<) else {
            throw CheckSettingsError(.learningRates, [.name(.learningRates), .text(" must be 1 to \(Self.maximumLearningRates) ascending learning rates in (0, 1), got \(learningRates.map { CheckNumberFormat.short($0) }.joined(separator: ","))")])
        }
        guard (0...20).contains(oracleSizesBelow) else {
            throw CheckSettingsError(.oracleSizesBelow, [.name(.oracleSizesBelow), .text(" must be an integer from 0 to 20, got \(oracleSizesBelow)")])
        }
        for (field, value) in [(CheckField.noise, noise), (.logBand, logBand), (.targetLevel, targetLevel)]
        where !(value.isFinite && value >= 0) {
            throw CheckSettingsError(field, [.name(field), .text(" must be a finite number ≥ 0, got \(value)")])
        }
        guard let smallest = sampleSizes.first, smallest >= 2, zip(sampleSizes, sampleSizes.dropFirst()).allSatisfy(<) else {
            throw CheckSettingsError(.nMin, [.text("the sample sizes ("), .name(.nMin), .text(" … "), .name(.nMax),
                                             .text(") must be ascending integers ≥ 2, got \(sampleSizes)")])
        }
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
        _ = try parsedCNNQ()
    }

    /// ``cnnQ`` as an exact number; nil when not given.
    /// - Throws: ``CheckSettingsError`` (`cnnQ`) unless it is an exact number q > 0.
    public func parsedCNNQ() throws -> Rational? {
        guard let cnnQ else { return nil }
        guard let q = try? Rational(parsing: cnnQ), q.signum > 0 else {
            throw CheckSettingsError(.cnnQ, [.name(.cnnQ), .text(" \(SafeText.quoted(cnnQ)): expected an exact number q > 0 (3/2, 0.5)")])
        }
        return q
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
