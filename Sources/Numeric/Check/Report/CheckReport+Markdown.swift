import Bounds

/// `--format markdown` of `ratecalc check`: tables with `$…$` math for notes tools
/// (Obsidian, Jupyter, Quarto, Pandoc; README.md), e.g. theory r as `$\frac{8}{15}$`.
extension CheckReport {
    /// The report as Markdown, ending in a newline.
    public func markdown() -> String {
        let r = "$\(BoundNotation.latexNumber(theoryRate)) \\approx \(CheckFormat.short(theoryRate.doubleValue))$"
        let rValue = "\(BoundNotation.latexNumber(theoryRate)) \\approx \(CheckFormat.short(theoryRate.doubleValue))"
        var lines = [
            "**ratecalc check** — smoothness $a = (\(smoothness.entries.map(BoundNotation.latexNumber).joined(separator: ", ")))$, \(settings.gamma.rawValue) $\\gamma$, \(settings.functionClass.rawValue); theory $r = \(rValue)$; polylog band $[r - K/\\ln \\bar n,\\ r] = [\(CheckFormat.short(logBand.lower)),\\ \(CheckFormat.short(logBand.upper))]$ ($K = \(CheckFormat.short(logBand.k))$, $\\bar n = \(CheckFormat.short(logBand.geometricMeanN))$).",
            "",
            "| estimator | $\\hat r$ | 95% interval | method | $r$ | efficiency slope $b$ [95%] | converged | verdict |",
            "|---|---|---|---|---|---|---|---|",
        ]
        func interval(_ range: ClosedRange<Double>?) -> String {
            range.map { "$[\(CheckFormat.short($0.lowerBound)),\\ \(CheckFormat.short($0.upperBound))]$" } ?? "—"
        }
        for summary in summaries {
            let fitted = summary.fit.map { "$\(CheckFormat.short($0.exponent))$" } ?? "—"
            let trend = summary.efficiency.flatMap { e in e.trend.map { "$\(CheckFormat.short($0))$ \(interval(e.trendInterval))" } } ?? "—"
            let converged = summary.convergence.map { "\($0.plateau)/\($0.runs)" } ?? "—"
            lines.append("| \(summary.estimator.rawValue) | \(fitted) | \(interval(summary.fit?.interval)) | \(summary.fit?.intervalMethod ?? "—") | \(r) | \(trend) | \(converged) | \(summary.verdict.rawValue) |")
        }
        if let difference {
            lines.append("| SSM − Transformer | $\(CheckFormat.short(difference.difference))$ | \(interval(difference.interval)) | \(difference.intervalMethod) | $0$ | | | |")
        }
        lines.append("")
        for summary in summaries { lines.append("- **\(summary.estimator.rawValue)**: \(summary.explanation)") }
        for summary in summaries where !summary.rows.isEmpty {
            let trained = summary.convergence != nil, efficiency = summary.efficiency
            var header = "| $n$ | runs | mean test MSE | min – max | sd $\\ln$ MSE | mean s |", rule = "|---:|---:|---:|---:|---:|---:|"
            if trained { header += " steps | stopped | train MSE$/\\sigma^2$ |"; rule += "---:|---|---:|" }
            if efficiency != nil { header += " $c = n/n_{eq}$ |"; rule += "---:|" }
            lines += ["", "**\(summary.estimator.rawValue)**", "", header, rule]
            for row in summary.rows {
                var line = "| \(row.n) | \(row.runs) | \(CheckFormat.short(row.meanMSE)) | \(CheckFormat.short(row.minMSE)) – \(CheckFormat.short(row.maxMSE)) | \(CheckFormat.short(row.sdLogMSE)) | \(CheckFormat.short(row.meanSeconds)) |"
                if trained { line += " " + trainingCells(summary.runs.filter { $0.n == row.n }).joined(separator: " | ") + " |" }
                if let efficiency {
                    line += " " + (efficiency.sizes.first { $0.n == row.n }.map(CheckReport.cText) ?? "—").replacingOccurrences(of: "≥", with: "$\\geq$").replacingOccurrences(of: "≤", with: "$\\leq$") + " |"
                }
                lines.append(line)
            }
        }
        if !isComplete {
            lines += ["", "*Incomplete: \(missingRuns) of \(expectedRuns) runs missing.*"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
