import CGMP

/// Correctly rounded decimal renderings of a ``Rational``, for display beside the exact
/// value. (GMP's `mpq_get_d` truncates, so it is not used for display.)
extension Rational {
    /// `self` rounded to `fractionDigits` digits after the point, ties to even
    /// (`(2/3).decimalString(fractionDigits: 4) == "0.6667"`).
    public func decimalString(fractionDigits: Int) -> String {
        precondition(fractionDigits >= 0)
        let scaled = Rational.roundedToInteger(magnitude * Rational(BigInt.powerOfTen(UInt(fractionDigits))))
        var digits = scaled.description
        if fractionDigits > 0 {
            if digits.count <= fractionDigits {
                digits = String(repeating: "0", count: fractionDigits - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -fractionDigits))
        }
        let isNegativeNonZero = signum < 0 && !scaled.isZero
        return (isNegativeNonZero ? "-" : "") + digits
    }

    /// `self` with `significantDigits` significant digits, correctly rounded (ties to even),
    /// trailing zeros removed: plain notation for `1e-5 ≤ |x| < 1e15`, else scientific
    /// (`8/15 → "0.5333333333"`, `2 → "2"`, `1/10^20 → "1e-20"`).
    public func decimalString(significantDigits: Int = 10) -> String {
        precondition(significantDigits >= 1)
        if isZero { return "0" }
        let absolute = magnitude
        var exponent = Rational.decimalExponent(of: absolute)
        var mantissa = Rational.roundedToInteger(absolute * Rational.powerOfTen(significantDigits - 1 - exponent))
        if mantissa == BigInt.powerOfTen(UInt(significantDigits)) {
            exponent += 1
            mantissa = Rational.roundedToInteger(absolute * Rational.powerOfTen(significantDigits - 1 - exponent))
        }
        var digits = Array(mantissa.description)
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let sign = signum < 0 ? "-" : ""
        if exponent >= -5 && exponent < 15 {
            if exponent >= 0 {
                if digits.count <= exponent + 1 {
                    return sign + String(digits) + String(repeating: "0", count: exponent + 1 - digits.count)
                }
                return sign + String(digits[...exponent]) + "." + String(digits[(exponent + 1)...])
            }
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + String(digits)
        }
        let head = String(digits[0]) + (digits.count > 1 ? "." + String(digits[1...]) : "")
        return sign + head + "e" + String(exponent)
    }

    /// The nearest `Double` (correctly rounded through a 40-digit decimal string); ±infinity
    /// beyond the `Double` range, 0 below it.
    public var doubleValue: Double {
        if isZero { return 0 }
        let exponent = Rational.decimalExponent(of: magnitude)
        let mantissa = Rational.roundedToInteger(magnitude * Rational.powerOfTen(39 - exponent))
        let text = (signum < 0 ? "-" : "") + mantissa.description + "e" + String(exponent - 39)
        return Double(text) ?? (signum < 0 ? -.infinity : .infinity)
    }

    /// `10^k` for any integer k.
    static func powerOfTen(_ k: Int) -> Rational {
        k >= 0 ? Rational(BigInt.powerOfTen(UInt(k))) : Rational(BigInt.powerOfTen(UInt(-k))).reciprocal
    }

    /// The integer e with `10^e ≤ x < 10^(e+1)`, for `x > 0`, decided exactly.
    static func decimalExponent(of x: Rational) -> Int {
        let numeratorDigits = Int(cgmp_z_sizeinbase(cgmp_q_numref_const(x.pointer), 10))
        let denominatorDigits = Int(cgmp_z_sizeinbase(cgmp_q_denref_const(x.pointer), 10))
        var e = numeratorDigits - denominatorDigits   // within ±2 of the answer
        while powerOfTen(e) > x { e -= 1 }
        while powerOfTen(e + 1) <= x { e += 1 }
        return e
    }

    /// Nearest integer to a non-negative rational, ties to even.
    static func roundedToInteger(_ x: Rational) -> BigInt {
        let floor = x.floor()
        let remainder = x - Rational(floor)
        if remainder > .oneHalf { return floor + 1 }
        if remainder < .oneHalf { return floor }
        return floor.isEven ? floor : floor + 1
    }
}
