import Bounds

/// `--format latex` of `ratecalc check`: a booktabs `tabular` with r̂ and its 95% interval, the
/// efficiency slope b against the oracle with its interval, the converged runs and the verdict
/// per estimator (and the SSM − Transformer difference), under a line giving the exact r. It
/// needs the preamble of `ratecalc --latex-preamble` (amsmath, booktabs, graphicx) and is set at
/// its natural width, or scaled to `\columnwidth` when wider (two-column papers), so it is never
/// overfull (docs/latex.md).
extension CheckReport {
    /// The table as LaTeX source, ending in a newline.
    public func latex() -> String {
        let r = "$\(BoundNotation.latexNumber(theoryRate))$"
        var tabular = [
            "\\begin{tabular}{@{}lccccp{2.3cm}@{}}",
            "\\toprule",
            "\\multicolumn{6}{@{}l}{theory: \(r) $\\approx \(CheckReport.latexDecimal(theoryRate.doubleValue))$} \\\\",
            "\\midrule",
            "estimator & $\\hat r$ & 95\\% CI & $b$ (efficiency) & conv. & verdict \\\\",
            "\\midrule",
        ]
        for summary in summaries {
            let fitted = summary.fit.map { "$\(CheckReport.latexDecimal($0.exponent))$" } ?? "---"
            let interval = summary.fit?.interval.map(CheckReport.latexInterval) ?? "---"
            let trend = summary.efficiency.flatMap { e in
                e.trend.map { "$\(CheckReport.latexDecimal($0))$ " + (e.trendInterval.map(CheckReport.latexInterval) ?? "") }
            } ?? "---"
            let converged = summary.convergence.map { "\($0.plateau)/\($0.runs)" } ?? "---"
            tabular.append("\(summary.estimator.rawValue) & \(fitted) & \(interval) & \(trend) & \(converged) & \(summary.verdict.rawValue) \\\\")
        }
        if let difference {
            tabular.append("\\midrule")
            let interval = difference.interval.map(CheckReport.latexInterval) ?? "---"
            tabular.append("SSM $-$ Transformer & $\(CheckReport.latexDecimal(difference.difference))$ & \(interval) & & & \\\\")
        }
        tabular += ["\\bottomrule", "\\end{tabular}"]
        let lines = ["% ratecalc check: a = (\(smoothness.entries.map(\.description).joined(separator: ", "))), \(settings.gamma.rawValue) gamma, \(settings.functionClass.rawValue)"]
            + ["\\noindent%"] + LaTeXNotation.fittedToColumn(tabular) + [
            "% b: slope of ln c on ln n, c = n/n_eq the data a network needs relative to the oracle (b = 0: the oracle's rate); conv.: runs stopped on a plateau",
            "% polylog band [r - K/ln n_bar, r] = [\(CheckNumberFormat.short(logBand.lower)), \(CheckNumberFormat.short(logBand.upper))], K = \(CheckNumberFormat.short(logBand.k)); intervals: \(Set(summaries.compactMap { $0.fit?.intervalMethod }).sorted().joined(separator: ", "))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `0.41`, `-0.08`, `1.3\times10^{-5}`: three significant digits (`%.3g`, narrow
    /// enough for the table to fit an article's text width) with the exponent in math.
    static func latexDecimal(_ value: Double) -> String {
        let text = String(format: "%.3g", value)
        guard value.isFinite else { return "\\text{n/a}" }
        if let e = text.firstIndex(of: "e") {
            let mantissa = text[..<e]
            let exponent = Int(text[text.index(after: e)...]) ?? 0
            return "\(mantissa)\\times10^{\(exponent)}"
        }
        return text
    }

    /// `$[0.41,\ 0.57]$`.
    static func latexInterval(_ range: ClosedRange<Double>) -> String {
        "$[\(latexDecimal(range.lowerBound)),\\ \(latexDecimal(range.upperBound))]$"
    }
}
