import Bounds

/// `--format typst` of `ratecalc check`: the theory line with the exact r in math (`$8/15$`
/// beside its decimal), a `#table` of r̂ with its 95% interval, the efficiency slope b, the
/// converged runs and the verdict per estimator (and the SSM − Transformer difference), the
/// explanations, and a table of test MSE per sample size for each estimator (docs/latex.md,
/// "Typst"). Every measured number and explanation is text, escaped by ``TypstNotation``.
extension CheckReport {
    /// The report as Typst markup, ending in a newline.
    public func typst() -> String {
        let text = TypstNotation.text
        let entries = smoothness.entries.map(TypstNotation.number).joined(separator: ", ")
        var lines = [
            "// Typst from ratecalc check: a = (\(smoothness.entries.map(\.description).joined(separator: ", "))), \(settings.gamma.rawValue) gamma, \(settings.functionClass.rawValue).",
            "*ratecalc check*: smoothness $a = (\(entries))$, \(settings.gamma.rawValue) $gamma$, \(text(settings.functionClass.rawValue)); " +
                "theory $r = \(TypstNotation.number(theoryRate))$ ≈ \(text(CheckNumberFormat.short(theoryRate.doubleValue))); " +
                "polylog band $[r - K \\/ ln macron(n), r]$ = \(text(CheckNumberFormat.interval(logBand.lower...max(logBand.lower, logBand.upper)))) " +
                "($K$ = \(text(CheckNumberFormat.short(logBand.k))), $macron(n)$ = \(text(CheckNumberFormat.short(logBand.geometricMeanN)))).",
            "",
        ]
        func interval(_ range: ClosedRange<Double>?) -> String { range.map { text(CheckNumberFormat.interval($0)) } ?? "—" }
        var rows: [[String]] = summaries.map { summary in
            let fitted = summary.fit.map { text(CheckNumberFormat.short($0.exponent)) + " " + interval($0.interval) } ?? "—"
            let trend = summary.efficiency.flatMap { e in e.trend.map { text(CheckNumberFormat.short($0)) + " " + interval(e.trendInterval) } } ?? "—"
            let converged = summary.convergence.map { "\($0.plateau)\\/\($0.runs)" } ?? "—"
            return [text(summary.estimator.rawValue), fitted, trend, converged, text(summary.verdict.rawValue)]
        }
        if let difference {
            rows.append(["SSM − Transformer", text(CheckNumberFormat.short(difference.difference)) + " " + interval(difference.interval), "", "", text(difference.intervalMethod)])
        }
        lines += TypstNotation.table(header: ["estimator", "$hat(r)$ [95%]", "efficiency slope $b$ [95%]", "converged", "verdict"], rows: rows)
        lines.append("")
        for summary in summaries {
            lines.append("- *\(text(summary.estimator.rawValue))*: \(text(summary.explanation))")
            if let note = theoryNote(summary.estimator) { lines.append("- *\(text(summary.estimator.rawValue))* theory: \(text(note))") }
        }
        for summary in summaries where !summary.rows.isEmpty {
            lines += ["", "*\(text(summary.estimator.rawValue))*", ""]
            lines += typstSizeTable(summary)
        }
        if !isComplete {
            lines += ["", "_Incomplete: \(missingRuns) of \(expectedRuns) runs missing._"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Test MSE per sample size of one estimator, with the training columns for networks and
    /// the efficiency c = n/n_eq where the oracle gives it.
    private func typstSizeTable(_ summary: CheckEstimatorSummary) -> [String] {
        let text = TypstNotation.text
        let trained = summary.convergence != nil, efficiency = summary.efficiency
        var header = ["$n$", "runs", "mean test MSE", "min – max"]
        if trained { header += ["steps", "stopped", "train MSE \\/ $sigma^2$"] }
        if efficiency != nil { header.append("$c = n \\/ n_\"eq\"$") }
        let rows: [[String]] = summary.rows.map { row in
            var cells = ["\(row.n)", "\(row.runs)", text(CheckNumberFormat.short(row.meanMSE)), text("\(CheckNumberFormat.short(row.minMSE)) – \(CheckNumberFormat.short(row.maxMSE))")]
            if trained { cells += trainingCells(summary.runs.filter { $0.n == row.n }).map(text) }
            if let efficiency { cells.append(efficiency.sizes.first { $0.n == row.n }.map { text(CheckReport.cText($0)) } ?? "—") }
            return cells
        }
        return TypstNotation.table(header: header, rows: rows)
    }
}
