/// The compact LaTeX table (`--latex-style table`, the default for `--arch all`): one
/// booktabs table in a `table` float, rows architecture × class × γ, columns a†, r,
/// T(n)/log₂ n, provenance and source; notes below for conditions and unproven rows.
extension RateReport {
    func latexTable() -> [String] {
        var lines = ["\\begin{tabular}{@{}lllllll@{}}", "\\toprule",
                     "& $\\gamma$ & $a^\\dagger$ & $r$ & $T/\\log_2 n$ & prov. & source \\\\"]
        var notProven = false
        for functionClass in request.functionClasses {
            lines.append("\\midrule")
            lines.append("\\multicolumn{7}{@{}l}{\\emph{\(LaTeXNotation.classText(functionClass)) class}} \\\\")
            for result in results where result.functionClass == functionClass {
                let mark = result.isNotProven ? "$^{\\ast}$" : ""
                notProven = notProven || result.isNotProven
                let provenance = result.theorem.map { $0.provenance == .stated ? "stated" : "$\\tilde O$" } ?? "--"
                let source = result.theorem.map { theorem in theorem.source.citationKey.map { "\\cite{\($0)}" } ?? LaTeXNotation.text(theorem.source.key) } ?? "none"
                let cells = [result.architecture.displayName, result.gamma.rawValue,
                             "$\(LaTeXNotation.value(result.aDagger, enclosureDigits: 6))$",
                             result.rateExponent.map { "$\(LaTeXNotation.value($0, enclosureDigits: 6))$\(mark)" } ?? "--",
                             result.levelCoefficient.map { "$\(LaTeXNotation.value($0, enclosureDigits: 6))$" } ?? "--",
                             provenance, source]
                lines.append(cells.joined(separator: " & ") + " \\\\")
            }
        }
        lines.append("\\bottomrule")
        lines.append("\\end{tabular}")
        lines = ["\\begin{table}[htbp]", "\\centering\\small", "\\setlength{\\tabcolsep}{4pt}"] + LaTeXNotation.fittedToColumn(lines)
        lines.append("\\caption{Exact rate exponents $r$, $\\mathbb{E}\\|\\hat f - f^\\circ\\|^2 \\lesssim n^{-r}$ up to polylog factors, and levels $T(n)$ for $\(LaTeXNotation.smoothness(request.smoothness))$" +
                     (request.p.map { ", $p = \(LaTeXNotation.number($0))$" } ?? ", $p \\ge 2$") + ".}")
        lines.append("\\label{tab:ratecalc-rates}")
        lines.append("\\par\\raggedright\\footnotesize")
        lines += latexTableNotes(notProven: notProven)
        lines.append("\\end{table}")
        return lines
    }

    /// Notes under the table: provenance marks, each γ's conditions, the CNN hypotheses,
    /// and the not-proven mark.
    private func latexTableNotes(notProven: Bool) -> [String] {
        var notes: [String] = []
        if results.contains(where: { $0.theorem?.provenance == .upToPolylog }) {
            let stated = library.statedPolylogTheorems.map { theorem in
                "\(LaTeXNotation.text(theorem.source.key))'s factor $(\\log n)^{\\kappa}$, $\\kappa = \(ExpressionNotation.latex(theorem.polylog!.expression, inline: true))$"
            }
            notes.append("$\\tilde O$: up to a polylog factor the source does not state" + (stated.isEmpty ? "" : "; stated: " + stated.joined(separator: "; ")) + ".")
        }
        for gamma in request.gammas {
            guard let representative = results.first(where: { $0.gamma == gamma && $0.theorem != nil && !$0.hasAlternatives }) ?? results.first(where: { $0.gamma == gamma }) else { continue }
            let required = representative.conditions.filter(\.required)
            notes.append("\(gamma.rawValue.prefix(1).uppercased() + gamma.rawValue.dropFirst()) $\\gamma$: " +
                         required.map { "$\(LaTeXNotation.condition($0))$ \($0.status.rawValue)" }.joined(separator: ", ") + ".")
        }
        var explained: [String] = []
        for result in results where result.hasAlternatives {
            guard let theorem = result.theorem, !explained.contains(theorem.id) else { continue }
            explained.append(theorem.id)
            notes.append("\(result.architecture.displayName): \(LaTeXNotation.text(theorem.source.key)) \(LaTeXNotation.theoremShort(LaTeXNotation.text(theorem.name)))~\(theorem.latexCitation).")
        }
        for result in results where result.hasAlternatives && result.rateExponent != nil {
            let unmet = result.conditions.filter { $0.hypothesisOf != nil && !$0.isSatisfied }
            notes.append("\(result.architecture.displayName), \(result.gamma.rawValue) $\\gamma$: " + LaTeXNotation.text(result.proofStatus).replacingOccurrences(of: "Theorem ", with: "Thm.~") +
                         (unmet.isEmpty ? "" : "; " + unmet.map { "$\(LaTeXNotation.condition($0))$ \(LaTeXNotation.conditionStatus($0))" }.joined(separator: ", ")) + ".")
        }
        if notProven {
            notes.append("$^{\\ast}$ not proven: a hypothesis fails or is undecided; the exponent is the formula's value.")
        }
        if results.contains(where: { $0.aDagger.exact == nil && $0.aDagger.closedForm == nil }) {
            notes.append("Enclosures $x_{\\mathrm{lo}}^{\\mathrm{hi}}$ rounded outward to 6 digits.")
        }
        return notes.map { $0 + "\\par" }
    }
}
