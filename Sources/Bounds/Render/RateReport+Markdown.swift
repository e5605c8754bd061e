/// `--format markdown`: a table with `$…$` math that renders in Obsidian, Jupyter, Quarto
/// and Pandoc (issue #5 item 1).
extension RateReport {
    /// One row per result: architecture, class, γ, source, provenance, a†, r, bound, T(n),
    /// 1/r, conditions.
    public func markdown() -> String {
        var lines = ["**ratecalc** — smoothness $a = (\(RateReport.abbreviatedEntries(request.smoothness)))$, " +
                     (request.p.map { "$p = \(BoundNotation.latexNumber($0))$" } ?? "$p \\ge 2$") +
                     ", $v = \(BoundNotation.latexNumber(v))$", ""]
        lines.append("| architecture | class | $\\gamma$ | source | provenance | $a^\\dagger$ | $r$ | bound | $T(n)$ | $1/r$ | conditions |")
        lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
        for result in results {
            let rate = result.rateExponent.map { "$\(RateReport.latexValue($0))$" } ?? "—"
            let bound = BoundNotation.latex(result).map { "$\($0)$" } ?? "—"
            let level = result.levelCoefficient.map { "$\(RateReport.latexValue($0)) \\log_2 n$" } ?? "—"
            let samples = result.samplesExponent.map { "$\(RateReport.latexValue($0))$" } ?? "—"
            let conditions = result.conditions.map { "$\(RateReport.latexCondition($0))$ \($0.status.rawValue)" }.joined(separator: "; ")
            let cells = [result.architecture.displayName, result.functionClass.rawValue, result.gamma.rawValue,
                         result.theorem.map { "\($0.source.key), \($0.name)" } ?? "no theorem",
                         result.theorem?.provenance.rawValue ?? "—",
                         "$\(RateReport.latexValue(result.aDagger))$", rate, bound, level, samples,
                         conditions.isEmpty ? "—" : conditions]
            lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("Sources: " + Source.all.map { "**\($0.key)** \($0.reference)" }.joined(separator: "; ") + ".")
        return lines.joined(separator: "\n") + "\n"
    }
}
