import Bounds

/// `--format text` of `ratecalc check`: for people (SPEC §6) — the setting and the exact
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
            table.append("n", "runs", "mean test MSE", "min – max", "sd ln MSE", "mean s")
            for row in summary.rows {
                table.append(String(row.n), String(row.runs), CheckFormat.short(row.meanMSE),
                             "\(CheckFormat.short(row.minMSE)) – \(CheckFormat.short(row.maxMSE))",
                             CheckFormat.short(row.sdLogMSE), CheckFormat.short(row.meanSeconds))
            }
            lines += table.rendered()
            if summary.unusableRuns > 0 {
                lines.append("  \(summary.unusableRuns) run(s) with a test MSE that is not positive and finite are left out of the fit")
            }
        }
        lines.append("")
        lines.append("fitted exponents: OLS of ln(test MSE) on ln n, one point per run; 95% interval")
        var table = TextTable()
        for summary in summaries {
            let fitted = summary.fit.map { fit in
                "r̂ = \(CheckFormat.short(fit.exponent)) " + (fit.interval.map(CheckFormat.interval) ?? "[no interval]")
            } ?? "r̂ = —"
            let method = summary.fit.map { "\($0.intervalMethod), \($0.points) points" } ?? "no fit"
            table.append(summary.estimator.rawValue, fitted, "(\(method))", "vs r = \(theoryRate) ≈ \(CheckFormat.short(theoryRate.doubleValue))", summary.verdict.rawValue)
        }
        lines += table.rendered()
        for summary in summaries {
            lines.append("  \(summary.estimator.rawValue): \(summary.explanation)")
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
    func headerLines() -> [String] {
        let sizes = settings.sampleSizes
        let nText = sizes.isEmpty ? "none" : (sizes.count <= 4 ? sizes.map(String.init).joined(separator: ", ")
                                                : "\(sizes.first!) … \(sizes.last!) (\(sizes.count) sizes)")
        return [
            "ratecalc check: fitted convergence rate vs theory (SPEC §5)",
            "smoothness  a = (\(smoothness.entries.map(\.description).joined(separator: ", ")))  \(smoothness.rows) × \(smoothness.columns)",
            "γ           \(settings.gamma.rawValue),  class \(settings.functionClass.rawValue)",
            "theory      r = \(theoryRate) ≈ \(theoryRate.decimalString(significantDigits: 10))  (test MSE ∝ n^(−r) up to polylog)",
            "log band    [r − K/ln n̄, r] = [\(CheckFormat.short(logBand.lower)), \(CheckFormat.short(logBand.upper))]  (K = \(CheckFormat.short(logBand.k)), n̄ = \(CheckFormat.short(logBand.geometricMeanN)), geometric mean of n)",
            "target      \(target.termCount) terms, ‖f‖² = \(CheckFormat.short(target.squaredNorm)), level T_max = \(CheckFormat.short(target.level))",
            "settings    n = \(nText), \(settings.seeds) seeds, seed \(settings.seed), noise σ = \(CheckFormat.short(settings.noise)), L = \(settings.length), D = \(settings.width), epochs ≤ \(settings.epochs) (≥ \(settings.minSteps) steps), V = \(settings.window), \(settings.testSequences) test sequences, oracle level: \(settings.oracleLevel), weights: \(settings.weights)",
        ]
    }

    /// The SSM − Transformer line, or why there is none.
    func differenceLine() -> String {
        guard let difference else {
            let both = summaries.contains { $0.estimator == .ssm } && summaries.contains { $0.estimator == .transformer }
            return both ? "SSM − Transformer: no difference (one of them has no fit)"
                        : "SSM − Transformer: not measured (needs both ssm and transformer)"
        }
        let interval = difference.interval.map(CheckFormat.interval) ?? "[no interval]"
        let contains = difference.interval.map { $0.contains(0) ? "contains 0, as NS24 predicts" : "excludes 0" } ?? "no interval"
        return "SSM − Transformer: r̂ difference \(CheckFormat.short(difference.difference)) \(interval)  (\(difference.intervalMethod), \(difference.pairs) paired runs; \(contains))"
    }
}
