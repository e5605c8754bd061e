import Bounds

/// `--format text` of `ratecalc check`: for people (README.md) — the setting and the exact
/// theory exponent, one table per estimator, one summary line per estimator with its
/// verdict and the reason, the SSM − Transformer difference, and a note when runs are missing.
extension CheckReport {
    /// The report as lines of text, ending in a newline.
    public func text() -> String {
        var lines = headerLines()
        for summary in summaries {
            lines.append("")
            lines.append("\(summary.estimator.rawValue)  (\(summary.runs.count) runs)")
            guard !summary.rows.isEmpty else { lines.append("  no runs"); continue }
            var table = TextTable()
            let trained = summary.convergence != nil
            var header = ["n", "runs", "mean test MSE", "min – max", "sd ln MSE", "mean s"]
            if trained { header += ["steps", "stopped", "train MSE/σ²"] }
            if summary.efficiency != nil { header.append("c = n/n_eq") }
            table.append(cells: header)
            for row in summary.rows {
                var cells = [String(row.n), String(row.runs), CheckNumberFormat.short(row.meanMSE),
                             "\(CheckNumberFormat.short(row.minMSE)) – \(CheckNumberFormat.short(row.maxMSE))",
                             CheckNumberFormat.short(row.sdLogMSE), CheckNumberFormat.short(row.meanSeconds)]
                if trained { cells += trainingCells(summary.runs.filter { $0.n == row.n }) }
                if let efficiency = summary.efficiency {
                    cells.append(efficiency.sizes.first { $0.n == row.n }.map(CheckReport.cText) ?? "—")
                }
                table.append(cells: cells)
            }
            lines += table.rendered()
            if summary.unusableRuns > 0 {
                lines.append("  \(summary.unusableRuns) run(s) with a test MSE that is not positive and finite are left out of the fit")
            }
            if let convergence = summary.convergence { lines.append("  convergence: " + convergence.summary) }
            if let efficiency = summary.efficiency { lines.append("  efficiency: " + efficiency.explanation) }
            if let floor = summary.floor { lines.append("  floor: " + floor.summary) }
        }
        if oracleCurve.count > (summary(of: .oracle)?.rows.count ?? 0) {
            lines.append("")
            lines.append("oracle curve for c = n/n_eq (n_eq: where the oracle reaches the network's MSE), extension below n-min included:")
            lines.append("  " + oracleCurve.map { "n=\($0.n): \(CheckNumberFormat.short($0.meanMSE))" }.joined(separator: ", "))
        }
        if let risk = projectionRisk, let ideal = risk.localExponent(sizes: settings.sampleSizes, efficiency: 1) {
            lines.append("ideal projection estimator R(n) = min_P [bias² + σ²P/N] on this grid: r̂ ≈ \(CheckNumberFormat.short(ideal)) (the level staircase of the target)")
        }
        lines.append("")
        lines.append("fitted exponents: OLS of ln(test MSE) on ln n, one point per run; 95% interval")
        var table = TextTable()
        for summary in summaries {
            let fitted = summary.fit.map { fit in
                "r̂ = \(CheckNumberFormat.short(fit.exponent)) " + (fit.interval.map(CheckNumberFormat.interval) ?? "[no interval]")
            } ?? "r̂ = —"
            let method = summary.fit.map { "\($0.intervalMethod), \($0.points) points" } ?? "no fit"
            table.append(summary.estimator.rawValue, fitted, "(\(method))", "vs r = \(theoryRate) ≈ \(CheckNumberFormat.short(theoryRate.doubleValue))", summary.verdict.rawValue)
        }
        lines += table.rendered()
        for summary in summaries {
            lines.append("  \(summary.estimator.rawValue): \(summary.explanation)")
            if let note = theoryNote(summary.estimator) { lines.append("  \(summary.estimator.rawValue) theory: \(note)") }
        }
        lines.append("")
        lines.append(differenceLine())
        if !isComplete {
            lines.append("")
            lines.append("incomplete: \(missingRuns) of \(expectedRuns) runs missing (merge the other shards, or rerun them)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Smoothness, γ, class, theory r, band, target and settings.
    /// The networks the pre-FNN and the mixing window apply to: those of the check, or every
    /// registered one when the check has none (`ssm, transformer`).
    var mixingNetworks: String {
        let inCheck = settings.estimators.filter(\.descriptor.takesPreFeedForward).map(\.rawValue)
        return (inCheck.isEmpty ? EstimatorRegistry.all.filter(\.takesPreFeedForward).map(\.id) : inCheck).joined(separator: ", ")
    }

    func headerLines() -> [String] {
        let sizes = settings.sampleSizes
        let nText = sizes.isEmpty ? "none" : (sizes.count <= 4 ? sizes.map(String.init).joined(separator: ", ")
                                                : "\(sizes.first!) … \(sizes.last!) (\(sizes.count) sizes)")
        return [
            "ratecalc check: fitted convergence rate vs theory (docs/check.md)",
            "smoothness  a = (\(smoothness.entries.map(\.description).joined(separator: ", ")))  \(smoothness.rows) × \(smoothness.columns)",
            "γ           \(settings.gamma.rawValue),  class \(settings.functionClass.rawValue)",
            "theory      r = \(theoryRate) ≈ \(theoryRate.decimalString(significantDigits: 10))  (test MSE ∝ n^(−r) up to polylog)",
            "log band    [r − K/ln n̄, r] = [\(CheckNumberFormat.short(logBand.lower)), \(CheckNumberFormat.short(logBand.upper))]  (K = \(CheckNumberFormat.short(logBand.k)), n̄ = \(CheckNumberFormat.short(logBand.geometricMeanN)), geometric mean of n)",
            "target      \(target.termCount) terms, ‖f‖² = \(CheckNumberFormat.short(target.squaredNorm)), level T_max = \(CheckNumberFormat.short(target.level))",
            "settings    n = \(nText), \(settings.seeds) seeds, seed \(settings.seed), noise σ = \(CheckNumberFormat.short(settings.noise)), L = \(settings.length), D = \(settings.width) (size \(settings.size.rawValue)), step cap max(\(settings.minSteps), \(settings.epochs) epochs), patience \(settings.patience), V = \(settings.window), \(settings.testSequences) test sequences, oracle level: \(settings.oracleLevel.rawValue), weights: \(settings.weights.rawValue)",
            "networks    M = \(settings.depth) blocks, \(settings.preFeedForward ? "pre-FNN" : "no pre-FNN"), \(settings.mixing == .window ? "mixing over the last V = \(settings.window) tokens" : "mixing over the whole past") (\(mixingNetworks)), η = \(settings.learningRates.map { CheckNumberFormat.short($0) }.joined(separator: ", "))\(settings.learningRates.count > 1 ? " (chosen per run on the validation split)" : ""), floor \(settings.floor ? "on" : "off")",
        ] + machines.map { "machine     \($0.summary)" }
    }

    /// The text cells of a size's training records, from their `CheckConvergence`: mean steps, stop
    /// reasons, mean train MSE / σ².
    func trainingCells(_ runs: [CheckRunRecord]) -> [String] {
        guard let convergence = CheckConvergence(runs: runs, noise: settings.noise) else { return ["—", "—", "—"] }
        let counts = [(convergence.plateau, TrainingStopReason.plateau), (convergence.budget.count, .budget),
                      (convergence.interrupted, .interrupted)].filter { $0.0 > 0 }.map { "\($0.0) \($0.1.rawValue)" }
        let ratio = convergence.meanTrainRatio.isFinite ? CheckNumberFormat.short(convergence.meanTrainRatio) : "—"
        return [String(Int(convergence.meanSteps.rounded())), counts.joined(separator: ", "), ratio]
    }

    /// `12.3`, `≥ 32` (every run above the oracle's curve) or `≤ 0.5`.
    static func cText(_ entry: CheckEfficiency.SizeEntry) -> String {
        let value = CheckNumberFormat.short(entry.c)
        if entry.atLeast == entry.runs { return "≥ " + value }
        if entry.atMost == entry.runs { return "≤ " + value }
        if entry.atLeast + entry.atMost > 0 { return "\(value) (\(entry.atLeast + entry.atMost) censored)" }
        return value
    }

    /// The SSM − Transformer line, or why there is none.
    func differenceLine() -> String {
        guard let difference else {
            let both = summaries.contains { $0.estimator == .ssm } && summaries.contains { $0.estimator == .transformer }
            return both ? "SSM − Transformer: no difference (one of them has no fit)"
                        : "SSM − Transformer: not measured (needs both ssm and transformer)"
        }
        let interval = difference.interval.map(CheckNumberFormat.interval) ?? "[no interval]"
        let contains = difference.interval.map { $0.contains(0) ? "contains 0, as NS24 predicts" : "excludes 0" } ?? "no interval"
        return "SSM − Transformer: r̂ difference \(CheckNumberFormat.short(difference.difference)) \(interval)  (\(difference.intervalMethod), \(difference.pairs) paired runs; \(contains))"
    }
}
