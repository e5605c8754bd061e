/// `--format latex-macros`: `\newcommand` definitions of every quantity, so that a paper
/// does `\input{rates.tex}` and writes `$n^{-\RateAnisoSSM}$` (documented in `docs/notes.md`).
///
/// A macro name is `prefix + quantity + γ + architecture [+ Piecewise]`, letters only:
/// quantity ``RateQuantityName/macroStem`` (`Rate`, `ADagger`, `ATilde`, `TCoef`, `Samples`,
/// `Approx`), γ `Mixed` or `Aniso`, architecture `SSM`, `Transformer` or `CNN`, and
/// `Piecewise` for the piecewise γ-smooth class. Undefined quantities get a comment line
/// instead of a definition, so using one is a LaTeX error rather than a wrong number.
public enum LaTeXMacros {
    /// Whether `prefix` can start a LaTeX control word: ASCII letters only (may be empty).
    public static func isValidPrefix(_ prefix: String) -> Bool {
        prefix.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    /// `\RateAnisoSSM` for prefix `""`, the rate exponent, anisotropic γ, SSM, γ-smooth class.
    public static func name(prefix: String, stem: String, result: RateResult) -> String {
        "\\" + prefix + stem + (result.gamma == .mixed ? "Mixed" : "Aniso") + result.architecture.displayName
            + (result.functionClass == .piecewise ? "Piecewise" : "")
    }

    /// Excel-style suffixes for the i-th target error (0 → `A`, 25 → `Z`, 26 → `AA`).
    static func letters(_ index: Int) -> String {
        var n = index + 1, out = ""
        while n > 0 {
            let digit = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + digit))) + out
            n = (n - 1) / 26
        }
        return out
    }

    static func definition(_ name: String, _ body: String) -> String {
        "\\newcommand{\(name)}{\(body)}"
    }

    /// The definitions of every quantity of every result (comments for undefined ones).
    static func definitions(of report: RateReport, prefix: String) -> [String] {
        var lines: [String] = []
        for result in report.results {
            for quantity in RateQuantityName.allCases {
                if quantity == .aTilde && result.gamma == .mixed { continue }
                let name = name(prefix: prefix, stem: quantity.macroStem, result: result)
                if let value = result.value(of: quantity) {
                    lines.append(definition(name, value.rendered(.latex)))
                } else {
                    lines.append("% \(name) undefined: " + (result.theorem == nil ? "no theorem covers this architecture and class" : "a† > v fails"))
                }
            }
        }
        return lines
    }
}

extension RateReport {
    /// `\newcommand` definitions of every quantity of every result (see ``LaTeXMacros``).
    /// - Requires: `LaTeXMacros.isValidPrefix(prefix)`.
    public func latexMacros(prefix: String = "") -> String {
        precondition(LaTeXMacros.isValidPrefix(prefix), "a macro prefix is ASCII letters only")
        let header = "% ratecalc latex-macros: a = (\(RateReport.abbreviatedEntries(request.smoothness)))" +
            (request.p.map { ", p = \($0)" } ?? ", p >= 2") + "; \\input this file, then write e.g. $n^{-\\\(prefix)RateAnisoSSM}$"
        return ([header] + LaTeXMacros.definitions(of: self, prefix: prefix)).joined(separator: "\n") + "\n"
    }
}

extension SamplePlan {
    /// The report's macros, plus per target error ε (letters `A`, `B`, … in the order given)
    /// `\<prefix>ErrorA` = ε and `\<prefix>SampleSizeAnisoSSMA` ≈ n(ε) (a decimal, since
    /// n(ε) = ε^{-1/r} is irrational in general).
    /// - Requires: `LaTeXMacros.isValidPrefix(prefix)`.
    public func latexMacros(prefix: String = "") -> String {
        var lines = [String(report.latexMacros(prefix: prefix).dropLast())]
        for (index, error) in errors.enumerated() {
            let letter = LaTeXMacros.letters(index)
            lines.append(LaTeXMacros.definition("\\" + prefix + "Error" + letter, BoundNotation.latexNumber(error)))
            for result in report.results {
                let name = LaTeXMacros.name(prefix: prefix, stem: "SampleSize", result: result) + letter
                if let size = sampleSize(for: result, error: error) {
                    lines.append(LaTeXMacros.definition(name, SamplePlan.latexCount(size)))
                } else {
                    lines.append("% \(name) undefined: no rate")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
