/// Exact parsing of what a person writes for a number, as Python's `Fraction(str)` does:
/// integers `7`, fractions `-3/4`, decimals `0.125`, `.5`, `5.`, and scientific notation
/// `1e-3`, `2.5E+2`. Decimal strings are exact: `0.1` is `1/10`, never a binary float.
extension Rational {
    /// The largest decimal exponent accepted (`1e9999` is fine, `1e99999` is rejected):
    /// an exponent beyond it would ask for a number with more digits than any smoothness
    /// needs, and is refused before any work is done.
    public static let maximumDecimalExponent = 9999

    /// Parses `text` exactly. Leading and trailing whitespace is ignored.
    /// - Throws: ``RationalParseError`` naming the token and what was expected.
    public init(parsing text: String) throws {
        let token = text.trimmingWhitespace()
        guard !token.isEmpty else { throw RationalParseError(token: text, reason: .empty) }
        // Checked on the text before any integer is built.
        let digitRuns = token.utf8.split(whereSeparator: { $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") })
        guard digitRuns.allSatisfy({ $0.count <= InputBudget.maximumDigits }) else {
            throw RationalParseError(token: token, reason: .tooManyDigits)
        }
        if let slash = token.firstIndex(of: "/") {
            let numeratorText = String(token[..<slash])
            let denominatorText = String(token[token.index(after: slash)...])
            guard let numerator = BigInt(numeratorText.trimmingWhitespace()),
                  let denominator = BigInt(denominatorText.trimmingWhitespace()),
                  denominator.signum >= 0,
                  !denominatorText.trimmingWhitespace().hasPrefix("+")
            else { throw RationalParseError(token: token, reason: .malformed) }
            guard !denominator.isZero else { throw RationalParseError(token: token, reason: .zeroDenominator) }
            try self.init(numerator, denominator)
            return
        }
        self = try Rational.parseDecimal(token)
    }

    /// `[+-] digits [. digits] [(e|E) [+-] digits]`, at least one mantissa digit.
    private static func parseDecimal(_ token: String) throws -> Rational {
        let characters = Array(token.utf8)
        var index = 0
        var negative = false
        if index < characters.count, characters[index] == UInt8(ascii: "+") || characters[index] == UInt8(ascii: "-") {
            negative = characters[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        var fractionDigitCount = 0
        var seenPoint = false
        while index < characters.count {
            let c = characters[index]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digits.append(c)
                if seenPoint { fractionDigitCount += 1 }
            } else if c == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard !digits.isEmpty else { throw RationalParseError(token: token, reason: .malformed) }
        var exponent = 0
        if index < characters.count, characters[index] == UInt8(ascii: "e") || characters[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < characters.count, characters[index] == UInt8(ascii: "+") || characters[index] == UInt8(ascii: "-") {
                exponentNegative = characters[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            while index < characters.count, characters[index] >= UInt8(ascii: "0"), characters[index] <= UInt8(ascii: "9") {
                index += 1
            }
            let exponentDigits = characters[exponentStart..<index].drop(while: { $0 == UInt8(ascii: "0") })
            guard index > exponentStart else { throw RationalParseError(token: token, reason: .malformed) }
            // Refuse a huge exponent from its digit count alone: never attempted, never a hang.
            guard exponentDigits.count <= 6, let magnitude = Int(String(decoding: exponentDigits, as: UTF8.self).isEmpty ? "0" : String(decoding: exponentDigits, as: UTF8.self)),
                  magnitude <= maximumDecimalExponent
            else { throw RationalParseError(token: token, reason: .exponentTooLarge) }
            exponent = exponentNegative ? -magnitude : magnitude
        }
        guard index == characters.count else { throw RationalParseError(token: token, reason: .malformed) }
        let scale = exponent - fractionDigitCount
        guard abs(scale) <= maximumDecimalExponent + digits.count else {
            throw RationalParseError(token: token, reason: .exponentTooLarge)
        }
        guard var mantissa = BigInt(String(decoding: digits, as: UTF8.self)) else {
            throw RationalParseError(token: token, reason: .malformed)
        }
        if negative { mantissa = -mantissa }
        if scale >= 0 {
            return Rational(mantissa * BigInt.powerOfTen(UInt(scale)))
        }
        return try Rational(mantissa, BigInt.powerOfTen(UInt(-scale)))
    }
}

/// A string that is not a number ratecalc can read exactly.
public struct RationalParseError: Error, Equatable, CustomStringConvertible {
    /// Why the token was refused.
    public enum Reason: Equatable, Sendable {
        case empty
        case malformed
        case zeroDenominator
        case exponentTooLarge
        case tooManyDigits
    }

    /// The offending text, as written.
    public var token: String
    public var reason: Reason

    public var description: String {
        switch reason {
        case .empty:
            return "empty number: expected a number like 3, 3/4, 0.75 or 7.5e-1"
        case .malformed:
            return "\(SafeText.quoted(token)) is not a number: expected an integer, a fraction p/q, a decimal or scientific notation (3, 3/4, 0.75, 7.5e-1)"
        case .zeroDenominator:
            return "\(SafeText.quoted(token)) has a zero denominator: expected p/q with q > 0"
        case .exponentTooLarge:
            return "\(SafeText.quoted(token)) has a decimal exponent too large to hold exactly: expected |exponent| ≤ \(Rational.maximumDecimalExponent)"
        case .tooManyDigits:
            return "\(SafeText.quoted(token)) has more than \(InputBudget.maximumDigits) digits in one integer (limit, see docs/limits.md)"
        }
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
