/// How a bound is written in text and in LaTeX (SPEC §6.1 `bound`).
public enum BoundNotation {
    /// Text form: `Õ(n^(-8/15))` for up-to-polylog results, `n^(-r)·(log n)^k` when k is
    /// known (stated or user-supplied). Enclosures use the decimal interval of r.
    public static func text(_ result: RateResult) -> String? {
        guard let rate = result.rateExponent else { return nil }
        let r = rate.exact?.description ?? "r"
        let power = "n^(-\(r))"
        if let k = result.logExponent?.value {
            return "O(\(power) · (log n)^\(k))"
        }
        return "Õ(\(power))"
    }

    /// LaTeX form: `\tilde{O}\left(n^{-\frac{8}{15}}\right)` or
    /// `n^{-\frac{p}{q}} (\log n)^{k}`.
    public static func latex(_ result: RateResult) -> String? {
        guard let rate = result.rateExponent else { return nil }
        let r = rate.exact.map(latexNumber) ?? "r"
        let power = "n^{-\(r)}"
        if let k = result.logExponent?.value {
            return "O\\left(\(power) (\\log n)^{\(latexNumber(k))}\\right)"
        }
        return "\\tilde{O}\\left(\(power)\\right)"
    }

    /// `\frac{8}{15}`, `2`, `-\frac{1}{2}`.
    public static func latexNumber(_ value: Rational) -> String {
        if value.isInteger { return value.description }
        let sign = value.signum < 0 ? "-" : ""
        return "\(sign)\\frac{\(value.numerator.magnitude)}{\(value.denominator)}"
    }
}
