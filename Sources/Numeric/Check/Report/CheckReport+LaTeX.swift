import Bounds

/// `--format latex` of `ratecalc check`: a `tabular` with r̂, its 95% interval, the exact r
/// and the verdict per estimator (and the SSM − Transformer difference); the verdict column
/// wraps (`p{2.1cm}`) so the table fits an article's text width. Needs only
/// `amsmath` (no booktabs): it compiles in `\documentclass{article}\usepackage{amsmath}`.
extension CheckReport {
    /// The table as LaTeX source, ending in a newline.
    public func latex() -> String {
        let r = "$\(BoundNotation.latexNumber(theoryRate))$"
        var lines = [
            "% ratecalc check: a = (\(smoothness.entries.map(\.description).joined(separator: ", "))), \(settings.gamma.rawValue) gamma, \(settings.functionClass.rawValue)",
            "\\begin{tabular}{@{}lcccp{2.1cm}@{}}",
            "\\hline",
            "estimator & $\\hat r$ & 95\\% CI & $r \\approx \(CheckReport.latexDecimal(theoryRate.doubleValue))$ & verdict \\\\",
            "\\hline",
        ]
        for summary in summaries {
            let fitted = summary.fit.map { "$\(CheckReport.latexDecimal($0.exponent))$" } ?? "---"
            let interval = summary.fit?.interval.map(CheckReport.latexInterval) ?? "---"
            lines.append("\(summary.estimator.rawValue) & \(fitted) & \(interval) & \(r) & \(summary.verdict.rawValue) \\\\")
        }
        if let difference {
            lines.append("\\hline")
            let interval = difference.interval.map(CheckReport.latexInterval) ?? "---"
            lines.append("SSM $-$ Transformer & $\(CheckReport.latexDecimal(difference.difference))$ & \(interval) & $0$ & \\\\")
        }
        lines += [
            "\\hline",
            "\\end{tabular}",
            "% polylog band [r - K/ln n_bar, r] = [\(CheckFormat.short(logBand.lower)), \(CheckFormat.short(logBand.upper))], K = \(CheckFormat.short(logBand.k)); intervals: \(Set(summaries.compactMap { $0.fit?.intervalMethod }).sorted().joined(separator: ", "))",
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
