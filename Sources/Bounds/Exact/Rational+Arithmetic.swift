import CGMP

/// Field operations on ``Rational``. Results are exact and canonical.
///
/// As in BigInt libraries and Python's `fractions`, arithmetic is total except for division
/// by zero, which is a programming error and traps (`- Precondition:`); only parsing user
/// input throws (``Rational/init(parsing:)``). Callers that divide by something a user
/// chose validate it first and throw their own typed error there.
extension Rational {
    /// `lhs + rhs`.
    public static func + (lhs: Rational, rhs: Rational) -> Rational { Rational { cgmp_q_add($0, lhs.pointer, rhs.pointer) } }
    /// `lhs − rhs`.
    public static func - (lhs: Rational, rhs: Rational) -> Rational { Rational { cgmp_q_sub($0, lhs.pointer, rhs.pointer) } }
    /// `lhs · rhs`.
    public static func * (lhs: Rational, rhs: Rational) -> Rational { Rational { cgmp_q_mul($0, lhs.pointer, rhs.pointer) } }
    /// `lhs / rhs`.
    /// - Precondition: `rhs ≠ 0`.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(!rhs.isZero, "Rational division by zero")
        return Rational { cgmp_q_div($0, lhs.pointer, rhs.pointer) }
    }
    /// `−value`.
    public static prefix func - (value: Rational) -> Rational { Rational { cgmp_q_neg($0, value.pointer) } }

    /// `lhs = lhs + rhs`.
    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    /// `lhs = lhs − rhs`.
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }
    /// `lhs = lhs · rhs`.
    public static func *= (lhs: inout Rational, rhs: Rational) { lhs = lhs * rhs }
    /// `lhs = lhs / rhs`.
    /// - Precondition: `rhs ≠ 0`.
    public static func /= (lhs: inout Rational, rhs: Rational) { lhs = lhs / rhs }

    /// `|self|`.
    public var magnitude: Rational { Rational { cgmp_q_abs($0, pointer) } }

    /// `1/self`.
    /// - Precondition: `self ≠ 0`.
    public var reciprocal: Rational {
        precondition(!isZero, "reciprocal of a zero Rational")
        return Rational { cgmp_q_inv($0, pointer) }
    }

    /// `self^exponent` for any integer exponent.
    /// - Precondition: `self ≠ 0` when `exponent < 0`.
    public func power(_ exponent: Int) -> Rational {
        if exponent < 0 {
            precondition(!isZero, "zero Rational raised to a negative power")
            return reciprocal.power(-exponent)
        }
        let e = UInt(exponent)
        return Rational { q in
            cgmp_z_pow_ui(cgmp_q_numref(q), cgmp_q_numref_const(pointer), e)
            cgmp_z_pow_ui(cgmp_q_denref(q), cgmp_q_denref_const(pointer), e)
        }
    }

    /// `⌊self⌋`.
    public func floor() -> BigInt { BigInt { cgmp_z_fdiv_q($0, cgmp_q_numref_const(pointer), cgmp_q_denref_const(pointer)) } }

    /// `⌈self⌉`.
    public func ceiling() -> BigInt { BigInt { cgmp_z_cdiv_q($0, cgmp_q_numref_const(pointer), cgmp_q_denref_const(pointer)) } }

    /// `(self)_+ = max(self, 0)`, the positive part used by `v = (1/p − 1/2)_+` (docs/formulas.md).
    public var positivePart: Rational { signum > 0 ? self : .zero }

    /// The smaller of two values.
    public static func minimum(_ a: Rational, _ b: Rational) -> Rational { a < b ? a : b }
    /// The larger of two values.
    public static func maximum(_ a: Rational, _ b: Rational) -> Rational { a < b ? b : a }
}

/// Mixed arithmetic with machine integers, so that formulas read as formulas:
/// `2 * (a - v)`, `n / (q - 1)`, `e / (e + 1)`. Each converts the `Int` exactly and then
/// applies the ``Rational`` operation.
extension Rational {
    /// `Rational(lhs) + rhs`.
    public static func + (lhs: Int, rhs: Rational) -> Rational { Rational(lhs) + rhs }
    /// `lhs + Rational(rhs)`.
    public static func + (lhs: Rational, rhs: Int) -> Rational { lhs + Rational(rhs) }
    /// `Rational(lhs) − rhs`.
    public static func - (lhs: Int, rhs: Rational) -> Rational { Rational(lhs) - rhs }
    /// `lhs − Rational(rhs)`.
    public static func - (lhs: Rational, rhs: Int) -> Rational { lhs - Rational(rhs) }
    /// `Rational(lhs) · rhs`.
    public static func * (lhs: Int, rhs: Rational) -> Rational { Rational(lhs) * rhs }
    /// `lhs · Rational(rhs)`.
    public static func * (lhs: Rational, rhs: Int) -> Rational { lhs * Rational(rhs) }
    /// `Rational(lhs) / rhs`.
    /// - Precondition: `rhs ≠ 0`.
    public static func / (lhs: Int, rhs: Rational) -> Rational { Rational(lhs) / rhs }
    /// `lhs / Rational(rhs)`.
    /// - Precondition: `rhs ≠ 0`.
    public static func / (lhs: Rational, rhs: Int) -> Rational { lhs / Rational(rhs) }
}
