import Bounds

/// `--format markdown` of `ratecalc check`: tables with `$…$` math for notes tools
/// (Obsidian, Jupyter, Quarto, Pandoc; README.md), e.g. theory r as `$\frac{8}{15}$`. Outside
/// math every character is ASCII (Unicode symbols of the explanations become math or ASCII),
/// so that `pandoc -t latex` + pdflatex compiles it without overfull boxes; the separator rows'
/// dash counts give Pandoc the column widths (the spread and timing columns are in text, JSON
/// and CSV).
extension CheckReport {
    /// The report as Markdown, ending in a newline.
    public func markdown() -> String {
        let rValue = "\(BoundNotation.latexNumber(theoryRate)) \\approx \(CheckNumberFormat.short(theoryRate.doubleValue))"
        var lines = [
            "**ratecalc check** — smoothness $a = (\(smoothness.entries.map(BoundNotation.latexNumber).joined(separator: ", ")))$, \(settings.gamma.rawValue) $\\gamma$, \(settings.functionClass.rawValue); theory $r = \(rValue)$; polylog band $[r - K/\\ln \\bar n,\\ r] = [\(CheckNumberFormat.short(logBand.lower)),\\ \(CheckNumberFormat.short(logBand.upper))]$ ($K = \(CheckNumberFormat.short(logBand.k))$, $\\bar n = \(CheckNumberFormat.short(logBand.geometricMeanN))$).",
            "",
            "| estimator | $\\hat r$ [95%] | efficiency slope $b$ [95%] | converged | verdict |",
            "|---------|--------------|--------------|----------|------------|",
        ]
        func interval(_ range: ClosedRange<Double>?) -> String {
            range.map { "$[\(CheckNumberFormat.short($0.lowerBound)),\\ \(CheckNumberFormat.short($0.upperBound))]$" } ?? "—"
        }
        for summary in summaries {
            let fitted = summary.fit.map { "$\(CheckNumberFormat.short($0.exponent))$" } ?? "—"
            let trend = summary.efficiency.flatMap { e in e.trend.map { "$\(CheckNumberFormat.short($0))$ \(interval(e.trendInterval))" } } ?? "—"
            let converged = summary.convergence.map { "\($0.plateau)/\($0.runs)" } ?? "—"
            lines.append("| \(summary.estimator.rawValue) | \(fitted) \(interval(summary.fit?.interval)) | \(trend) | \(converged) | \(summary.verdict.rawValue) |")
        }
        if let difference {
            lines.append("| SSM − Transformer | $\(CheckNumberFormat.short(difference.difference))$ \(interval(difference.interval)) | | | \(difference.intervalMethod) |")
        }
        lines.append("")
        for summary in summaries {
            lines.append("- **\(summary.estimator.rawValue)**: \(summary.explanation)")
            if let note = theoryNote(summary.estimator) { lines.append("- **\(summary.estimator.rawValue)** theory: \(note)") }
        }
        for summary in summaries where !summary.rows.isEmpty {
            let trained = summary.convergence != nil, efficiency = summary.efficiency
            var header = "| $n$ | runs | mean test MSE | min – max |", rule = "|------:|------:|--------:|-----------:|"
            if trained { header += " steps | stopped | train MSE / $\\sigma^2$ |"; rule += "------:|-----------|--------:|" }
            if efficiency != nil { header += " $c = n/n_{eq}$ |"; rule += "-------:|" }
            lines += ["", "**\(summary.estimator.rawValue)**", "", header, rule]
            for row in summary.rows {
                var line = "| \(row.n) | \(row.runs) | \(CheckNumberFormat.short(row.meanMSE)) | \(CheckNumberFormat.short(row.minMSE)) – \(CheckNumberFormat.short(row.maxMSE)) |"
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
        return lines.map(CheckReport.asciiOutsideMath).joined(separator: "\n") + "\n"
    }

    /// A Markdown line with every non-ASCII character outside `$…$` replaced by math or ASCII
    /// (`≈` → `$\approx$`, `σ²` → `$\sigma^2$`, `—` → `--`, …; anything else unknown → `?`).
    static func asciiOutsideMath(_ line: String) -> String {
        let replacements: [(String, String)] = [
            ("σ²", "$\\sigma^2$"), ("r̂", "$\\hat r$"), ("n̄", "$\\bar n$"), ("ā₁", "$\\bar a_1$"), ("ā₂", "$\\bar a_2$"),
            ("≈", "$\\approx$"), ("≥", "$\\geq$"), ("≤", "$\\leq$"), ("×", "$\\times$"), ("±", "$\\pm$"),
            ("σ", "$\\sigma$"), ("γ", "$\\gamma$"), ("κ", "$\\kappa$"), ("ℓ", "$\\ell$"), ("∝", "$\\propto$"), ("∈", "$\\in$"), ("→", "$\\to$"), ("†", "$^\\dagger$"),
            ("—", "--"), ("–", "-"), ("−", "-"), ("…", "..."), ("²", "^2"), ("‖", "|"),
        ]
        return line.split(separator: "$", omittingEmptySubsequences: false).enumerated().map { index, part in
            guard index % 2 == 0 else { return String(part) }
            var text = String(part)
            for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) }
            return String(text.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
        }.joined(separator: "$")
    }
}
