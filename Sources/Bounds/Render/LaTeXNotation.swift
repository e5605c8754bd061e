/// The pieces every LaTeX and Markdown rendering shares: numbers, enclosures, closed
/// forms, conditions and text in the notation of docs/formulas.md, and the preamble the
/// output needs (printed by `--latex-preamble`).
public enum LaTeXNotation {
    /// The packages the LaTeX output needs: `amsmath` (align*, `\text`), `amssymb`
    /// (`\lesssim`) and `booktabs` (`\toprule`, `\midrule`, `\bottomrule`), plus the BibTeX
    /// keys of the citations (entries in docs/references.bib).
    public static let preamble = """
    % Preamble for ratecalc's LaTeX output (rate, samples and check, --format latex).
    \\usepackage{amsmath}  % align*, \\text
    \\usepackage{amssymb}  % \\lesssim
    \\usepackage{booktabs} % \\toprule, \\midrule, \\bottomrule in the tables
    \\usepackage{graphicx} % \\resizebox: a table wider than \\columnwidth is scaled to fit
    % Citations: \\cite{okumoto2022learnability}, \\cite{takakura2023approximation},
    % \\cite{nishikawa2024state}; BibTeX entries in docs/references.bib of ratecalc.

    """

    /// A `tabular` set at its natural width, or scaled down to `\columnwidth` when it is
    /// wider (two-column papers), so that it is never overfull.
    public static func fittedToColumn(_ tabular: [String]) -> [String] {
        ["\\sbox0{%"] + tabular + ["}%", "\\ifdim\\wd0>\\columnwidth\\resizebox{\\columnwidth}{!}{\\usebox0}\\else\\usebox0\\fi"]
    }

    /// A rational inline (`8/15`, `-1/2`, `2`), for exponents and table cells, or as a
    /// stacked `\frac{8}{15}` for display math.
    public static func number(_ value: Rational, display: Bool = false) -> String {
        if value.isInteger { return value.description }
        let sign = value.signum < 0 ? "-" : ""
        if display { return "\(sign)\\frac{\(value.numerator.magnitude)}{\(value.denominator)}" }
        return "\(sign)\(value.numerator.magnitude)/\(value.denominator)"
    }

    /// An exact value as a number; an enclosure as its closed form, or (without one) the
    /// compact enclosure notation of ``CertifiedValue/enclosureLaTeX(fractionDigits:)``.
    public static func value(_ value: CertifiedValue, display: Bool = false, enclosureDigits: Int? = nil) -> String {
        if let exact = value.exact { return number(exact, display: display) }
        if let form = value.closedForm { return display ? form.latexDisplay : form.latexInline }
        return value.enclosureLaTeX(fractionDigits: enclosureDigits)
    }

    /// `x` in an exponent, inline (`8/15`, `12/(12+\pi^{2})`); `symbol` (e.g. `r`) for an
    /// enclosure without a closed form, whose digits are printed on their own line.
    static func exponent(_ value: CertifiedValue, symbol: String) -> String {
        if let exact = value.exact { return number(exact) }
        if let form = value.closedForm { return form.latexInline }
        return symbol
    }

    /// A condition in math notation, as its theorem file or predicate writes it (e.g.
    /// `a^\dagger > v`); a condition without one as text.
    public static func condition(_ condition: Condition) -> String {
        condition.latex ?? "\\text{\(text(condition.name))}"
    }

    /// `holds`, `fails`, … and the condition's role when it is not simply required:
    /// `fails (hypothesis of Thm.~14)`, `holds (informational)`.
    static func conditionStatus(_ condition: Condition) -> String {
        let status = condition.status.rawValue
        if condition.required { return status }
        if let theorem = condition.hypothesisOf { return "\(status) (hypothesis of \(theoremShort(theorem)))" }
        return "\(status) (informational)"
    }

    /// `Theorem 10` → `Thm.~10`.
    static func theoremShort(_ name: String) -> String {
        name.replacingOccurrences(of: "Theorem ", with: "Thm.~")
    }

    /// The smoothness in math mode: `a = (1, 2, 4)`, `a = (1, 2, \mathrm{poly}(c=3,q=2))`.
    static func smoothness(_ summary: SmoothnessSummary) -> String {
        "a = (" + RateReport.abbreviatedEntries(summary)
            .replacingOccurrences(of: "poly(", with: "\\mathrm{poly}(")
            .replacingOccurrences(of: "geom(", with: "\\mathrm{geom}(")
            .replacingOccurrences(of: "…", with: "\\ldots") + ")"
    }

    /// The class in running text: `$\gamma$-smooth` or `piecewise $\gamma$-smooth`.
    static func classText(_ functionClass: FunctionClass) -> String {
        functionClass == .gammaSmooth ? "$\\gamma$-smooth" : "piecewise $\\gamma$-smooth"
    }

    /// Text-mode LaTeX for a plain string: escapes the special characters and writes the
    /// few Unicode symbols ratecalc's names use in math (`γ` → `$\gamma$`).
    public static func text(_ text: String) -> String {
        text.map { textReplacements[$0] ?? String($0) }.joined()
    }

    /// What ``text(_:)`` writes for each special character or symbol.
    static let textReplacements: [Character: String] = [
        "_": "\\_", "&": "\\&", "%": "\\%", "#": "\\#", "$": "\\$", "^": "\\^{}", "~": "\\~{}",
        "{": "\\{", "}": "\\}", "—": "--", "–": "--", "−": "$-$", "<": "$<$", ">": "$>$",
        "γ": "$\\gamma$", "ā": "$\\bar a$", "ã": "$\\tilde a$", "†": "$^\\dagger$", "₁": "$_1$", "₂": "$_2$",
        "∞": "$\\infty$", "‖": "$\\|$", "ℓ": "$\\ell$", "≤": "$\\le$", "≥": "$\\ge$", "Ω": "$\\Omega$",
        "π": "$\\pi$", "∝": "$\\propto$",
    ]
}
