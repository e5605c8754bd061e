/// Exact evaluation in GMP rationals (docs/theorems.md, "Expressions").
extension Expression {
    /// The value for exactly known scalars.
    /// - Throws: ``ExpressionEvaluationError`` for a name without a value or a division by zero.
    public func exactValue(in values: [String: Rational]) throws -> Rational {
        switch self {
        case .number(let x): return x
        case .variable(let name):
            guard let x = values[name] else { throw ExpressionEvaluationError.missing(name) }
            return x
        case .negated(let x): return -(try x.exactValue(in: values))
        case .binary(let op, let x, let y):
            let a = try x.exactValue(in: values), b = try y.exactValue(in: values)
            switch op {
            case .plus: return a + b
            case .minus: return a - b
            case .times: return a * b
            case .divided:
                if b.isZero { throw ExpressionEvaluationError.divisionByZero }
                return a / b
            }
        case .power(let x, let k):
            let a = try x.exactValue(in: values)
            if a.isZero && k < 0 { throw ExpressionEvaluationError.divisionByZero }
            return a.power(k)
        case .call(let function, let arguments):
            let values = try arguments.map { try $0.exactValue(in: values) }
            switch function {
            case .min: return values.dropFirst().reduce(values[0], Rational.minimum)
            case .max: return values.dropFirst().reduce(values[0], Rational.maximum)
            case .pos: return values[0].positivePart
            }
        }
    }
}

/// Why an expression has no value.
public enum ExpressionEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The named scalar has no value (a parameter not given, `q` without `--q`, `a_tilde` when ã = ∞).
    case missing(String)
    /// A divisor is zero, or an enclosed divisor contains zero.
    case divisionByZero

    /// `needs q`, `division by zero`.
    public var description: String {
        switch self {
        case .missing(let name): return "needs \(name)"
        case .divisionByZero: return "division by zero"
        }
    }
}
