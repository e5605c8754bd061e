/// Evaluation on certified enclosures (docs/theorems.md, "Enclosures"). Exact scalars give an
/// exact value. With one enclosed scalar x (e.g. a† of an infinite family) the expression, its
/// decided `min`/`max`/`pos` branches resolved, is a rational function `P(x)/Q(x)`; when `Q`
/// keeps its sign and `P′Q − PQ′` keeps its sign on the enclosure, the function is monotone
/// there and its values at the two ends are the certified enclosure (the same ends as the
/// formula's monotone image), with the closed form of x carried through when P and Q have
/// degree ≤ 1. Otherwise (several enclosed scalars, an undecided branch, high degree) the
/// enclosure is plain interval arithmetic: still certified, maybe wider, and without a closed form.
extension Expression {
    /// The value as a certified enclosure (exact when every scalar it uses is exact).
    /// - Throws: ``ExpressionEvaluationError`` for a missing name or a divisor that is or may be zero.
    public func certifiedValue(in values: [String: CertifiedValue]) throws -> CertifiedValue {
        let names = variables
        if let missing = names.first(where: { values[$0] == nil }) { throw ExpressionEvaluationError.missing(missing) }
        var exact: [String: Rational] = [:]
        for name in names { if let x = values[name]!.exact { exact[name] = x } }
        let enclosed = names.filter { exact[$0] == nil }
        if enclosed.isEmpty { return CertifiedValue(exact: try exactValue(in: exact)) }
        if enclosed.count == 1, let x = values[enclosed[0]],
           let function = RationalFunction.of(try resolvingBranches(values), in: enclosed[0], constants: exact) {
            let (qLow, qHigh) = RationalFunction.range(function.denominator, low: x.lower, high: x.upper)
            if qLow.signum > 0 || qHigh.signum < 0 {
                let slope = function.slopeNumerator
                let (sLow, sHigh) = RationalFunction.isZero(slope) ? (Rational.zero, Rational.zero)
                    : RationalFunction.range(slope, low: x.lower, high: x.upper)
                if sLow.signum >= 0 || sHigh.signum <= 0 {
                    let atLower = function.value(at: x.lower), atUpper = function.value(at: x.upper)
                    let form = x.closedForm.flatMap { function.composed(with: $0) }
                    return sLow.signum >= 0 ? CertifiedValue(lower: atLower, upper: atUpper, closedForm: form)
                                            : CertifiedValue(lower: atUpper, upper: atLower, closedForm: form)
                }
            }
        }
        let (low, high) = try interval(values)
        return CertifiedValue(lower: low, upper: high)
    }

    /// The expression with every `min`, `max` and `pos` whose branch the enclosures decide
    /// replaced by that branch.
    func resolvingBranches(_ values: [String: CertifiedValue]) throws -> Expression {
        switch self {
        case .number, .variable: return self
        case .negated(let x): return .negated(try x.resolvingBranches(values))
        case .binary(let op, let x, let y): return .binary(op, try x.resolvingBranches(values), try y.resolvingBranches(values))
        case .power(let x, let k): return .power(try x.resolvingBranches(values), k)
        case .call(let function, let arguments):
            let resolved = try arguments.map { try $0.resolvingBranches(values) }
            let ranges = try resolved.map { try $0.interval(values) }
            switch function {
            case .pos:
                if ranges[0].0.signum >= 0 { return resolved[0] }
                if ranges[0].1.signum <= 0 { return .number(.zero) }
            case .min:
                if let i = ranges.indices.first(where: { i in ranges.indices.allSatisfy { ranges[i].1 <= ranges[$0].0 || $0 == i } }) { return resolved[i] }
            case .max:
                if let i = ranges.indices.first(where: { i in ranges.indices.allSatisfy { ranges[i].0 >= ranges[$0].1 || $0 == i } }) { return resolved[i] }
            }
            return .call(function, resolved)
        }
    }

    /// Interval arithmetic: `[low, high]` certainly containing the value.
    func interval(_ values: [String: CertifiedValue]) throws -> (Rational, Rational) {
        switch self {
        case .number(let c): return (c, c)
        case .variable(let name):
            guard let x = values[name] else { throw ExpressionEvaluationError.missing(name) }
            return (x.lower, x.upper)
        case .negated(let x):
            let (a, b) = try x.interval(values)
            return (-b, -a)
        case .binary(let op, let x, let y):
            let (a, b) = try x.interval(values), (c, d) = try y.interval(values)
            switch op {
            case .plus: return (a + c, b + d)
            case .minus: return (a - d, b - c)
            case .times:
                let products = [a * c, a * d, b * c, b * d]
                return (products.min()!, products.max()!)
            case .divided:
                guard c.signum > 0 || d.signum < 0 else { throw ExpressionEvaluationError.divisionByZero }
                let quotients = [a / c, a / d, b / c, b / d]
                return (quotients.min()!, quotients.max()!)
            }
        case .power(let x, let k):
            let (a, b) = try x.interval(values)
            if k < 0 && !(a.signum > 0 || b.signum < 0) { throw ExpressionEvaluationError.divisionByZero }
            let ends = [a.power(k), b.power(k)]
            var low = ends.min()!, high = ends.max()!
            if k % 2 == 0 && k > 0 && a.signum <= 0 && b.signum >= 0 { low = .zero }
            if k == 0 { (low, high) = (.one, .one) }
            return (low, high)
        case .call(let function, let arguments):
            let ranges = try arguments.map { try $0.interval(values) }
            switch function {
            case .min: return (ranges.map(\.0).min()!, ranges.map(\.1).min()!)
            case .max: return (ranges.map(\.0).max()!, ranges.map(\.1).max()!)
            case .pos: return (ranges[0].0.positivePart, ranges[0].1.positivePart)
            }
        }
    }
}
