/// `--format markdown`: a compact table with `$…$` math that renders in GitHub, Obsidian,
/// Jupyter and Quarto and compiles through `pandoc -t latex` and pdflatex (no Unicode
/// outside math), then the conditions and proof status as a list.
extension RateReport {
    /// The compact table (architecture, class, γ, a†, r, T(n)/log₂ n, 1/r, provenance,
    /// source), the conditions per result group, and the sources.
    public func markdown() -> String {
        var lines = ["**ratecalc**: smoothness $\(LaTeXNotation.smoothness(request.smoothness))$, " +
                     (request.p.map { "$p = \(LaTeXNotation.number($0))$" } ?? "$p \\ge 2$") +
                     ", $v = \(LaTeXNotation.number(v))$" + (request.q.map { ", $q = \(LaTeXNotation.number($0))$" } ?? ""), ""]
        lines.append("| architecture | class | $\\gamma$ | $a^\\dagger$ | $r$ | $T(n)/\\log_2 n$ | $1/r$ | provenance | source |")
        lines.append("|---|---|---|---|---|---|---|---|---|")
        for result in results {
            lines.append("| " + RateReport.markdownCells(result).joined(separator: " | ") + " |")
        }
        lines.append("")
        for result in results {
            lines.append("- " + RateReport.markdownConditions(result))
        }
        lines.append("")
        lines.append("Sources: " + Source.all.map { "**\($0.key)** \(LaTeXNotation.text($0.reference))" }.joined(separator: "; ") + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdownCells(_ result: RateResult) -> [String] {
        let math: (CertifiedValue?) -> String = { value in value.map { "$\(LaTeXNotation.value($0, enclosureDigits: 10))$" } ?? "--" }
        var rate = math(result.rateExponent)
        if result.isNotProven { rate += " (not proven)" }
        let provenance = result.theorem.map { $0.provenance == .stated ? "stated" : "up to polylog" } ?? "--"
        return [result.architecture.displayName,
                result.functionClass == .gammaSmooth ? "$\\gamma$-smooth" : "piecewise $\\gamma$-smooth",
                result.gamma.rawValue, math(result.aDagger), rate, math(result.levelCoefficient), math(result.samplesExponent),
                provenance, result.theorem?.source.key ?? "none"]
    }

    /// `SSM, gamma-smooth, mixed: proven (NS24); $a^\dagger > v$ holds, …`, with the
    /// enclosures of irrational values and the CNN network sizes.
    static func markdownConditions(_ result: RateResult) -> String {
        var text = "\(result.architecture.displayName), \(result.functionClass == .gammaSmooth ? "$\\gamma$-smooth" : "piecewise $\\gamma$-smooth"), " +
            "\(result.gamma.rawValue): **\(LaTeXNotation.text(result.proofStatus))**"
        if !result.conditions.isEmpty {
            text += "; " + result.conditions.map { "$\(LaTeXNotation.condition($0))$ \(LaTeXNotation.conditionStatus($0).replacingOccurrences(of: "~", with: " "))" }
                .joined(separator: ", ")
        }
        if let bound = BoundNotation.latex(result) { text += "; bound $\(bound)$" }
        if result.aDagger.exact == nil {
            text += "; certified $a^\\dagger \\in \(result.aDagger.enclosureText())$"
            if let rate = result.rateExponent { text += ", $r \\in \(rate.enclosureText())$" }
        }
        if let network = result.networkSize {
            let e = LaTeXNotation.exponent(network.polynomialExponent, symbol: "e"), n = { LaTeXNotation.number($0) }
            text += "; sizes (O22 Thm 9) $W \\asymp n^{\(e)}(\\log n)^{\(n(network.widthLogExponent))}$, " +
                "$S \\asymp n^{\(e)}(\\log n)^{\(n(network.sparsityLogExponent))}$, $L \\asymp (\\log n)^{\(n(network.depthLogExponent))}$, " +
                "$W' \\asymp C' \\asymp (\\log n)^{\(n(network.filterWidthLogExponent))}$"
        }
        return text + "."
    }
}
