/// The pieces every Typst rendering shares (docs/latex.md, "Typst"): escaped text, numbers and
/// values in Typst math (`8/15`, `12/(12 + π^2)`), the smoothness, the bound with `tilde(O)`,
/// citations as references to ``Bibliography`` entries, and booktabs-like `#table(…)` calls.
///
/// Every string that comes from a user or a file (theorem names, sources, references,
/// explanations) goes through ``text(_:)``, the one place that escapes Typst markup, so that
/// nothing in a theorem file can start code (`#`), math (`$`), a reference (`@`), a label
/// (`<`), raw text, a comment (`//`) or a heading, list or emphasis.
public enum TypstNotation {
    /// The ASCII characters that have a meaning in Typst markup, each written `\c`.
    static let markupCharacters: Set<Unicode.Scalar> = ["\\", "#", "$", "*", "_", "@", "<", ">", "[", "]", "`", "~",
                                                         "/", "=", "-", "+"]

    /// Typst markup that shows `text` literally: markup characters escaped with `\`, and every
    /// control, format or separator character (``SafeText/isUnsafe(_:)``) as a `\u{HEX}` escape,
    /// so that the result is one line of plain text whatever the input.
    public static func text(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if markupCharacters.contains(scalar) {
                result += "\\" + String(scalar)
            } else if SafeText.isUnsafe(scalar) || scalar == "\n" || scalar == "\r" || scalar == "\t" {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A rational in Typst math: `8/15` (set as a fraction), `-1/2`, `2`.
    public static func number(_ value: Rational) -> String {
        if value.isInteger { return value.description }
        return (value.signum < 0 ? "-" : "") + "\(value.numerator.magnitude)/\(value.denominator)"
    }

    /// An exact value as a number; an enclosure as its closed form (`12/(12 + π^2)`), or
    /// without one as the compact interval `0.5487…_(849)^(865)` of ``enclosure(_:fractionDigits:)``.
    public static func value(_ value: CertifiedValue, enclosureDigits: Int? = nil) -> String {
        if let exact = value.exact { return number(exact) }
        if let form = value.closedForm { return form.text }
        return enclosure(value, fractionDigits: enclosureDigits)
    }

    /// Markup with the exact value in math beside its decimal: `$8/15$ ≈ 0.533333`, a closed
    /// form beside its outward-rounded enclosure `$12/(12 + π^2)$ ∈ [0.548706, 0.548707]`.
    public static func valueWithDecimal(_ value: CertifiedValue, significantDigits: Int = 6) -> String {
        if let exact = value.exact { return "$\(number(exact))$ ≈ " + exact.decimalString(significantDigits: significantDigits) }
        guard let form = value.closedForm else { return "$\(enclosure(value, fractionDigits: significantDigits))$" }
        let (low, high) = value.outwardDecimals(fractionDigits: significantDigits)
        return "$\(form.text)$ ∈ [\(low), \(high)]"
    }

    /// `x` in an exponent, with an inline slash: exact (`8\/15`), closed form
    /// (`12\/(12 + π^2)`), or `symbol` for an enclosure without one.
    static func exponent(_ value: CertifiedValue, symbol: String) -> String {
        let math = value.exact.map(number) ?? value.closedForm?.text ?? symbol
        return math.replacingOccurrences(of: "/", with: "\\/")
    }

    /// The compact interval in math: the digits both outward-rounded ends share, then the lower
    /// end's remaining digits as a subscript and the upper end's as a superscript
    /// (`0.54870677_(849)^(865)`), or `[lo, hi]` when they share no digit after the point.
    static func enclosure(_ value: CertifiedValue, fractionDigits: Int?) -> String {
        let (low, high) = value.outwardDecimals(fractionDigits: fractionDigits ?? value.fractionDigitsShowingWidth())
        let shared = zip(low, high).prefix { $0 == $1 }.count
        guard let point = low.firstIndex(of: "."), shared > low.distance(from: low.startIndex, to: point) else {
            return "[\(low), \(high)]"
        }
        return String(low.prefix(shared)) + "_(\(low.dropFirst(shared)))^(\(high.dropFirst(shared)))"
    }

    /// The smoothness in math: `a = (1, 2, 4)`, `a = (1, 2, op("poly")(c=3,q=2))`.
    static func smoothness(_ summary: SmoothnessSummary) -> String {
        "a = (" + RateReport.abbreviatedEntries(summary)
            .replacingOccurrences(of: "poly(", with: "op(\"poly\")(")
            .replacingOccurrences(of: "geom(", with: "op(\"geom\")(") + ")"
    }

    /// `p >= 2` or `p = 3`, and `v`, in math.
    static func integrability(_ request: RateRequest, v: Rational) -> String {
        (request.p.map { "$p = \(number($0))$" } ?? "$p >= 2$") + ", $v = \(number(v))$"
            + (request.q.map { ", $q = \(number($0))$" } ?? "")
    }

    /// The class in markup: `$gamma$-smooth` or `piecewise $gamma$-smooth`.
    static func classText(_ functionClass: FunctionClass) -> String {
        functionClass == .gammaSmooth ? "$gamma$\\-smooth" : "piecewise $gamma$\\-smooth"
    }

    /// The bound in math: `tilde(O)(n^(-8/15))` up to polylog, `O(n^(-8/15) (log n)^(7))` when
    /// the log exponent is known (stated or user-supplied).
    public static func bound(_ result: RateResult) -> String? {
        guard let rate = result.rateExponent else { return nil }
        let power = "n^(-\(exponent(rate, symbol: "r")))"
        if let k = result.logExponent?.value { return "O(\(power) (log n)^(\(number(k))))" }
        return "tilde(O)(\(power))"
    }

    /// A theorem's citation: `@nishikawa2024state` (with `[Thms. 10, 14]` as supplement) for a
    /// source in ``Bibliography``, else the source's reference as text (a key that
    /// `ratecalc --bibliography` does not print would not compile).
    static func citation(_ theorem: Theorem) -> String {
        guard let key = theorem.source.citationKey, Bibliography.keys.contains(key) else { return text(theorem.source.reference) }
        let detail = theorem.citationDetail.map { "[" + text($0.replacingOccurrences(of: "~", with: " ")) + "]" } ?? ""
        return "@\(key)" + detail
    }

    /// `@key` (with its supplement) for a theorem whose source is in ``Bibliography``, else nothing.
    static func bibliographyReference(_ theorem: Theorem) -> String {
        guard let key = theorem.source.citationKey, Bibliography.keys.contains(key) else { return "" }
        return citation(theorem)
    }

    /// A source's citation: `@key` for a ``Bibliography`` entry, else its reference as text.
    static func citation(_ source: Source) -> String {
        guard let key = source.citationKey, Bibliography.keys.contains(key) else { return text(source.reference) }
        return "@\(key)"
    }

    /// A condition: its math (`$a^dagger > v$`, from the parsed comparison or the smoothness
    /// predicate its name states; the display name as text otherwise), status, role when not
    /// simply required, and the exact numbers behind the decision: `$a^dagger > v$ holds (4\/7 \> 0)`.
    static func condition(_ condition: Condition) -> String {
        let math = SmoothnessPredicate(rawValue: condition.name)?.typst
            ?? (try? ExpressionParser.comparison(condition.name)).map(ExpressionNotation.typst)
        let role = condition.required ? "" : " (\(condition.role))"
        return (math.map { "$\($0)$" } ?? text(condition.displayName)) + " " + text("\(condition.status.rawValue)\(role) (\(condition.detail))")
    }

    /// The comment line that opens every Typst output; citations need ratecalc's bibliography.
    static func heading(_ what: String, cites: Bool) -> String {
        "// Typst from ratecalc: \(what)." + (cites ? " Citations need #bibliography(\"ratecalc.bib\"), from: ratecalc --bibliography > ratecalc.bib" : "")
    }

    /// A `#table(…)` in booktabs style (rules above, below the header and at the end, none
    /// between cells), left-aligned; `header` and every row are cells of Typst markup (a cell
    /// given as `table.cell(…)[…]` is taken as it is). `columns` is Typst's column spec, e.g.
    /// `(auto, 1fr)`; by default every column is as wide as its content.
    public static func table(header: [String], rows: [[String]], columns: String? = nil) -> [String] {
        func cell(_ markup: String) -> String { markup.hasPrefix("table.") ? markup : "[\(markup)]" }
        var lines = ["#table(", "  columns: \(columns ?? String(header.count)),", "  align: left,", "  stroke: none,", "  table.hline(),",
                     "  table.header(" + header.map(cell).joined(separator: ", ") + "),", "  table.hline(stroke: 0.5pt),"]
        lines += rows.map { "  " + $0.map(cell).joined(separator: ", ") + "," }
        lines += ["  table.hline(),", ")"]
        return lines
    }

    /// A cell spanning every column, for a group heading such as the class.
    static func spanning(_ markup: String, columns: Int) -> [String] {
        ["table.cell(colspan: \(columns))[\(markup)]"]
    }
}
