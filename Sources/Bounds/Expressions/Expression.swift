/// A term of the theorem files' exact expression language (docs/theorems.md, "Expressions"):
/// rationals, `+ − × /`, integer powers, `min`, `max`, the positive part `pos`, over named
/// scalars. Parsed by ``ExpressionParser``; evaluated in GMP rationals (``Expression/exactValue(in:)``)
/// or on certified enclosures (``Expression/certifiedValue(in:)``).
public indirect enum Expression: Sendable, Equatable {
    /// A rational constant, e.g. `2`, `0.5`.
    case number(Rational)
    /// A named scalar: a parameter of the theorem or a smoothness summary (`a_dagger`, `v`, …).
    case variable(String)
    /// `−x`.
    case negated(Expression)
    /// `x + y`, `x − y`, `x · y`, `x / y`.
    case binary(BinaryOperator, Expression, Expression)
    /// `x^k` for an integer k (negative k: `1/x^{|k|}`).
    case power(Expression, Int)
    /// `min(x, …)`, `max(x, …)`, `pos(x) = max(x, 0)`.
    case call(Function, [Expression])

    /// The four arithmetic operators.
    public enum BinaryOperator: String, Sendable {
        case plus = "+", minus = "-", times = "*", divided = "/"
    }

    /// The functions of the language.
    public enum Function: String, Sendable, CaseIterable {
        /// The smallest argument (one or more).
        case min
        /// The largest argument (one or more).
        case max
        /// The positive part `(x)₊ = max(x, 0)` (one argument).
        case pos
    }

    /// Every variable name the expression mentions, in order of first appearance.
    public var variables: [String] {
        var seen: [String] = []
        func visit(_ e: Expression) {
            switch e {
            case .number: break
            case .variable(let name): if !seen.contains(name) { seen.append(name) }
            case .negated(let x), .power(let x, _): visit(x)
            case .binary(_, let x, let y): visit(x); visit(y)
            case .call(_, let arguments): arguments.forEach(visit)
            }
        }
        visit(self)
        return seen
    }
}

/// A hypothesis written as a comparison of two expressions, e.g. `beta > 0` or `a_dagger > v`.
public struct Comparison: Sendable, Equatable {
    /// The comparison operators.
    public enum Relation: String, Sendable, CaseIterable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

        /// Whether `sign(lhs − rhs)` satisfies the relation.
        func holds(sign: Int) -> Bool {
            switch self {
            case .less: return sign < 0
            case .lessOrEqual: return sign <= 0
            case .greater: return sign > 0
            case .greaterOrEqual: return sign >= 0
            case .equal: return sign == 0
            case .notEqual: return sign != 0
            }
        }

        /// The relation as people read it (`≤` for `<=`).
        var symbol: String {
            switch self {
            case .less: return "<"
            case .lessOrEqual: return "≤"
            case .greater: return ">"
            case .greaterOrEqual: return "≥"
            case .equal: return "="
            case .notEqual: return "≠"
            }
        }

        /// The negated relation as people read it (`a > b` fails: `a ≤ b`).
        var negatedSymbol: String {
            switch self {
            case .less: return "≥"
            case .lessOrEqual: return ">"
            case .greater: return "≤"
            case .greaterOrEqual: return "<"
            case .equal: return "≠"
            case .notEqual: return "="
            }
        }

        /// LaTeX for the relation.
        var latex: String {
            switch self {
            case .less: return "<"
            case .lessOrEqual: return "\\le"
            case .greater: return ">"
            case .greaterOrEqual: return "\\ge"
            case .equal: return "="
            case .notEqual: return "\\ne"
            }
        }
    }

    /// The left side.
    public let lhs: Expression
    /// The relation.
    public let relation: Relation
    /// The right side.
    public let rhs: Expression
}
