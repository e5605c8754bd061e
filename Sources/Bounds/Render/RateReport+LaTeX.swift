/// `--format latex`: paste-ready LaTeX that compiles with the packages of
/// ``LaTeXNotation/preamble`` and fits a two-column `\columnwidth` (docs/latex.md).
extension RateReport {
    /// The two LaTeX layouts.
    public enum LaTeXStyle: String, Sendable, CaseIterable {
        /// Per result, a sentence naming the theorem and an `align*` with the bound, a†, r,
        /// T(n) and n(ε), closed forms beside their certified enclosures.
        case display
        /// One booktabs table: rows architecture × class × γ; columns a†, r, T, provenance, source.
        case table
    }

    /// The report as LaTeX; `style` nil means `table` for several architectures and
    /// `display` for one.
    public func latex(style: LaTeXStyle? = nil) -> String {
        let chosen = style ?? (request.architectures.count > 1 ? .table : .display)
        var lines = ["% ratecalc: exact rates for $\(LaTeXNotation.smoothness(request.smoothness))$, " +
                     (request.p.map { "p = \($0)" } ?? "p >= 2") + "; preamble: ratecalc --latex-preamble"]
        lines += chosen == .table ? latexTable() : results.flatMap(RateReport.latexDisplay)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One result: a sentence with the theorem, citation and proof status, the display,
    /// then the conditions as running text (so nothing sits at the alignment column).
    static func latexDisplay(_ result: RateResult) -> [String] {
        var lines = [""]
        let head = "\\noindent\\textbf{\(result.architecture.displayName)}, \(LaTeXNotation.classText(result.functionClass)) class, \(result.gamma.rawValue) $\\gamma$"
        if let theorem = result.theorem {
            let provenance = theorem.provenance == .stated ? "polylog factor stated" : "up to polylog factors"
            lines.append(head + ": \(LaTeXNotation.text(theorem.source.key))~\(theorem.latexCitation), \(LaTeXNotation.text(theorem.name)); \(provenance).")
        } else {
            lines.append(head + ": no theorem covers this architecture and class.")
        }
        if result.isNotProven {
            lines.append("\\textbf{Not proven:} a hypothesis fails or is undecided (see the conditions); the exponent below is the formula's value, not a proven rate.")
        } else if let theorem = result.theorem, !theorem.alternatives.isEmpty, result.rateExponent != nil {
            lines.append("Proven by " + result.provenBy.map(LaTeXNotation.theoremShort).joined(separator: " and ") + ".")
        }
        var rows: [String] = []
        if let rate = result.rateExponent {
            let main = "n^{-\(LaTeXNotation.exponent(rate, symbol: "r"))}"
            let factor = result.logExponent.map { "(\\log n)^{\(LaTeXNotation.number($0.value))}" } ?? "\\,\\mathrm{polylog}(n)"
            rows.append("\\mathbb{E}\\|\\hat f - f^\\circ\\|^2 &\\lesssim \(main)\(factor)")
        }
        rows += valueRows("a^\\dagger", result.aDagger,
                          formula: result.gamma == .mixed ? "\\bar a_1" : "\\bigl(\\textstyle\\sum_k a_k^{-1}\\bigr)^{-1}")
        if let rate = result.rateExponent {
            rows += valueRows("r", rate, formula: "\\frac{2(a^\\dagger - v)}{2(a^\\dagger - v) + 1}")
        }
        if let level = result.levelCoefficient {
            rows += valueRows("T(n)/\\log_2 n", level, formula: nil)
        }
        if let samples = result.samplesExponent {
            rows.append("n(\\varepsilon) &\\asymp \\varepsilon^{-\(LaTeXNotation.exponent(samples, symbol: "1/r"))}")
        }
        if let network = result.networkSize {
            let e = LaTeXNotation.exponent(network.polynomialExponent, symbol: "e")
            let n = { LaTeXNotation.number($0) }
            rows.append("W &\\asymp n^{\(e)}(\\log n)^{\(n(network.widthLogExponent))}")
            rows.append("S &\\asymp n^{\(e)}(\\log n)^{\(n(network.sparsityLogExponent))}")
            rows.append("L &\\asymp (\\log n)^{\(n(network.depthLogExponent))},\\quad W' \\asymp C' \\asymp (\\log n)^{\(n(network.filterWidthLogExponent))}")
        }
        if !rows.isEmpty {
            lines.append("\\begin{align*}")
            lines.append(rows.joined(separator: " \\\\\n"))
            lines.append("\\end{align*}")
        }
        if !result.conditions.isEmpty {
            lines.append("Conditions: " + result.conditions.map { "$\(LaTeXNotation.condition($0))$ \(LaTeXNotation.conditionStatus($0))" }
                .joined(separator: "; ") + ".")
        }
        if result.networkSize != nil, let label = result.networkSizeLabel {
            lines.append("Network sizes at $T(n)$ (\(LaTeXNotation.text(label).replacingOccurrences(of: "Thm ", with: "Thm.~"))): width $W$, sparsity $S$, depth $L$, filter width $W'$, channels $C'$.")
        }
        if let enclosures = enclosureSentence(result) { lines.append(enclosures) }
        return lines
    }

    /// `a^\dagger &= formula = value`, the value exact or a closed form; an enclosure
    /// without a closed form shows the formula only (its digits follow in the text).
    private static func valueRows(_ symbol: String, _ value: CertifiedValue, formula: String?) -> [String] {
        let prefix = "\(symbol) &= " + (formula ?? "")
        if value.exact != nil || value.closedForm != nil {
            return [prefix + (formula == nil ? "" : " = ") + LaTeXNotation.value(value, display: true)]
        }
        return formula == nil ? [] : [prefix]
    }

    /// The certified enclosures as running text (each on a line of its own if need be, so
    /// that long digit strings never widen the display): `$r \in 0.5487…_{68}^{69}$`.
    static func enclosureSentence(_ result: RateResult) -> String? {
        let named: [(String, CertifiedValue?)] = [("a^\\dagger", result.aDagger), ("r", result.rateExponent),
                                                  ("T(n)/\\log_2 n", result.levelCoefficient), ("1/r", result.samplesExponent),
                                                  ("e", result.networkSize?.polynomialExponent)]
        let parts = named.compactMap { name, value in
            value.flatMap { $0.exact == nil ? "$\(name) \\in \($0.enclosureLaTeX())$" : nil }
        }
        guard !parts.isEmpty else { return nil }
        return "{\\raggedright Certified enclosures ($x_{\\mathrm{lo}}^{\\mathrm{hi}}$: shared digits, then the last digits of the lower and upper ends): " +
            parts.joined(separator: ", ") + ".\\par}"
    }
}
