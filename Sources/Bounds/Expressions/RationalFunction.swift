/// `P(x)/Q(x)` with rational coefficients in one variable x: how the certified evaluation
/// decides that an expression is monotone in an enclosed summary (the sign of `P′Q − PQ′`)
/// and finds its closed form (degrees ≤ 1 compose with x's closed form).
struct RationalFunction {
    /// Coefficients of P, constant first.
    var numerator: [Rational]
    /// Coefficients of Q, constant first (not the zero polynomial).
    var denominator: [Rational]

    /// The highest degree carried; beyond it the evaluation falls back to interval arithmetic.
    static let maximumDegree = 32

    static func constant(_ c: Rational) -> RationalFunction { RationalFunction(numerator: [c], denominator: [.one]) }
    static var identity: RationalFunction { RationalFunction(numerator: [.zero, .one], denominator: [.one]) }

    /// The function of `expression` in `variable`, the other names taken from `constants`;
    /// nil when it uses min/max/pos, a division by the zero polynomial, or too high degrees.
    static func of(_ expression: Expression, in variable: String, constants: [String: Rational]) -> RationalFunction? {
        switch expression {
        case .number(let c): return .constant(c)
        case .variable(let name):
            if name == variable { return .identity }
            return constants[name].map(constant)
        case .negated(let x): return of(x, in: variable, constants: constants).map { RationalFunction(numerator: $0.numerator.map { -$0 }, denominator: $0.denominator) }
        case .binary(let op, let x, let y):
            guard let a = of(x, in: variable, constants: constants), let b = of(y, in: variable, constants: constants) else { return nil }
            let result: RationalFunction?
            switch op {
            case .plus: result = a.denominator == b.denominator
                ? RationalFunction(numerator: add(a.numerator, b.numerator), denominator: a.denominator)
                : RationalFunction(numerator: add(multiply(a.numerator, b.denominator), multiply(b.numerator, a.denominator)), denominator: multiply(a.denominator, b.denominator))
            case .minus: result = a.denominator == b.denominator
                ? RationalFunction(numerator: add(a.numerator, b.numerator.map { -$0 }), denominator: a.denominator)
                : RationalFunction(numerator: add(multiply(a.numerator, b.denominator), multiply(b.numerator, a.denominator).map { -$0 }), denominator: multiply(a.denominator, b.denominator))
            case .times: result = RationalFunction(numerator: multiply(a.numerator, b.numerator), denominator: multiply(a.denominator, b.denominator))
            case .divided:
                guard !isZero(b.numerator) else { return nil }
                result = a.denominator == b.denominator
                    ? RationalFunction(numerator: a.numerator, denominator: b.numerator)
                    : RationalFunction(numerator: multiply(a.numerator, b.denominator), denominator: multiply(a.denominator, b.numerator))
            }
            return result?.withinDegree
        case .power(let x, let k):
            guard let a = of(x, in: variable, constants: constants) else { return nil }
            var result = RationalFunction.constant(.one)
            for _ in 0..<abs(k) {
                result = RationalFunction(numerator: multiply(result.numerator, a.numerator), denominator: multiply(result.denominator, a.denominator))
                guard result.withinDegree != nil else { return nil }
            }
            if k < 0 {
                guard !isZero(result.numerator) else { return nil }
                result = RationalFunction(numerator: result.denominator, denominator: result.numerator)
            }
            return result
        case .call: return nil
        }
    }

    private var withinDegree: RationalFunction? {
        numerator.count <= Self.maximumDegree + 1 && denominator.count <= Self.maximumDegree + 1 ? trimmed : nil
    }

    private var trimmed: RationalFunction {
        RationalFunction(numerator: Self.trim(numerator), denominator: Self.trim(denominator))
    }

    static func trim(_ p: [Rational]) -> [Rational] {
        var p = p
        while p.count > 1, p.last!.isZero { p.removeLast() }
        return p
    }

    static func isZero(_ p: [Rational]) -> Bool { p.allSatisfy(\.isZero) }

    static func add(_ p: [Rational], _ q: [Rational]) -> [Rational] {
        (0..<max(p.count, q.count)).map { ($0 < p.count ? p[$0] : .zero) + ($0 < q.count ? q[$0] : .zero) }
    }

    static func multiply(_ p: [Rational], _ q: [Rational]) -> [Rational] {
        var result = [Rational](repeating: .zero, count: p.count + q.count - 1)
        for (i, a) in p.enumerated() where !a.isZero { for (j, b) in q.enumerated() { result[i + j] += a * b } }
        return trim(result)
    }

    static func derivative(_ p: [Rational]) -> [Rational] {
        p.count <= 1 ? [.zero] : (1..<p.count).map { Rational($0) * p[$0] }
    }

    /// `P′Q − PQ′`, whose sign is the sign of the derivative where Q ≠ 0.
    var slopeNumerator: [Rational] {
        Self.add(Self.multiply(Self.derivative(numerator), denominator), Self.multiply(numerator, Self.derivative(denominator)).map { -$0 })
    }

    /// The exact value at x. - Requires: Q(x) ≠ 0.
    func value(at x: Rational) -> Rational { Self.evaluate(numerator, at: x) / Self.evaluate(denominator, at: x) }

    static func evaluate(_ p: [Rational], at x: Rational) -> Rational {
        p.reversed().reduce(Rational.zero) { $0 * x + $1 }
    }

    /// Bounds of the polynomial over `[low, high]` by interval Horner evaluation (certified, maybe wide).
    static func range(_ p: [Rational], low: Rational, high: Rational) -> (Rational, Rational) {
        var lo = Rational.zero, hi = Rational.zero
        for c in p.reversed() {
            let products = [lo * low, lo * high, hi * low, hi * high]
            lo = products.min()! + c
            hi = products.max()! + c
        }
        return (lo, hi)
    }

    /// The closed form of `P(x)/Q(x)` for x's closed form, when P and Q have degree ≤ 1.
    func composed(with x: ClosedForm) -> ClosedForm? {
        guard numerator.count <= 2, denominator.count <= 2 else { return nil }
        func linear(_ p: [Rational]) -> ClosedForm.PiLinear {
            let c0 = p[0], c1 = p.count > 1 ? p[1] : .zero
            return c0 * x.denominator + c1 * x.numerator
        }
        let bottom = linear(denominator)
        guard !bottom.isZero else { return nil }
        return ClosedForm(piPower: x.piPower, numerator: linear(numerator), denominator: bottom)
    }
}
