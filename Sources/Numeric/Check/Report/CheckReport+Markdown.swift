import Bounds

/// `--format markdown` of `ratecalc check`: tables with `$…$` math for notes tools
/// (Obsidian, Jupyter, Quarto, Pandoc; SPEC §6), e.g. theory r as `$\frac{8}{15}$`.
extension CheckReport {
    /// The report as Markdown, ending in a newline.
    public func markdown() -> String {
        let r = "$\(BoundNotation.latexNumber(theoryRate)) \\approx \(CheckFormat.short(theoryRate.doubleValue))$"
        let rValue = "\(BoundNotation.latexNumber(theoryRate)) \\approx \(CheckFormat.short(theoryRate.doubleValue))"
        var lines = [
            "**ratecalc check** — smoothness $a = (\(smoothness.entries.map(BoundNotation.latexNumber).joined(separator: ", ")))$, \(settings.gamma.rawValue) $\\gamma$, \(settings.functionClass.rawValue); theory $r = \(rValue)$; polylog band $[r - K/\\ln \\bar n,\\ r] = [\(CheckFormat.short(logBand.lower)),\\ \(CheckFormat.short(logBand.upper))]$ ($K = \(CheckFormat.short(logBand.k))$, $\\bar n = \(CheckFormat.short(logBand.geometricMeanN))$).",
            "",
            "| estimator | $\\hat r$ | 95% interval | method | $r$ | verdict |",
            "|---|---|---|---|---|---|",
        ]
        for summary in summaries {
            let fitted = summary.fit.map { "$\(CheckFormat.short($0.exponent))$" } ?? "—"
            let interval = summary.fit?.interval.map { "$[\(CheckFormat.short($0.lowerBound)),\\ \(CheckFormat.short($0.upperBound))]$" } ?? "—"
            lines.append("| \(summary.estimator.rawValue) | \(fitted) | \(interval) | \(summary.fit?.intervalMethod ?? "—") | \(r) | \(summary.verdict.rawValue) |")
        }
        if let difference {
            let interval = difference.interval.map { "$[\(CheckFormat.short($0.lowerBound)),\\ \(CheckFormat.short($0.upperBound))]$" } ?? "—"
            lines.append("| SSM − Transformer | $\(CheckFormat.short(difference.difference))$ | \(interval) | \(difference.intervalMethod) | $0$ | |")
        }
        lines.append("")
        for summary in summaries { lines.append("- **\(summary.estimator.rawValue)**: \(summary.explanation)") }
        for summary in summaries where !summary.rows.isEmpty {
            lines += ["", "**\(summary.estimator.rawValue)**", "",
                      "| $n$ | runs | mean test MSE | min – max | sd $\\ln$ MSE | mean s |", "|---:|---:|---:|---:|---:|---:|"]
            for row in summary.rows {
                lines.append("| \(row.n) | \(row.runs) | \(CheckFormat.short(row.meanMSE)) | \(CheckFormat.short(row.minMSE)) – \(CheckFormat.short(row.maxMSE)) | \(CheckFormat.short(row.sdLogMSE)) | \(CheckFormat.short(row.meanSeconds)) |")
            }
        }
        if !isComplete {
            lines += ["", "*Incomplete: \(missingRuns) of \(expectedRuns) runs missing.*"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
