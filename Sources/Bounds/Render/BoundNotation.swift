/// How a bound is written in text and in LaTeX (docs/json-schema.md, `bound`).
public enum BoundNotation {
    /// Text form: `Õ(n^(-8/15))` for up-to-polylog results, `O(n^(-r) · (log n)^k)` when k
    /// is known (stated or user-supplied). An enclosed r is written by its closed form
    /// (`n^(-12/(12 + π^2))`) or as `r`.
    public static func text(_ result: RateResult) -> String? {
        guard let rate = result.rateExponent else { return nil }
        let r = rate.exact?.description ?? rate.closedForm?.text ?? "r"
        let power = "n^(-\(r))"
        if let k = result.logExponent?.value {
            return "O(\(power) · (log n)^\(k))"
        }
        return "Õ(\(power))"
    }

    /// LaTeX form with an inline exponent: `\tilde{O}(n^{-8/15})` or
    /// `O(n^{-8/15} (\log n)^{7})`.
    public static func latex(_ result: RateResult) -> String? {
        guard let rate = result.rateExponent else { return nil }
        let power = "n^{-\(LaTeXNotation.exponent(rate, symbol: "r"))}"
        if let k = result.logExponent?.value {
            return "O(\(power) (\\log n)^{\(LaTeXNotation.number(k))})"
        }
        return "\\tilde{O}(\(power))"
    }
}

extension BoundNotation {
    /// `\frac{8}{15}`, `2`, `-\frac{1}{2}`: a rational as a stacked fraction (display math;
    /// inline forms use ``LaTeXNotation/number(_:display:)``).
    public static func latexNumber(_ value: Rational) -> String {
        LaTeXNotation.number(value, display: true)
    }
}
