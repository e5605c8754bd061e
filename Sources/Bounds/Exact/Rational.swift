import CGMP

/// An exact rational number `p/q` backed by GMP's `mpq_t`.
///
/// Always canonical, as in Python's `fractions.Fraction`: lowest terms and a positive
/// denominator, so `==` and `hash` agree with mathematical equality. Value semantics:
/// every operation builds a new value; storage is freed when the last copy goes away.
///
/// Every quantity that the theory defines as a rational number (docs/formulas.md: a†, the rate
/// exponent r, the level coefficient of T(n), 1/r, …) is computed as a `Rational`.
public struct Rational: Sendable {
    let storage: MPQStorage

    /// Builds a value by letting `body` write into a fresh `mpq_t`, then canonicalises it
    /// when `canonicalize` is true (results of mpq arithmetic are already canonical).
    init(canonicalize: Bool = false, building body: (UnsafeMutablePointer<__mpq_struct>) -> Void) {
        let storage = MPQStorage()
        body(storage.pointer)
        if canonicalize { cgmp_q_canonicalize(storage.pointer) }
        self.storage = storage
    }

    /// Read-only access to the underlying `mpq_t`.
    var pointer: UnsafePointer<__mpq_struct> { UnsafePointer(storage.pointer) }

    /// The integer `value` as a rational.
    public init(_ value: Int) {
        self.init { cgmp_z_set_si(cgmp_q_numref($0), value) }
    }

    /// The integer `value` as a rational.
    public init(_ value: BigInt) {
        self.init { cgmp_z_set(cgmp_q_numref($0), value.pointer) }
    }

    /// `numerator / denominator` in lowest terms.
    /// - Precondition: `denominator ≠ 0`.
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "Rational with a zero denominator")
        self.init(canonicalize: true) { q in
            cgmp_z_set(cgmp_q_numref(q), numerator.pointer)
            cgmp_z_set(cgmp_q_denref(q), denominator.pointer)
        }
    }

    /// `numerator / denominator` in lowest terms.
    /// - Precondition: `denominator ≠ 0`.
    public init(_ numerator: Int, _ denominator: Int) {
        self.init(BigInt(numerator), BigInt(denominator))
    }

    /// The numerator in lowest terms (carries the sign).
    public var numerator: BigInt { BigInt { cgmp_z_set($0, cgmp_q_numref_const(pointer)) } }

    /// The denominator in lowest terms (always positive).
    public var denominator: BigInt { BigInt { cgmp_z_set($0, cgmp_q_denref_const(pointer)) } }

    /// `-1`, `0` or `1`.
    public var signum: Int { Int(cgmp_q_sgn(pointer)) }

    /// True when the value is zero.
    public var isZero: Bool { signum == 0 }

    /// True when the denominator is 1.
    public var isInteger: Bool { cgmp_z_cmp_si(cgmp_q_denref_const(pointer), 1) == 0 }

    /// 0, the sum's starting value.
    public static let zero = Rational(0)
    /// 1, the product's starting value.
    public static let one = Rational(1)
    /// 1/2, as in `v = (1/p − 1/2)_+` and rounding ties.
    static let oneHalf = Rational(1, 2)
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: CustomStringConvertible {
    /// `p/q` in lowest terms, or just `p` when the denominator is 1 (`8/15`, `-3/4`, `2`).
    public var description: String {
        let numeratorDigits = digitString(of: cgmp_q_numref_const(pointer))
        if isInteger { return numeratorDigits }
        return numeratorDigits + "/" + digitString(of: cgmp_q_denref_const(pointer))
    }
}

extension Rational: Equatable, Comparable, Hashable {
    public static func == (lhs: Rational, rhs: Rational) -> Bool { cgmp_q_equal(lhs.pointer, rhs.pointer) != 0 }
    public static func < (lhs: Rational, rhs: Rational) -> Bool { cgmp_q_cmp(lhs.pointer, rhs.pointer) < 0 }
    public func hash(into hasher: inout Hasher) {
        hashLimbs(of: cgmp_q_numref_const(pointer), into: &hasher)
        hashLimbs(of: cgmp_q_denref_const(pointer), into: &hasher)
    }
}
