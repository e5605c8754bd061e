/// Exact parsing of what a person writes for a number, as Python's `Fraction(str)` does.
/// Decimal strings are exact: `0.1` is `1/10`, never a binary float.
///
/// The grammar, one clause per line (compare `fractions._RATIONAL_FORMAT`); whitespace
/// around the whole number is ignored:
/// ```
/// number   := fraction | decimal
/// fraction := sign? digits space* "/" space* digits   -3/4, 3 / 4 (the denominator has no sign)
/// decimal  := sign? mantissa exponent?                0.125, .5, 5., 2.5E+2
/// mantissa := digits ("." digits?)? | "." digits      at least one digit
/// exponent := ("e" | "E") sign? digits                |exponent| ≤ maximumDecimalExponent
/// sign     := "+" | "-"
/// digits   := "0"…"9"+                                at most InputBudget.maximumDigits each
/// ```
extension Rational {
    /// The largest decimal exponent accepted (`1e9999` is fine, `1e99999` is rejected):
    /// an exponent beyond it would ask for a number with more digits than any smoothness
    /// needs, and is refused before any work is done.
    public static let maximumDecimalExponent = 9999

    /// Parses `text` exactly by the grammar above.
    /// - Throws: ``RationalParseError`` naming the token and what was expected.
    public init(parsing text: String) throws {
        let token = text.trimmingWhitespace()
        guard !token.isEmpty else { throw RationalParseError(token: text, reason: .empty) }
        func refuse(_ reason: RationalParseError.Reason) -> RationalParseError { RationalParseError(token: token, reason: reason) }
        // The digit budget is checked on the text before the grammar, so that no run of
        // digits, wherever it stands, is ever turned into an integer.
        let digitRuns = token.utf8.split(whereSeparator: { $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") })
        guard digitRuns.allSatisfy({ $0.count <= InputBudget.maximumDigits }) else { throw refuse(.tooManyDigits) }

        var scanner = NumberScanner(token)
        let sign = scanner.sign()
        let integerDigits = scanner.digits()
        // fraction := sign? digits space* "/" space* digits
        if !integerDigits.isEmpty, scanner.skipSpaces(thenTake: "/") {
            scanner.skipSpaces()
            let denominatorDigits = scanner.digits()
            guard !denominatorDigits.isEmpty, scanner.isAtEnd else { throw refuse(.malformed) }
            let denominator = BigInt(denominatorDigits)!
            guard !denominator.isZero else { throw refuse(.zeroDenominator) }
            self.init(BigInt(sign + integerDigits)!, denominator)
            return
        }
        // mantissa := digits ("." digits?)? | "." digits
        let fractionDigits = scanner.take(".") ? scanner.digits() : ""
        guard !(integerDigits.isEmpty && fractionDigits.isEmpty) else { throw refuse(.malformed) }
        // exponent := ("e" | "E") sign? digits
        var exponentSign = "", exponentDigits = ""
        if scanner.take("e") || scanner.take("E") {
            exponentSign = scanner.sign()
            exponentDigits = scanner.digits()
            guard !exponentDigits.isEmpty else { throw refuse(.malformed) }
        }
        guard scanner.isAtEnd else { throw refuse(.malformed) }
        // A huge exponent is refused from its digit count alone: never attempted, never a hang.
        let significantExponent = exponentDigits.drop(while: { $0 == "0" })
        guard significantExponent.count <= 6, let magnitude = Int(significantExponent.isEmpty ? "0" : String(significantExponent)),
              magnitude <= Rational.maximumDecimalExponent else { throw refuse(.exponentTooLarge) }
        let scale = (exponentSign == "-" ? -magnitude : magnitude) - fractionDigits.count
        let mantissaDigits = integerDigits + fractionDigits
        guard abs(scale) <= Rational.maximumDecimalExponent + mantissaDigits.count else { throw refuse(.exponentTooLarge) }
        let mantissa = BigInt(sign + mantissaDigits)!
        if scale >= 0 {
            self.init(mantissa * BigInt.powerOfTen(UInt(scale)))
        } else {
            self.init(mantissa, BigInt.powerOfTen(UInt(-scale)))
        }
    }
}

/// A cursor over a number's UTF-8 bytes for the grammar of ``Rational/init(parsing:)``: each
/// method reads one terminal of the grammar and advances past it. Every terminal but
/// whitespace is ASCII, so only ``skipSpaces()`` decodes a scalar.
private struct NumberScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// True when every character has been read.
    var isAtEnd: Bool { index == bytes.count }

    /// Reads the ASCII character `terminal` if it is next.
    mutating func take(_ terminal: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: terminal) else { return false }
        index += 1
        return true
    }

    /// `sign := "+" | "-"`, as written (empty when absent).
    mutating func sign() -> String {
        if take("-") { return "-" }
        if take("+") { return "+" }
        return ""
    }

    /// `"0"…"9"*`: the longest run of ASCII digits (possibly empty).
    mutating func digits() -> String {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `space*`: skips whitespace (any Unicode white space, as around the whole number).
    mutating func skipSpaces() {
        while index < bytes.count {
            var iterator = bytes[index...].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.properties.isWhitespace else { return }
            index += UTF8.width(scalar)
        }
    }

    /// `space* terminal`: reads both if `terminal` follows the whitespace, else reads nothing.
    mutating func skipSpaces(thenTake terminal: Unicode.Scalar) -> Bool {
        let start = index
        skipSpaces()
        if take(terminal) { return true }
        index = start
        return false
    }
}

/// A string that is not a number ratecalc can read exactly.
public struct RationalParseError: Error, Equatable, CustomStringConvertible {
    /// Why the token was refused.
    public enum Reason: Equatable, Sendable {
        /// Nothing but whitespace.
        case empty
        /// Not of the grammar of ``Rational/init(parsing:)``.
        case malformed
        /// A fraction `p/0`.
        case zeroDenominator
        /// A decimal exponent beyond ``Rational/maximumDecimalExponent``.
        case exponentTooLarge
        /// An integer with more than ``InputBudget/maximumDigits`` digits.
        case tooManyDigits
    }

    /// The offending text, as written.
    public var token: String
    /// Why it was refused.
    public var reason: Reason

    /// What is wrong with the token and what was expected, without the token: the one text
    /// of each reason, shared by every parser that reads numbers (e.g. ``Smoothness/parse(_:)``).
    public var problem: String {
        switch reason {
        case .empty:
            return "is empty: expected a number like 3, 3/4, 0.75 or 7.5e-1"
        case .malformed:
            return "is not a number: expected an integer, a fraction p/q, a decimal or scientific notation (3, 3/4, 0.75, 7.5e-1)"
        case .zeroDenominator:
            return "has a zero denominator: expected p/q with q > 0"
        case .exponentTooLarge:
            return "has a decimal exponent too large to hold exactly: expected |exponent| ≤ \(Rational.maximumDecimalExponent)"
        case .tooManyDigits:
            return "has more than \(InputBudget.maximumDigits) digits in one integer (limit, see docs/limits.md)"
        }
    }

    /// One line: `'x' is not a number: expected …`.
    public var description: String {
        reason == .empty ? "empty number: expected a number like 3, 3/4, 0.75 or 7.5e-1" : "\(SafeText.quoted(token)) \(problem)"
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
