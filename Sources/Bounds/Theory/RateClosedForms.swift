/// The closed forms of the rate quantities when a† has one (`a† = N/D`, N and D linear in
/// π^k; docs/families.md): the same rational maps as ``RateFormulas``, applied
/// symbolically. With `E = 2(N − vD)`, so that `2(a†−v) = E/D`:
///
/// - rate exponent `r = E/(E + D)` (e.g. `12/(12 + π^2)` for a† = 6/π², v = 0),
/// - level coefficient `a†/(2(a†−v)+1) = N/(E + D)`,
/// - samples exponent `1/r = (E + D)/E`,
/// - approximation exponent `1 − v/a† = (N − vD)/N`,
/// - network-size exponent `1/(2(a†−v)+1) = D/(E + D)` (O22 Thm 9 at T(n)).
public struct RateClosedForms: Sendable {
    public let rateExponent: ClosedForm
    public let levelCoefficient: ClosedForm
    public let samplesExponent: ClosedForm
    public let approximationExponent: ClosedForm
    public let sizeExponent: ClosedForm

    /// - Requires: a† > v (so that E ≠ 0).
    public init(aDagger: ClosedForm, v: Rational) {
        let n = aDagger.numerator, d = aDagger.denominator, k = aDagger.piPower
        let excess = n - v * d
        let e = 2 * excess
        let total = e + d
        rateExponent = ClosedForm(piPower: k, numerator: e, denominator: total)
        levelCoefficient = ClosedForm(piPower: k, numerator: n, denominator: total)
        samplesExponent = ClosedForm(piPower: k, numerator: total, denominator: e)
        approximationExponent = ClosedForm(piPower: k, numerator: excess, denominator: n)
        sizeExponent = ClosedForm(piPower: k, numerator: d, denominator: total)
    }
}
