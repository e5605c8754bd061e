/// The one parser of the expression language (docs/theorems.md, "Expressions"). The grammar,
/// whitespace allowed between tokens:
///
/// ```
/// comparison := sum relation sum          relation := "<" | "<=" | ">" | ">=" | "==" | "!="
/// sum        := product (("+" | "-") product)*
/// product    := unary (("*" | "/") unary)*
/// unary      := "-" unary | power
/// power      := atom ("^" exponent)?       exponent := integer | "-" integer | "(" "-"? integer ")"
/// atom       := number | name | name "(" sum ("," sum)* ")" | "(" sum ")"
/// number     := digits ("." digits)?       (exact: 0.25 is 1/4; no exponents, no signs)
/// name       := letter (letter | digit | "_")*     functions: min, max, pos
/// ```
///
/// `x^y^z` is refused (write parentheses); `-x^2` is `-(x^2)`. Limits, so that a file
/// cannot make evaluation unbounded: at most ``maximumLength`` characters, nesting depth
/// ``maximumDepth``, ``maximumNodes`` terms, number literals of ``maximumDigits`` digits, and
/// the product of the exponents along any path at most ``maximumExponentProduct``.
public struct ExpressionParser {
    /// The longest expression text accepted.
    public static let maximumLength = 1000
    /// The deepest nesting of parentheses, calls and operators accepted.
    public static let maximumDepth = 40
    /// The most terms (numbers, names, operators) in one expression.
    public static let maximumNodes = 400
    /// The most digits in one number literal.
    public static let maximumDigits = 40
    /// The largest product of nested exponents `|k₁·k₂·…|` (so results stay small).
    public static let maximumExponentProduct = 256

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0
    private var nodes = 0

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// Parses an expression (no relation).
    /// - Throws: ``ExpressionError`` naming what was expected and where.
    public static func expression(_ text: String) throws -> Expression {
        var parser = try ExpressionParser(checked: text)
        let result = try parser.sum()
        try parser.expectEnd()
        try result.checkExponentProduct()
        return result
    }

    /// Parses a comparison `lhs relation rhs`.
    /// - Throws: ``ExpressionError`` naming what was expected and where.
    public static func comparison(_ text: String) throws -> Comparison {
        var parser = try ExpressionParser(checked: text)
        let lhs = try parser.sum()
        guard let relation = parser.relation() else { throw parser.error("a comparison (<, <=, >, >=, ==, !=)") }
        let rhs = try parser.sum()
        try parser.expectEnd()
        try lhs.checkExponentProduct()
        try rhs.checkExponentProduct()
        return Comparison(lhs: lhs, relation: relation, rhs: rhs)
    }

    private init(checked text: String) throws {
        guard text.unicodeScalars.count <= Self.maximumLength else {
            throw ExpressionError(column: Self.maximumLength + 1, expected: "at most \(Self.maximumLength) characters")
        }
        self.init(text)
    }

    private func error(_ expected: String) -> ExpressionError { ExpressionError(column: position + 1, expected: expected) }

    private mutating func skipSpaces() {
        while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
    }

    private mutating func peek() -> Unicode.Scalar? {
        skipSpaces()
        return position < scalars.count ? scalars[position] : nil
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        position += 1
        return true
    }

    private mutating func expectEnd() throws {
        if peek() != nil { throw error("an operator or the end of the expression") }
    }

    private mutating func node() throws {
        nodes += 1
        if nodes > Self.maximumNodes { throw error("at most \(Self.maximumNodes) terms") }
    }

    private mutating func nested<T>(_ body: (inout ExpressionParser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw error("nesting at most \(Self.maximumDepth) deep") }
        return try body(&self)
    }

    private mutating func relation() -> Comparison.Relation? {
        guard let first = peek() else { return nil }
        let next: Unicode.Scalar? = position + 1 < scalars.count ? scalars[position + 1] : nil
        for relation in [Comparison.Relation.lessOrEqual, .greaterOrEqual, .equal, .notEqual, .less, .greater] {
            let symbol = Array(relation.rawValue.unicodeScalars)
            if symbol.count == 2 ? (first == symbol[0] && next == symbol[1]) : first == symbol[0] {
                position += symbol.count
                return relation
            }
        }
        return nil
    }

    private mutating func sum() throws -> Expression {
        try nested { parser in
            var result = try parser.product()
            while true {
                if parser.take("+") { try parser.node(); result = .binary(.plus, result, try parser.product()) }
                else if parser.take("-") { try parser.node(); result = .binary(.minus, result, try parser.product()) }
                else { return result }
            }
        }
    }

    private mutating func product() throws -> Expression {
        var result = try unary()
        while true {
            if take("*") { try node(); result = .binary(.times, result, try unary()) }
            else if take("/") { try node(); result = .binary(.divided, result, try unary()) }
            else { return result }
        }
    }

    private mutating func unary() throws -> Expression {
        if take("-") {
            try node()
            return try nested { parser in .negated(try parser.unary()) }
        }
        return try power()
    }

    private mutating func power() throws -> Expression {
        let base = try atom()
        guard take("^") else { return base }
        try node()
        let parenthesised = take("(")
        let negative = take("-")
        skipSpaces()
        let digits = digitRun()
        guard !digits.isEmpty, digits.count <= 4, let magnitude = Int(digits) else { throw error("an integer exponent (at most 4 digits)") }
        if parenthesised, !take(")") { throw error("')' after the exponent") }
        if peek() == "^" { throw error("parentheses around a power before raising it again") }
        return .power(base, negative ? -magnitude : magnitude)
    }

    private mutating func digitRun() -> String {
        var text = ""
        while position < scalars.count, ("0"..."9").contains(scalars[position]) {
            text.unicodeScalars.append(scalars[position])
            position += 1
        }
        return text
    }

    private mutating func atom() throws -> Expression {
        guard let first = peek() else { throw error("a number, a name or '('") }
        try node()
        if first == "(" {
            position += 1
            let inner = try sum()
            guard take(")") else { throw error("')'") }
            return inner
        }
        if ("0"..."9").contains(first) { return .number(try number()) }
        if first.properties.isAlphabetic && first.isASCII {
            var name = ""
            while position < scalars.count, scalars[position].isASCII,
                  scalars[position].properties.isAlphabetic || ("0"..."9").contains(scalars[position]) || scalars[position] == "_" {
                name.unicodeScalars.append(scalars[position])
                position += 1
            }
            guard name.count <= 40 else { throw error("a name of at most 40 characters") }
            if take("(") {
                guard let function = Expression.Function(rawValue: name) else { throw error("a function min, max or pos, not '\(name)'") }
                var arguments = [try sum()]
                while take(",") {
                    arguments.append(try sum())
                    if arguments.count > 16 { throw error("at most 16 arguments") }
                }
                guard take(")") else { throw error("',' or ')'") }
                if function == .pos, arguments.count != 1 { throw error("one argument of pos") }
                return .call(function, arguments)
            }
            return .variable(name)
        }
        throw error("a number, a name or '('")
    }

    private mutating func number() throws -> Rational {
        let whole = digitRun()
        var fraction = ""
        if position < scalars.count, scalars[position] == "." {
            position += 1
            fraction = digitRun()
            if fraction.isEmpty { throw error("digits after '.'") }
        }
        guard whole.count + fraction.count <= Self.maximumDigits else { throw error("a number of at most \(Self.maximumDigits) digits") }
        let digits = BigInt(whole + fraction) ?? BigInt(0)
        return Rational(digits, BigInt.powerOfTen(UInt(fraction.count)))
    }
}

/// Why an expression does not parse: the 1-based column and what was expected there.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based position in the expression text.
    public let column: Int
    /// What would have been accepted.
    public let expected: String
    /// `column 7: expected ')'`.
    public var description: String { "column \(column): expected \(expected)" }
}

extension Expression {
    /// Refuses nested powers whose exponents multiply beyond the limit.
    func checkExponentProduct(_ product: Int = 1) throws {
        switch self {
        case .number, .variable: return
        case .negated(let x): try x.checkExponentProduct(product)
        case .binary(_, let x, let y): try x.checkExponentProduct(product); try y.checkExponentProduct(product)
        case .call(_, let arguments): try arguments.forEach { try $0.checkExponentProduct(product) }
        case .power(let x, let k):
            let next = product * Swift.max(1, Swift.abs(k))
            guard next <= ExpressionParser.maximumExponentProduct else {
                throw ExpressionError(column: 1, expected: "nested exponents whose product is at most \(ExpressionParser.maximumExponentProduct)")
            }
            try x.checkExponentProduct(next)
        }
    }
}
