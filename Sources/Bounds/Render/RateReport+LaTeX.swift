/// `--format latex`: display math ready to paste or `\input` (issue #5 item 1). Needs only
/// `amsmath` (and `amssymb` for `\lesssim`); citations use the keys of ``Source``.
extension RateReport {
    /// One `align*` environment per result plus a comment header; each line gives the bound
    /// (`\lesssim` / `\tilde{O}`), a†, r, T(n) and the conditions, with `\cite{…}`.
    public func latex() -> String {
        var lines = ["% ratecalc: exact rates for a = (\(RateReport.abbreviatedEntries(request.smoothness)))" +
                     (request.p.map { ", p = \($0)" } ?? ", p \\ge 2") + "; needs \\usepackage{amsmath,amssymb}"]
        for result in results {
            lines.append("")
            lines.append("% \(result.architecture.displayName), \(result.functionClass.rawValue), \(result.gamma.rawValue): " +
                         (result.theorem.map { "\($0.source.key) \($0.name) [\($0.provenance.rawValue)]" } ?? "no theorem"))
            lines.append("\\begin{align*}")
            var rows: [String] = []
            let classText = result.functionClass == .gammaSmooth ? "$\\gamma$-smooth" : "piecewise $\\gamma$-smooth"
            let theoremText = result.theorem.map { "\($0.source.key), \($0.provenance == .stated ? "stated" : "up to polylog")" } ?? "no theorem"
            rows.append("&\\text{\\textbf{\(result.architecture.displayName)}, \(classText) class, \(result.gamma.rawValue) $\\gamma$ (\(theoremText))}")
            let aDaggerLatex = RateReport.latexValue(result.aDagger)
            rows.append("a^\\dagger &= \(aDaggerLatex)" + (result.gamma == .mixed ? " = \\bar a_1" : " = \\Bigl(\\sum_k a_k^{-1}\\Bigr)^{-1}"))
            if let bound = BoundNotation.latex(result), let rate = result.rateExponent {
                let cite = result.theorem.map { "\\quad\\text{\\cite{\($0.source.citationKey)}}" } ?? ""
                rows.append("\\mathbb{E}\\|\\hat f - f^\\circ\\|^2 &\\lesssim " + RateReport.latexMainTerm(result) + " = \(bound)\(cite)")
                rows.append("r &= \\frac{2(a^\\dagger - v)}{2(a^\\dagger - v) + 1} = \(RateReport.latexValue(rate))")
            } else {
                rows.append("&\\text{no rate: " + (result.theorem == nil ? "no theorem covers this architecture and class" : "the condition } a^\\dagger > v \\text{ fails") + "}")
            }
            if let level = result.levelCoefficient {
                rows.append("T(n) &= \(RateReport.latexValue(level)) \\log_2 n")
            }
            if let samples = result.samplesExponent {
                rows.append("n(\\varepsilon) &\\asymp \\varepsilon^{-\(RateReport.latexValue(samples))}")
            }
            if !result.conditions.isEmpty {
                let conditions = result.conditions.map { condition in
                    "\(RateReport.latexCondition(condition))\\ \\text{(\(condition.status.rawValue))}"
                }
                rows.append("&" + conditions.joined(separator: ",\\ "))
            }
            lines.append(rows.joined(separator: " \\\\\n"))
            lines.append("\\end{align*}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `n^{-\frac{8}{15}}` (times `(\log n)^{k}` when k is known).
    static func latexMainTerm(_ result: RateResult) -> String {
        guard let rate = result.rateExponent else { return "" }
        let term = "n^{-\(latexValue(rate))}"
        if let k = result.logExponent?.value { return term + " (\\log n)^{\(BoundNotation.latexNumber(k))}" }
        return term + " \\cdot \\mathrm{polylog}(n)"
    }

    /// An exact value as `\frac{p}{q}`; an enclosure as its symbolic form or `\in [lo, hi]`.
    static func latexValue(_ value: CertifiedValue) -> String {
        if let exact = value.exact { return BoundNotation.latexNumber(exact) }
        if let symbolic = value.symbolic {
            return "{" + symbolic.replacingOccurrences(of: "π", with: "\\pi ") + "}"
        }
        return "{[\(value.lower.decimalString(significantDigits: 12)),\\, \(value.upper.decimalString(significantDigits: 12))]}"
    }

    /// A condition in math notation (by its stable name), e.g. `a^\dagger > v`.
    static func latexCondition(_ condition: Condition) -> String {
        switch condition.name {
        case "a_dagger > v": return "a^\\dagger > v"
        case "a1 < a2": return "\\bar a_1 < \\bar a_2"
        case "a_tilde < infinity": return "\\tilde a < \\infty"
        case "weak_lq_norm <= 1": return "\\lVert a\\rVert_{w\\ell^q} \\le 1"
        default: return "\\text{\(latexEscaped(condition.name))}"
        }
    }

    /// Escapes LaTeX's special characters in text mode and maps the few Unicode symbols
    /// the condition names use.
    static func latexEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "_": out += "\\_"
            case "&": out += "\\&"
            case "%": out += "\\%"
            case "#": out += "\\#"
            case "ā": out += "$\\bar a$"
            case "ã": out += "$\\tilde a$"
            case "₁": out += "$_1$"
            case "₂": out += "$_2$"
            case "∞": out += "$\\infty$"
            case "‖": out += "$\\|$"
            case "ℓ": out += "$\\ell$"
            case "≤": out += "$\\le$"
            case "<": out += "$<$"
            case ">": out += "$>$"
            case "^": out += "\\^{}"
            case "{", "}": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}
