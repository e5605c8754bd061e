/// A closed form `(α₀ + α₁·π^k) / (β₀ + β₁·π^k)` with rational coefficients: the shape of
/// every quantity derived from `ã = α + β·π^k` (a polynomial family with an even integer
/// exponent, `ζ(k) = |B_k| (2π)^k / (2·k!)`; see docs/families.md) by the rational maps of
/// docs/formulas.md — a† = 1/ã, r, T, 1/r, the approximation and network-size exponents.
///
/// The closed form is for display beside the certified enclosure, which stays the
/// computed value; ``value(pi:)`` lets tests check that the two agree.
public struct ClosedForm: Sendable, Equatable {
    /// `c₀ + c₁·π^k`.
    public struct PiLinear: Sendable, Equatable {
        /// The constant term c₀.
        public let constant: Rational
        /// The coefficient c₁ of π^k.
        public let piCoefficient: Rational

        /// `constant + piCoefficient·π^k`.
        public init(_ constant: Rational, _ piCoefficient: Rational) {
            self.constant = constant
            self.piCoefficient = piCoefficient
        }

        static func + (a: PiLinear, b: PiLinear) -> PiLinear {
            PiLinear(a.constant + b.constant, a.piCoefficient + b.piCoefficient)
        }
        static func - (a: PiLinear, b: PiLinear) -> PiLinear {
            PiLinear(a.constant - b.constant, a.piCoefficient - b.piCoefficient)
        }
        static func * (c: Rational, a: PiLinear) -> PiLinear {
            PiLinear(c * a.constant, c * a.piCoefficient)
        }
        var isZero: Bool { constant.isZero && piCoefficient.isZero }
    }

    /// The power k of π (an even integer ≥ 2).
    public let piPower: Int
    /// The numerator `α₀ + α₁·π^k`.
    public let numerator: PiLinear
    /// The denominator `β₀ + β₁·π^k` (not zero).
    public let denominator: PiLinear

    /// `numerator / denominator`. - Requires: the denominator is not zero.
    public init(piPower: Int, numerator: PiLinear, denominator: PiLinear) {
        precondition(!denominator.isZero, "a closed form needs a nonzero denominator")
        self.piPower = piPower
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `constant + piCoefficient·π^k` itself (denominator 1).
    public init(piPower: Int, constant: Rational, piCoefficient: Rational) {
        self.init(piPower: piPower, numerator: PiLinear(constant, piCoefficient), denominator: PiLinear(.one, .zero))
    }

    /// `1/x`. - Requires: the numerator is not zero.
    public var reciprocal: ClosedForm { ClosedForm(piPower: piPower, numerator: denominator, denominator: numerator) }

    /// The value at a floating-point π (for tests and plots only).
    public func value(pi: Double) -> Double {
        var power = 1.0
        for _ in 0..<piPower { power *= pi }
        let top = numerator.constant.doubleValue + numerator.piCoefficient.doubleValue * power
        let bottom = denominator.constant.doubleValue + denominator.piCoefficient.doubleValue * power
        return top / bottom
    }

    /// Plain text, lowest terms with integer coefficients: `12/(12 + π^2)`, `6/π^2`, `π^2/6`.
    public var text: String { rendered(pi: "π^\(piPower)", plainFraction: true) }

    /// LaTeX with an inline slash, for table cells and exponents: `12/(12+\pi^{2})`.
    public var latexInline: String { rendered(pi: "\\pi^{\(piPower)}", plainFraction: true, latexSpacing: true) }

    /// LaTeX as a stacked fraction, for display math: `\frac{12}{12+\pi^{2}}`.
    public var latexDisplay: String { rendered(pi: "\\pi^{\(piPower)}", plainFraction: false, latexSpacing: true) }

    /// Integer coefficients `(a₀, a₁, b₀, b₁)` without a common factor, the denominator's
    /// leading coefficient positive.
    private var normalised: (BigInt, BigInt, BigInt, BigInt) {
        let coefficients = [numerator.constant, numerator.piCoefficient, denominator.constant, denominator.piCoefficient]
        var common = BigInt(1)
        for c in coefficients { common = common * c.denominator / common.gcd(c.denominator) }
        var integers = coefficients.map { ($0 * Rational(common)).numerator }
        var divisor = BigInt(0)
        for i in integers where !i.isZero { divisor = divisor.isZero ? i.magnitude : divisor.gcd(i) }
        integers = integers.map { $0 / divisor }
        let leading = integers[3].isZero ? integers[2] : integers[3]
        if leading.signum < 0 { integers = integers.map { -$0 } }
        return (integers[0], integers[1], integers[2], integers[3])
    }

    private func rendered(pi: String, plainFraction: Bool, latexSpacing: Bool = false) -> String {
        let (a0, a1, b0, b1) = normalised
        let plus = latexSpacing ? "+" : " + ", minus = latexSpacing ? "-" : " − "
        func linear(_ c0: BigInt, _ c1: BigInt) -> (text: String, isSum: Bool) {
            let piTerm: String? = c1.isZero ? nil : (c1.magnitude == BigInt(1) ? pi : "\(c1.magnitude)\(pi)")
            switch (c0.isZero, piTerm) {
            case (_, nil): return (c0.description.replacingOccurrences(of: "-", with: latexSpacing ? "-" : "−"), false)
            case (true, let term?): return ((c1.signum < 0 ? (latexSpacing ? "-" : "−") : "") + term, false)
            case (false, let term?):
                return (c0.description.replacingOccurrences(of: "-", with: latexSpacing ? "-" : "−") + (c1.signum < 0 ? minus : plus) + term, true)
            }
        }
        let top = linear(a0, a1), bottom = linear(b0, b1)
        if b1.isZero && b0 == BigInt(1) { return top.text }
        if !plainFraction { return "\\frac{\(top.text)}{\(bottom.text)}" }
        let topText = top.isSum ? "(\(top.text))" : top.text
        let bottomText = bottom.isSum || (!b1.isZero && !b1.isOne) ? "(\(bottom.text))" : bottom.text
        return "\(topText)/\(bottomText)"
    }
}

extension BigInt {
    /// Exact quotient `self / divisor`. - Requires: `divisor` divides `self`.
    static func / (lhs: BigInt, rhs: BigInt) -> BigInt { lhs.floorDivided(by: rhs) }
    /// Whether the value is ±1.
    var isOne: Bool { magnitude == BigInt(1) }
}
