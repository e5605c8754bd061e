import Foundation

/// Renderings of ``SamplePlan``: text table, JSON, Markdown and LaTeX (issue #5 item 3).
extension SamplePlan {
    /// Architectures side by side: one row per (architecture, class, γ) with `1/r` and
    /// `n(ε)` for each ε.
    public func text() -> String {
        var table = TextTable()
        table.append(cells: ["architecture", "class", "γ", "1/r", "≈ 1/r"] + errors.map { "n(ε=\($0.decimalString(significantDigits: 6)))" })
        for result in report.results {
            let samples = result.samplesExponent
            table.append(cells: [result.architecture.displayName, result.functionClass.rawValue, result.gamma.rawValue,
                                 samples.map { RateReport.cells($0)[0] } ?? "—",
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

    /// SPEC-style JSON: `schema_version`, the errors, and per result `samples_exponent` and
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
                    ("n", .array(errors.map { error in sampleSize(for: result, error: error).map(SamplePlan.jsonCount) ?? .null })),
                    ("log10_n", .array(errors.map { error in sampleSize(for: result, error: error).map { .string($0.log10Midpoint.decimalString(significantDigits: 10)) } ?? .null })),
                ])
            })),
        ])
    }

    /// A Markdown table with `$…$` math.
    public func markdown() -> String {
        var lines = ["Sample size for a target error: $n(\\varepsilon) \\asymp \\varepsilon^{-1/r}$", ""]
        lines.append("| architecture | class | $\\gamma$ | $1/r$ | " + errors.map { "$\\varepsilon = \(BoundNotation.latexNumber($0))$" }.joined(separator: " | ") + " |")
        lines.append("|---|---|---|---|" + errors.map { _ in "---|" }.joined())
        for result in report.results {
            let cells = [result.architecture.displayName, result.functionClass.rawValue, result.gamma.rawValue,
                         result.samplesExponent.map { "$\(RateReport.latexValue($0))$" } ?? "—"]
                + errors.map { error in sampleSize(for: result, error: error).map { "$\\approx \(SamplePlan.latexCount($0))$" } ?? "—" }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A LaTeX `tabular` (needs only amsmath).
    public func latex() -> String {
        var lines = ["% ratecalc samples: n(\\varepsilon) \\asymp \\varepsilon^{-1/r}",
                     "\\begin{tabular}{lll" + String(repeating: "r", count: errors.count + 1) + "}",
                     "architecture & class & $\\gamma$ & $1/r$ & " + errors.map { "$\\varepsilon = \(BoundNotation.latexNumber($0))$" }.joined(separator: " & ") + " \\\\ \\hline"]
        for result in report.results {
            let cells = [result.architecture.displayName, result.functionClass.rawValue, result.gamma.rawValue,
                         result.samplesExponent.map { "$\(RateReport.latexValue($0))$" } ?? "--"]
                + errors.map { error in sampleSize(for: result, error: error).map { "$\(SamplePlan.latexCount($0))$" } ?? "--" }
            lines.append(cells.joined(separator: " & ") + " \\\\")
        }
        lines.append("\\end{tabular}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `n(ε)` rounded to an integer below 10⁶, else three significant digits (`4.22e+05`,
    /// `1e+600`): rendered from the logarithm, so no size overflows.
    static func formatCount(_ value: PositiveMagnitude) -> String {
        if let double = value.doubleValue, double < 1e6 { return String(Int(double.rounded())) }
        let (mantissa, exponent) = value.scientific
        return String(format: "%.3g", mantissa) + "e+" + exponent.description
    }

    /// As ``formatCount(_:)`` in LaTeX: `31623` or `4.22 \times 10^{5}`.
    static func latexCount(_ value: PositiveMagnitude) -> String {
        if let double = value.doubleValue, double < 1e6 { return String(Int(double.rounded())) }
        let (mantissa, exponent) = value.scientific
        return String(format: "%.2f", mantissa) + " \\times 10^{\(exponent)}"
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
