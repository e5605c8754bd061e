import Foundation

/// Renderings of ``SamplePlan``: text table, JSON, Markdown and LaTeX.
extension SamplePlan {
    /// Architectures side by side: one row per (architecture, class, γ) with `1/r` and
    /// `n(ε)` for each ε.
    public func text() -> String {
        var table = TextTable()
        table.append(cells: ["architecture", "class", "γ", "1/r", "≈ 1/r"] + errors.map { "n(ε=\($0.decimalString(significantDigits: 6)))" })
        for result in report.results {
            let samples = result.samplesExponent
            table.append(cells: [result.architecture.displayName, result.functionClass.rawValue, result.gamma.rawValue,
                                 samples.map { RateReport.cells($0)[0] + (result.isNotProven ? " (not proven)" : "") } ?? "—",
                                 samples.map { $0.midpoint.decimalString(significantDigits: 10) } ?? ""]
                         + errors.map { error in sampleSize(for: result, error: error).map(SamplePlan.formatCount) ?? "—" })
        }
        var lines = ["sample size for a target error ε:  n(ε) ≍ ε^(−1/r),  1/r = (2(a†−v)+1)/(2(a†−v))",
                     "smoothness  a = (\(RateReport.abbreviatedEntries(report.request.smoothness)))" + RateReport.shape(report.request.smoothness), ""]
        lines += table.rendered()
        lines.append("")
        lines.append("note: n(ε) ignores the theorems' constants and polylog factors — an order of magnitude, not a guarantee")
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON (docs/json-schema.md): `schema_version`, the errors, and per result `samples_exponent` and
    /// `n` per ε.
    public func json() -> JSONValue {
        .object([
            ("schema_version", .int(1)),
            ("smoothness", report.json().objectMember("smoothness") ?? .null),
            ("errors", .array(errors.map { .exact($0) })),
            ("results", .array(report.results.map { result in
                .object([
                    ("gamma", .string(result.gamma.rawValue)),
                    ("arch", .string(result.architecture.rawValue)),
                    ("class", .string(result.functionClass.rawValue)),
                    ("source", result.theorem.map { .string($0.source.key) } ?? .null),
                    ("samples_exponent", result.samplesExponent.map(RateReport.certified) ?? .null),
                    ("theorem_applies", .bool(result.theoremApplies)),
                    ("n", .array(errors.map { error in sampleSize(for: result, error: error).map(SamplePlan.jsonCount) ?? .null })),
                    ("log10_n", .array(errors.map { error in sampleSize(for: result, error: error).map { .string($0.log10Midpoint.decimalString(significantDigits: 10)) } ?? .null })),
                ])
            })),
        ])
    }

    /// One Markdown table per class (rows architecture × γ; columns 1/r and n(ε) per ε),
    /// with `$…$` math and ASCII outside it, so that Pandoc's LaTeX compiles.
    public func markdown() -> String {
        var lines = ["Sample size for a target error: $n(\\varepsilon) \\asymp \\varepsilon^{-1/r}$ (constants and polylog factors ignored).", "",
                     "Smoothness $\(LaTeXNotation.smoothness(report.request.smoothness))$."]
        let errorHeaders: [String] = errors.map { "$\\varepsilon = \(SamplePlan.latexError($0))$" }
        for functionClass in report.request.functionClasses {
            lines += ["", "\(LaTeXNotation.classText(functionClass).prefix(1).uppercased() + LaTeXNotation.classText(functionClass).dropFirst()) class:", ""]
            lines.append((["| architecture, $\\gamma$ | $1/r$"] + errorHeaders).joined(separator: " | ") + " |")
            lines.append("|------------|----------|" + String(repeating: "----------|", count: errors.count))
            for result in report.results where result.functionClass == functionClass {
                let sizes: [String] = errors.map { error in sampleSize(for: result, error: error).map { "$\(SamplePlan.latexCount($0))$" } ?? "--" }
                let exponent = result.samplesExponent.map { "$\(LaTeXNotation.value($0, enclosureDigits: 6))$" + (result.isNotProven ? " (not proven)" : "") } ?? "--"
                lines.append("| " + (["\(result.architecture.displayName), \(result.gamma.rawValue)", exponent] + sizes).joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A booktabs table in a `table` float: rows architecture × γ grouped by class,
    /// columns 1/r and n(ε) per ε (preamble: ``LaTeXNotation/preamble``).
    public func latex() -> String {
        let columns = 3 + errors.count
        var lines = ["\\begin{tabular}{@{}lll" + String(repeating: "r", count: errors.count) + "@{}}", "\\toprule",
                     "& & & \\multicolumn{\(errors.count)}{c@{}}{$n(\\varepsilon)$} \\\\",
                     "\\cmidrule(l){4-\(columns)}",
                     (["& $\\gamma$ & $1/r$"] + errors.map { "$\\varepsilon = \(SamplePlan.latexError($0))$" }).joined(separator: " & ") + " \\\\"]
        for functionClass in report.request.functionClasses {
            lines.append("\\midrule")
            lines.append("\\multicolumn{\(columns)}{@{}l}{\\emph{\(LaTeXNotation.classText(functionClass)) class}} \\\\")
            for result in report.results where result.functionClass == functionClass {
                let sizes: [String] = errors.map { error in sampleSize(for: result, error: error).map { "$\(SamplePlan.latexCount($0))$" } ?? "--" }
                let exponent = result.samplesExponent.map { "$\(LaTeXNotation.value($0, enclosureDigits: 6))$" + (result.isNotProven ? "$^{\\ast}$" : "") } ?? "--"
                lines.append(([result.architecture.displayName, result.gamma.rawValue, exponent] + sizes).joined(separator: " & ") + " \\\\")
            }
        }
        lines += ["\\bottomrule", "\\end{tabular}"]
        lines = ["% ratecalc samples: n(\\varepsilon) \\asymp \\varepsilon^{-1/r}; preamble: ratecalc --latex-preamble",
                 "\\begin{table}[htbp]", "\\centering\\small", "\\setlength{\\tabcolsep}{4pt}"] + LaTeXNotation.fittedToColumn(lines)
        lines += ["\\caption{Sample size $n(\\varepsilon) \\asymp \\varepsilon^{-1/r}$ for a target error $\\varepsilon$, " +
                  "$\(LaTeXNotation.smoothness(report.request.smoothness))$: exact exponent $1/r$; $n$ without the theorems' constants and polylog factors.}",
                  "\\label{tab:ratecalc-samples}"]
        if report.results.contains(where: \.isNotProven) {
            lines += ["\\par\\raggedright\\footnotesize", "$^{\\ast}$ not proven: a hypothesis of the theorem fails or is undecided; the exponent is the formula's value.\\par"]
        }
        lines.append("\\end{table}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `10^{-3}` for a power of ten, else the decimal (`0.05`).
    static func latexError(_ error: Rational) -> String {
        let denominator = error.denominator.description
        if error.numerator == BigInt(1), denominator.first == "1", denominator.dropFirst().allSatisfy({ $0 == "0" }) {
            return "10^{-\(denominator.count - 1)}"
        }
        return error.decimalString(significantDigits: 6)
    }

    /// `n(ε)` rounded to an integer below 10⁶, else three significant digits (`4.22e+05`,
    /// `1e+600`): rendered from the logarithm, so no size overflows.
    static func formatCount(_ value: PositiveMagnitude) -> String {
        if let double = value.doubleValue, double < 1e6 { return String(Int(double.rounded())) }
        let (mantissa, exponent) = value.scientific
        return String(format: "%.3g", mantissa) + "e+" + exponent.description
    }

    /// As ``formatCount(_:)`` in LaTeX: `5623` below 10⁵, else `4.22\cdot 10^{5}`.
    static func latexCount(_ value: PositiveMagnitude) -> String {
        if let double = value.doubleValue, double < 1e5 { return String(Int(double.rounded())) }
        let (mantissa, exponent) = value.scientific
        return String(format: "%.2f", mantissa) + "\\cdot 10^{\(exponent)}"
    }

    /// A JSON number when a double holds n(ε), else `null` (`log10_n` always has it).
    static func jsonCount(_ value: PositiveMagnitude) -> JSONValue {
        value.doubleValue.map { .double($0) } ?? .null
    }
}

extension JSONValue {
    /// The member `key` of an object, if any.
    func objectMember(_ key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }
}
