/// `--format markdown`: a compact table with `$…$` math that renders in GitHub, Obsidian,
/// Jupyter and Quarto and compiles through `pandoc -t latex` and pdflatex (no Unicode
/// outside math), then the conditions and proof status as a list.
extension RateReport {
    /// One compact table per class (rows architecture × γ; columns a†, r, T(n)/log₂ n,
    /// provenance, source; the dash counts set Pandoc's column widths), then the proof
    /// status, conditions and bound of every result as a list, and the sources.
    public func markdown() -> String {
        var lines = ["**ratecalc**: exact rate exponents.", "",
                     "Smoothness $\(LaTeXNotation.smoothness(request.smoothness))$, " +
                     (request.p.map { "$p = \(LaTeXNotation.number($0))$" } ?? "$p \\ge 2$") +
                     ", $v = \(LaTeXNotation.number(v))$" + (request.q.map { ", $q = \(LaTeXNotation.number($0))$" } ?? "") + "."]
        for functionClass in request.functionClasses {
            lines += ["", "\(LaTeXNotation.classText(functionClass).prefix(1).uppercased() + LaTeXNotation.classText(functionClass).dropFirst()) class:", ""]
            lines.append("| architecture, $\\gamma$ | $a^\\dagger$ | $r$ | $T/\\log_2 n$ | prov. | source |")
            lines.append("|-----------|-----------|-----------|-----------|-------|------|")
            for result in results where result.functionClass == functionClass {
                lines.append("| " + RateReport.markdownCells(result).joined(separator: " | ") + " |")
            }
        }
        lines.append("")
        for result in results {
            lines.append("- " + RateReport.markdownConditions(result))
        }
        lines.append("")
        lines.append("prov.: *polylog*, up to a polylog factor the source does not state; *stated*, " +
                     library.statedPolylogSources.map { "\(LaTeXNotation.text($0.key))'s" }.joined(separator: " or ") + " factor. " +
                     "Sources: " + library.coveringSources.map { "**\($0.key)** \(LaTeXNotation.text($0.reference))" }.joined(separator: "; ") + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdownCells(_ result: RateResult) -> [String] {
        let math: (CertifiedValue?) -> String = { value in value.map { "$\(LaTeXNotation.value($0, enclosureDigits: 6))$" } ?? "--" }
        var rate = math(result.rateExponent)
        if result.isNotProven { rate += " (not proven)" }
        let provenance = result.theorem.map { $0.provenance == .stated ? "stated" : "polylog" } ?? "--"
        return ["\(result.architecture.displayName), \(result.gamma.rawValue)", math(result.aDagger), rate,
                math(result.levelCoefficient), provenance, result.theorem?.source.key ?? "none"]
    }

    /// `SSM, $\gamma$-smooth, mixed: **proven (NS24)**` with sub-items for the
    /// conditions, the bound, the certified enclosures of irrational values (each end on
    /// its own line) and the CNN network sizes.
    static func markdownConditions(_ result: RateResult) -> String {
        var items: [String] = []
        if !result.conditions.isEmpty {
            items.append("conditions: " + result.conditions.map {
                "$\(LaTeXNotation.condition($0))$ \(LaTeXNotation.conditionStatus($0).replacingOccurrences(of: "~", with: " "))"
            }.joined(separator: ", "))
        }
        if let bound = BoundNotation.latex(result) {
            items.append("bound $\(bound)$" + (result.samplesExponent.flatMap { $0.exact == nil && $0.closedForm == nil ? nil : $0 }.map { ", samples $n(\\varepsilon) \\asymp \\varepsilon^{-1/r}$ with $1/r = \(LaTeXNotation.value($0))$" } ?? ""))
        }
        if result.aDagger.exact == nil {
            let named: [(String, CertifiedValue?)] = [("a^\\dagger", result.aDagger), ("r", result.rateExponent), ("1/r", result.samplesExponent)]
            for (name, value) in named {
                guard let value else { continue }
                let (low, high) = value.outwardDecimals(fractionDigits: value.fractionDigitsShowingWidth())
                items.append("certified $\(name)$ in [\(low),\\\n      \(high)]")
            }
        }
        if let network = result.networkSize, let label = result.networkSizeLabel {
            let e = LaTeXNotation.exponent(network.polynomialExponent, symbol: "e"), n = { LaTeXNotation.number($0) }
            items.append("network sizes (\(LaTeXNotation.text(label))): $W \\asymp n^{\(e)}(\\log n)^{\(n(network.widthLogExponent))}$, " +
                "$S \\asymp n^{\(e)}(\\log n)^{\(n(network.sparsityLogExponent))}$, $L \\asymp (\\log n)^{\(n(network.depthLogExponent))}$, " +
                "$W' \\asymp C' \\asymp (\\log n)^{\(n(network.filterWidthLogExponent))}$")
        }
        let head = "\(result.architecture.displayName), \(LaTeXNotation.classText(result.functionClass)), " +
            "\(result.gamma.rawValue): **\(LaTeXNotation.text(result.proofStatus))**"
        return ([head] + items.map { "    - " + $0 }).joined(separator: "\n")
    }
}
