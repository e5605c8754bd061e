import CGMP

/// Field operations on ``Rational``. Results are exact and canonical.
/// Division and reciprocals throw ``ExactArithmeticError/divisionByZero`` instead of trapping.
extension Rational {
    /// `lhs + rhs`.
    public static func + (lhs: Rational, rhs: Rational) -> Rational { Rational { cgmp_q_add($0, lhs.pointer, rhs.pointer) } }
    /// `lhs − rhs`.
    public static func - (lhs: Rational, rhs: Rational) -> Rational { Rational { cgmp_q_sub($0, lhs.pointer, rhs.pointer) } }
    /// `lhs · rhs`.
    public static func * (lhs: Rational, rhs: Rational) -> Rational { Rational { cgmp_q_mul($0, lhs.pointer, rhs.pointer) } }
    /// `lhs / rhs`; throws when `rhs` is zero.
    public static func / (lhs: Rational, rhs: Rational) throws -> Rational {
        guard !rhs.isZero else { throw ExactArithmeticError.divisionByZero }
        return Rational { cgmp_q_div($0, lhs.pointer, rhs.pointer) }
    }
    /// `−value`.
    public static prefix func - (value: Rational) -> Rational { Rational { cgmp_q_neg($0, value.pointer) } }

    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }
    public static func *= (lhs: inout Rational, rhs: Rational) { lhs = lhs * rhs }

    /// `|self|`.
    public var magnitude: Rational { Rational { cgmp_q_abs($0, pointer) } }

    /// `1/self`; throws when `self` is zero.
    public func reciprocal() throws -> Rational {
        guard !isZero else { throw ExactArithmeticError.divisionByZero }
        return Rational { cgmp_q_inv($0, pointer) }
    }

    /// `self^exponent` for any integer exponent; `0^k` with `k < 0` throws
    /// ``ExactArithmeticError/zeroToNegativePower``.
    public func power(_ exponent: Int) throws -> Rational {
        if exponent < 0 {
            guard !isZero else { throw ExactArithmeticError.zeroToNegativePower }
            return try reciprocal().power(-exponent)
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
