/// `--format typst`: a Typst fragment that compiles on its own once ratecalc's bibliography is in
/// the document (`#bibliography("ratecalc.bib")`, the file `ratecalc --bibliography` prints):
/// one `#table` of every result (rows architecture × γ grouped by class; columns a†, r,
/// T(n)/log₂ n, provenance, source), the exact values in math (`$8/15$`) beside their decimals,
/// then per result its proof status, bound (`tilde(O)`), conditions and enclosures
/// (docs/latex.md, "Typst").
extension RateReport {
    /// The report as Typst markup, ending with a newline.
    public func typst() -> String {
        var lines = [TypstNotation.heading("exact rates for a = (\(RateReport.abbreviatedEntries(request.smoothness)))", cites: true),
                     "*ratecalc*: exact rate exponents for $\(TypstNotation.smoothness(request.smoothness))$, " +
                     TypstNotation.integrability(request, v: v) + ".", ""]
        var rows: [[String]] = []
        for functionClass in request.functionClasses {
            rows.append(TypstNotation.spanning("_\(TypstNotation.classText(functionClass)) class_", columns: 6))
            for result in results where result.functionClass == functionClass {
                rows.append(RateReport.typstCells(result))
            }
        }
        lines += TypstNotation.table(header: ["architecture, $gamma$", "$a^dagger$", "$r$", "$T(n) \\/ log_2 n$", "prov.", "source"], rows: rows)
        lines.append("")
        lines += results.flatMap(RateReport.typstDetails)
        lines.append("")
        let stated = library.statedPolylogSources.map { "\(TypstNotation.text($0.key))'s" }.joined(separator: " or ")
        lines.append("prov.: _polylog_, up to a polylog factor the source does not state" + (stated.isEmpty ? "" : "; _stated_, \(stated) factor") +
                     ". Sources: " + library.coveringSources.map { "*\(TypstNotation.text($0.key))* \(TypstNotation.citation($0))" }.joined(separator: "; ") + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `[SSM, anisotropic]`, a†, r (with `(not proven)`), T, provenance and source.
    static func typstCells(_ result: RateResult) -> [String] {
        let math: (CertifiedValue?) -> String = { $0.map { TypstNotation.valueWithDecimal($0) } ?? "--" }
        let provenance = result.theorem.map { $0.provenance == .stated ? "stated" : "polylog" } ?? "--"
        let source = result.theorem.map { "\(TypstNotation.text($0.source.key)) \(TypstNotation.citation($0))" } ?? "none"
        return ["\(result.architecture.displayName), \(result.gamma.rawValue)", math(result.aDagger),
                math(result.rateExponent) + (result.isNotProven ? " *(not proven)*" : ""), math(result.levelCoefficient), provenance, source]
    }

    /// A list item per result: the theorem and proof status, with sub-items for the bound, the
    /// sample exponent, the conditions, certified enclosures and CNN network sizes.
    static func typstDetails(_ result: RateResult) -> [String] {
        var head = "- *\(result.architecture.displayName)*, \(TypstNotation.classText(result.functionClass)), \(result.gamma.rawValue) $gamma$: "
        if let theorem = result.theorem {
            head += "\(TypstNotation.text(theorem.source.key)) \(TypstNotation.citation(theorem)), \(TypstNotation.text(theorem.name)); "
                + (theorem.provenance == .stated ? "polylog factor stated" : "up to polylog factors") + ". "
        } else {
        }
        head += "*\(TypstNotation.text(result.proofStatus))*"
        var items: [String] = []
        if result.isNotProven {
            items.append("*Not proven:* a hypothesis fails or is undecided (see the conditions); the exponent is the formula's value, not a proven rate.")
        }
        if let bound = TypstNotation.bound(result) {
            items.append("bound $EE norm(hat(f) - f^circle.small)^2 = \(bound)$")
        }
        if let level = result.levelCoefficient, level.exact != nil || level.closedForm != nil {
            items.append("level $T(n) = \(TypstNotation.value(level)) dot log_2 n$")
        }
        if let samples = result.samplesExponent {
            items.append("samples $n(epsilon) asymp epsilon^(-\(TypstNotation.exponent(samples, symbol: "1/r")))$")
        }
        if !result.conditions.isEmpty {
            items.append("conditions: " + result.conditions.map(TypstNotation.condition).joined(separator: "; "))
        }
        let named: [(String, CertifiedValue?)] = [("a^dagger", result.aDagger), ("r", result.rateExponent),
                                                  ("T(n) \\/ log_2 n", result.levelCoefficient), ("1\\/r", result.samplesExponent),
                                                  ("e", result.networkSize?.polynomialExponent)]
        let enclosures = named.compactMap { name, value in
            value.flatMap { $0.exact == nil ? "$\(name) in \(TypstNotation.enclosure($0, fractionDigits: nil))$" : nil }
        }
        if !enclosures.isEmpty {
            items.append("certified enclosures (shared digits, then the last digits of the lower and upper ends): " + enclosures.joined(separator: ", "))
        }
        if let network = result.networkSize, let label = result.networkSizeLabel {
            let e = TypstNotation.exponent(network.polynomialExponent, symbol: "e"), n = TypstNotation.number
            items.append("network sizes at $T(n)$ (\(TypstNotation.text(label))): $W asymp n^(\(e)) (log n)^(\(n(network.widthLogExponent)))$, " +
                         "$S asymp n^(\(e)) (log n)^(\(n(network.sparsityLogExponent)))$, $L asymp (log n)^(\(n(network.depthLogExponent)))$, " +
                         "$W' asymp C' asymp (log n)^(\(n(network.filterWidthLogExponent)))$")
        }
        return [head] + items.map { "  - " + $0 }
    }
}
