/// `--format typst` of `ratecalc samples`: one `#table` (rows architecture × γ grouped by class;
/// columns the exact 1/r beside its decimal and n(ε) per ε), and the not-proven mark.
extension SamplePlan {
    /// The plan as Typst markup, ending with a newline.
    public func typst() -> String {
        var lines = [TypstNotation.heading("sample sizes n(ε) ≍ ε^(-1/r) for a = (\(RateReport.abbreviatedEntries(report.request.smoothness)))", cites: false),
                     "*ratecalc*: sample size for a target error, $n(epsilon) asymp epsilon^(-1\\/r)$ (constants and polylog factors ignored), " +
                     "for $\(TypstNotation.smoothness(report.request.smoothness))$.", ""]
        let header = ["architecture, $gamma$", "$1\\/r$"] + errors.map { "$n(epsilon = \(SamplePlan.typstError($0)))$" }
        var rows: [[String]] = []
        for functionClass in report.request.functionClasses {
            rows.append(TypstNotation.spanning("_\(TypstNotation.classText(functionClass)) class_", columns: header.count))
            for result in report.results where result.functionClass == functionClass {
                let exponent = result.samplesExponent.map { TypstNotation.valueWithDecimal($0) + (result.isNotProven ? " *(not proven)*" : "") } ?? "--"
                let sizes = errors.map { error in sampleSize(for: result, error: error).map { "$\(SamplePlan.typstCount($0))$" } ?? "--" }
                rows.append(["\(result.architecture.displayName), \(result.gamma.rawValue)", exponent] + sizes)
            }
        }
        lines += TypstNotation.table(header: header, rows: rows)
        if report.results.contains(where: \.isNotProven) {
            lines += ["", "*(not proven)*: a hypothesis of the theorem fails or is undecided; the exponent is the formula's value."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `10^(-3)` for a power of ten, else the decimal (`0.05`).
    static func typstError(_ error: Rational) -> String {
        let latex = latexError(error)
        guard latex.hasPrefix("10^{") else { return latex }
        return "10^(" + latex.dropFirst(4).dropLast() + ")"
    }

    /// As ``latexCount(_:)`` in Typst math: `5623` below 10⁵, else `4.22 dot 10^(5)`.
    static func typstCount(_ value: PositiveMagnitude) -> String {
        let latex = latexCount(value)
        guard let dot = latex.range(of: "\\cdot 10^{") else { return latex }
        return latex[..<dot.lowerBound] + " dot 10^(" + latex[dot.upperBound...].dropLast() + ")"
    }
}
