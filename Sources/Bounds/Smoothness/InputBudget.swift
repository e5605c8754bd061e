import CGMP

/// The documented limits on what ratecalc reads (docs/limits.md), checked on the text
/// before any number is built, so that every accepted request stays small: a number
/// has at most ``maximumDigits`` digits per integer part and a decimal exponent of at
/// most ``Rational/maximumDecimalExponent``; a smoothness has at most ``maximumLength``
/// characters, ``maximumEntries`` entries and a total size (digits plus exponents) of
/// at most ``maximumTotalDigits``.
public enum InputBudget {
    /// The most digits in one integer of a number (a mantissa, a numerator or a denominator).
    public static let maximumDigits = 10_000
    /// The most characters of a smoothness string.
    public static let maximumLength = 250_000
    /// The most entries of a smoothness (listed entries of a vector or matrix).
    public static let maximumEntries = 50_000
    /// The most digits that all numbers of a smoothness may hold together, counting a
    /// decimal exponent e as |e| digits (`1e9999` holds 10,000).
    public static let maximumTotalDigits = 200_000

    /// Checks a smoothness string against the limits from its text alone.
    /// - Throws: ``InputLimitError`` naming the limit.
    public static func checkSmoothness(_ text: String) throws {
        let length = text.utf8.count
        guard length <= maximumLength else {
            throw InputLimitError(field: .smoothness, problem: "has \(length) bytes (limit \(maximumLength)): use fewer or shorter entries")
        }
        var entries = 1, total = 0, digits = 0, exponent = 0, inExponent = false, exponentDigits = 0
        func endNumber() {
            total += digits + exponent
            digits = 0; exponent = 0; inExponent = false; exponentDigits = 0
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponentDigits += 1
                    if exponentDigits <= 7 { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) }
                } else {
                    digits += 1
                }
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = digits > 0
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                break
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                entries += 1
                endNumber()
            default:
                endNumber()
            }
        }
        endNumber()
        guard entries <= maximumEntries else {
            throw InputLimitError(field: .smoothness, problem: "has \(entries) entries (limit \(maximumEntries))")
        }
        guard total <= maximumTotalDigits else {
            throw InputLimitError(field: .smoothness,
                                  problem: "holds about \(total) digits in total, counting exponents (limit \(maximumTotalDigits)): use fewer entries or smaller exponents")
        }
    }

    /// Checks that a geometric family after k listed entries has an exact tail sum
    /// `r^{-k}·r/(c(r−1))` of at most ``maximumTotalDigits`` digits.
    static func checkGeometric(r: Rational, after k: Int) throws {
        let size = digitCount(r.numerator) + digitCount(r.denominator)
        let (product, overflow) = size.multipliedReportingOverflow(by: max(k, 1))
        guard !overflow, product <= maximumTotalDigits else {
            throw InputLimitError(field: .smoothness,
                                  problem: "geom(…, r = \(r)) after \(k) listed entries needs r^\(k), about \(overflow ? Int.max : product) digits (limit \(maximumTotalDigits)): list fewer entries or use a simpler r")
        }
    }
}

extension InputBudget {
    /// The number of decimal digits of `|x|`: counted exactly below 2,000 digits, GMP's
    /// estimate (exact or one too many) above, which is all a budget needs.
    private static func digitCount(_ x: BigInt) -> Int {
        let estimate = cgmp_z_sizeinbase(x.pointer, 10)
        if estimate < 2000 { return x.magnitude.description.count }
        return Int(estimate)
    }
}

/// A request beyond a documented limit (docs/limits.md), as one line.
public struct InputLimitError: InputFieldError, Equatable {
    /// The input concerned, e.g. ``InputField/smoothness``.
    public let field: InputField
    /// The limit that was exceeded and what to change.
    public let problem: String
    /// An error about `field`, whose `problem` says which limit and what to change.
    public init(field: InputField, problem: String) {
        self.field = field
        self.problem = problem
    }
    /// One line: `<field> <problem> (see docs/limits.md)`.
    public func message(naming name: (InputField) -> String) -> String { "\(name(field)) \(problem) (see docs/limits.md)" }
}
