/// How one value is written in running text (`ratecalc value --style`).
public enum ValueStyle: String, CaseIterable, Sendable {
    /// LaTeX math: `\frac{8}{15}` (an enclosure: its closed form or `[lo,\, hi]`).
    case latex
    /// Plain text: `8/15` (an enclosure: its closed form and decimal interval).
    case fraction
    /// A decimal with 10 significant digits: `0.5333333333` (an enclosure: its midpoint).
    case decimal
    /// Typst math: `8/15` (an enclosure: its closed form `12/(12 + π^2)` or its compact interval).
    case typst
}

extension CertifiedValue {
    /// The value in the given style; exact values stay exact in `latex` and `fraction`.
    public func rendered(_ style: ValueStyle) -> String {
        switch style {
        case .latex: return LaTeXNotation.value(self, display: true)
        case .fraction: return CertifiedValue.describe(self)
        case .decimal: return midpoint.decimalString(significantDigits: 10)
        case .typst: return TypstNotation.value(self)
        }
    }
}
