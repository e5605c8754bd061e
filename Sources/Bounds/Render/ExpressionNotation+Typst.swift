/// Comparisons, expressions and smoothness predicates in Typst math, built from the parsed term
/// (never from a file's text): `a^dagger > v`, `(2 beta)/(2 beta + d)`, `tilde(a) < infinity`.
extension ExpressionNotation {
    /// Typst math of the summary names.
    static let typstSymbols: [String: String] = ["a_dagger": "a^dagger", "a_tilde": "tilde(a)", "a1": "macron(a)_1",
                                                 "a2": "macron(a)_2", "infinity": "infinity"]

    /// A name in Typst math: a summary symbol, a Greek letter (Typst names them as LaTeX does), a
    /// single letter, or a longer name as upright text `"t_1"` (a name is letters, digits and `_`).
    static func typstName(_ name: String) -> String {
        if let symbol = typstSymbols[name] { return symbol }
        if greek.contains(name) || name.count == 1 { return name }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The comparison in Typst math: `beta > 0`, `d ≥ 1`.
    public static func typst(_ comparison: Comparison) -> String {
        "\(typst(comparison.lhs)) \(comparison.relation.symbol) \(typst(comparison.rhs))"
    }

    /// The expression in Typst math; quotients as fractions `x/y`, `(2 beta)/(2 beta + d)`.
    public static func typst(_ expression: Expression) -> String {
        switch expression {
        case .number(let x): return TypstNotation.number(x)
        case .variable(let name): return typstName(name)
        case .negated(let x): return "-" + typstGrouped(x, unlessAtom: true)
        case .binary(.plus, let x, let y): return "\(typst(x)) + \(typst(y))"
        case .binary(.minus, let x, let y): return "\(typst(x)) - \(typstGrouped(y, unlessAtom: false))"
        case .binary(.times, let x, let y):
            let left = typstGrouped(x, unlessAtom: false), right = typstGrouped(y, unlessAtom: false)
            if case .number = x, !right.first!.isNumber { return "\(left) \(right)" }
            return "\(left) dot \(right)"
        case .binary(.divided, let x, let y): return "\(typstGrouped(x, unlessAtom: true))/\(typstGrouped(y, unlessAtom: true))"
        case .power(let x, let k): return "\(typstGrouped(x, unlessAtom: true))^(\(k))"
        case .call(.pos, let arguments): return "(\(typst(arguments[0])))_+"
        case .call(let function, let arguments): return "\(function.rawValue)(" + arguments.map(typst).joined(separator: ", ") + ")"
        }
    }

    /// Parenthesised by the rule of ``grouped(_:unlessAtom:rendered:)``.
    private static func typstGrouped(_ expression: Expression, unlessAtom: Bool) -> String {
        grouped(expression, unlessAtom: unlessAtom, rendered: typst)
    }
}

extension SmoothnessPredicate {
    /// The predicate in Typst math.
    public var typst: String {
        switch self {
        case .reciprocalSumFinite: return "tilde(a) < infinity"
        case .strictGap: return "macron(a)_1 < macron(a)_2"
        case .polynomialGrowth: return "a_i = Omega(i^q)"
        case .weakLqNorm: return "norm(a)_(w ell^q) <= 1"
        case .logarithmicGrowth: return "a_i = Omega(log i)"
        }
    }
}
