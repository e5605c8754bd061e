/// How expressions and comparisons are shown: the text as its author wrote it with the
/// smoothness summaries and relations in mathematical symbols (`a_dagger > v` → `a† > v`),
/// and LaTeX built from the parsed term (`a^\dagger > v`, `\frac{2\beta}{2\beta + d}`).
public enum ExpressionNotation {
    /// Display symbols of the summary names (docs/theorems.md, "Names").
    static let textSymbols: [String: String] = ["a_dagger": "a†", "a_tilde": "ã", "a1": "ā₁", "a2": "ā₂"]
    /// LaTeX of the summary names and Greek letters.
    static let latexSymbols: [String: String] = ["a_dagger": "a^\\dagger", "a_tilde": "\\tilde a", "a1": "\\bar a_1", "a2": "\\bar a_2"]
    /// Greek letter names written as their LaTeX macros.
    static let greek: Set<String> = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "kappa", "lambda",
                                     "mu", "nu", "xi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega"]

    /// The author's text with summary names and relations as symbols.
    public static func text(_ source: String) -> String {
        var result = "", name = ""
        func flush() { result += textSymbols[name] ?? name; name = "" }
        let relations: [(String, String)] = [("<=", "≤"), (">=", "≥"), ("!=", "≠"), ("==", "=")]
        var scalars = Array(source.unicodeScalars)[...]
        while let first = scalars.first {
            if first.isASCII && (first.properties.isAlphabetic || first == "_" || (!name.isEmpty && ("0"..."9").contains(first))) {
                name.unicodeScalars.append(first)
                scalars = scalars.dropFirst()
                continue
            }
            flush()
            if let (ascii, symbol) = relations.first(where: { scalars.starts(with: $0.0.unicodeScalars) }) {
                result += symbol
                scalars = scalars.dropFirst(ascii.unicodeScalars.count)
            } else {
                result.unicodeScalars.append(first)
                scalars = scalars.dropFirst()
            }
        }
        flush()
        return result
    }

    /// A name in LaTeX math: `a^\dagger`, `\beta`, `d`, `\mathit{t\_1}`.
    static func latexName(_ name: String) -> String {
        if let symbol = latexSymbols[name] { return symbol }
        if greek.contains(name) { return "\\" + name }
        if name.count == 1 { return name }
        return "\\mathit{\(name.replacingOccurrences(of: "_", with: "\\_"))}"
    }

    /// The comparison in LaTeX math.
    public static func latex(_ comparison: Comparison) -> String {
        "\(latex(comparison.lhs)) \(comparison.relation.latex) \(latex(comparison.rhs))"
    }

    /// The expression in LaTeX math; `inline` writes quotients with a slash (`2/q`) for
    /// running text and exponents instead of `\frac`.
    public static func latex(_ expression: Expression, inline: Bool) -> String {
        guard inline else { return latex(expression) }
        switch expression {
        case .binary(.divided, let x, let y): return "\(slashOperand(x))/\(slashOperand(y))"
        case .binary(.plus, let x, let y): return "\(latex(x, inline: true)) + \(latex(y, inline: true))"
        case .binary(.minus, let x, let y): return "\(latex(x, inline: true)) - \(latex(y, inline: true))"
        case .call(let function, let arguments) where function != .pos:
            return "\\\(function.rawValue)(" + arguments.map { latex($0, inline: true) }.joined(separator: ", ") + ")"
        default: return latex(expression)
        }
    }

    private static func slashOperand(_ x: Expression) -> String {
        switch x {
        case .number, .variable, .call, .power: return latex(x, inline: true)
        default: return "(\(latex(x, inline: true)))"
        }
    }

    /// The expression in LaTeX math.
    public static func latex(_ expression: Expression) -> String {
        switch expression {
        case .number(let x): return LaTeXNotation.number(x)
        case .variable(let name): return latexName(name)
        case .negated(let x): return "-" + grouped(x, unlessAtom: true)
        case .binary(.plus, let x, let y): return "\(latex(x)) + \(latex(y))"
        case .binary(.minus, let x, let y): return "\(latex(x)) - \(grouped(y, unlessAtom: false))"
        case .binary(.times, let x, let y):
            let left = grouped(x, unlessAtom: false), right = grouped(y, unlessAtom: false)
            if case .number = x, !right.first!.isNumber { return left + right }
            return "\(left) \\cdot \(right)"
        case .binary(.divided, let x, let y): return "\\frac{\(latex(x))}{\(latex(y))}"
        case .power(let x, let k): return "\(grouped(x, unlessAtom: true))^{\(k)}"
        case .call(.pos, let arguments): return "(\(latex(arguments[0])))_+"
        case .call(let function, let arguments): return "\\\(function.rawValue)(" + arguments.map(latex).joined(separator: ", ") + ")"
        }
    }

    /// Parenthesised when a sum or difference (or, with `unlessAtom`, anything but a name or number).
    private static func grouped(_ expression: Expression, unlessAtom: Bool) -> String {
        grouped(expression, unlessAtom: unlessAtom, rendered: latex)
    }

    /// `rendered(expression)`, in parentheses when a sum or difference (or, with `unlessAtom`,
    /// anything but a name or an integer): the grouping rule of every notation (LaTeX, Typst).
    static func grouped(_ expression: Expression, unlessAtom: Bool, rendered: (Expression) -> String) -> String {
        let needsParentheses: Bool
        switch expression {
        case .binary(.plus, _, _), .binary(.minus, _, _), .negated: needsParentheses = true
        case .number(let x): needsParentheses = unlessAtom && !x.isInteger
        case .variable, .call: needsParentheses = false
        default: needsParentheses = unlessAtom
        }
        return needsParentheses ? "(\(rendered(expression)))" : rendered(expression)
    }
}
