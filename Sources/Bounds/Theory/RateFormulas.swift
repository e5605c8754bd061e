/// The exact formulas of docs/formulas.md, as functions of the effective smoothness `a†` and of
/// `v = (1/p − 1/2)_+`. All are rational for rational inputs.
public enum RateFormulas {
    /// `v = (1/p − 1/2)_+` (docs/formulas.md); `p = nil` means "not given", i.e. `p ≥ 2`, so `v = 0`.
    /// Requires `p ≥ 1` (checked by the caller).
    public static func v(p: Rational?) -> Rational {
        guard let p else { return .zero }
        return (1 / p - .oneHalf).positivePart
    }

    /// Rate exponent `r = 2(a†−v) / (2(a†−v)+1)` (O22 Thm 10; TS23, NS24 with v = 0).
    /// Requires `a† > v`.
    public static func rateExponent(aDagger: Rational, v: Rational) -> Rational {
        let e = 2 * (aDagger - v)
        return e / (e + 1)
    }

    /// Level coefficient: `T(n) = a† / (2(a†−v)+1) · log₂ n` (O22 Thm 10). Requires `a† > v`.
    /// Nondecreasing in a† because `v ≤ 1/2`.
    public static func levelCoefficient(aDagger: Rational, v: Rational) -> Rational {
        aDagger / (2 * (aDagger - v) + 1)
    }

    /// Samples exponent `1/r = (2(a†−v)+1) / (2(a†−v))`: `n(ε) ≍ ε^{-1/r}` (docs/formulas.md,
    /// inversion of the rate). Requires `a† > v`.
    public static func samplesExponent(aDagger: Rational, v: Rational) -> Rational {
        let e = 2 * (aDagger - v)
        return (e + 1) / e
    }

    /// Approximation exponent `1 − v/a†`: `‖f − f'‖₂ ≲ 2^{-(1−v/a†)T}` at level T
    /// (O22 Thms 9, 13). Requires `a† > 0`.
    public static func approximationExponent(aDagger: Rational, v: Rational) -> Rational {
        1 - v / aDagger
    }

    /// O22 Thm 10's stated polylog exponent for CNNs:
    /// `(log n)^{2/q+2} · max{(log n)^{4/q}, (log n)^4}`, i.e. `κ = 2/q + 2 + max(4/q, 4)`.
    /// Requires `q > 0`.
    public static func cnnLogExponent(q: Rational) -> Rational {
        2 / q + 2 + Rational.maximum(4 / q, 4)
    }
}
