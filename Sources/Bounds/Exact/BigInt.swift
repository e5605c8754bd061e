import CGMP

/// An arbitrary-precision signed integer backed by GMP's `mpz_t`.
///
/// Value semantics: every operation builds a new value; storage is shared only while
/// unchanged and freed when the last copy goes away.
public struct BigInt: Sendable {
    let storage: MPZStorage

    /// Builds a value by letting `body` write into a freshly initialised `mpz_t`.
    init(building body: (UnsafeMutablePointer<__mpz_struct>) -> Void) {
        let storage = MPZStorage()
        body(storage.pointer)
        self.storage = storage
    }

    /// Read-only access to the underlying `mpz_t`.
    var pointer: UnsafePointer<__mpz_struct> { UnsafePointer(storage.pointer) }

    /// The integer `value`.
    public init(_ value: Int) {
        self.init { cgmp_z_set_si($0, value) }
    }

    /// Parses a decimal integer with an optional sign (`-123`, `+7`); `nil` for anything else.
    public init?(_ text: String) {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var ok = true
        self.init { z in
            ok = cgmp_z_set_str(z, String(body), 10) == 0
            if negative { cgmp_z_neg(z, z) }
        }
        if !ok { return nil }
    }

    /// `-1`, `0` or `1`.
    public var signum: Int { Int(cgmp_z_sgn(pointer)) }

    /// True when the value is zero.
    public var isZero: Bool { signum == 0 }

    /// True when the value is divisible by 2.
    public var isEven: Bool { cgmp_z_getlimbn(pointer, 0) & 1 == 0 }

    /// The value as an `Int` when it fits, else `nil`.
    public var intValue: Int? {
        cgmp_z_fits_slong(pointer) != 0 ? cgmp_z_get_si(pointer) : nil
    }
}

extension BigInt: CustomStringConvertible {
    /// Decimal digits with a leading `-` for negative values.
    public var description: String { digitString(of: pointer) }
}

extension BigInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInt: Equatable, Comparable, Hashable {
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool { cgmp_z_cmp(lhs.pointer, rhs.pointer) == 0 }
    public static func < (lhs: BigInt, rhs: BigInt) -> Bool { cgmp_z_cmp(lhs.pointer, rhs.pointer) < 0 }
    public func hash(into hasher: inout Hasher) { hashLimbs(of: pointer, into: &hasher) }
}

extension BigInt {
    /// `lhs + rhs`.
    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt { BigInt { cgmp_z_add($0, lhs.pointer, rhs.pointer) } }
    /// `lhs − rhs`.
    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt { BigInt { cgmp_z_sub($0, lhs.pointer, rhs.pointer) } }
    /// `lhs · rhs`.
    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt { BigInt { cgmp_z_mul($0, lhs.pointer, rhs.pointer) } }
    /// `−value`.
    public static prefix func - (value: BigInt) -> BigInt { BigInt { cgmp_z_neg($0, value.pointer) } }
    /// `|self|`.
    public var magnitude: BigInt { BigInt { cgmp_z_abs($0, pointer) } }

    /// `self^exponent` for a non-negative machine exponent.
    public func power(_ exponent: UInt) -> BigInt {
        BigInt { cgmp_z_pow_ui($0, pointer, exponent) }
    }

    /// `gcd(self, other) ≥ 0`.
    public func gcd(_ other: BigInt) -> BigInt { BigInt { cgmp_z_gcd($0, pointer, other.pointer) } }

    /// Floor division `⌊self / divisor⌋`.
    /// - Precondition: `divisor ≠ 0`.
    public func floorDivided(by divisor: BigInt) -> BigInt {
        precondition(!divisor.isZero, "BigInt division by zero")
        return BigInt { cgmp_z_fdiv_q($0, pointer, divisor.pointer) }
    }

    /// `⌊self^(1/n)⌋` for `self ≥ 0`, `n ≥ 1`.
    public func integerRoot(_ n: UInt) -> BigInt {
        precondition(n >= 1 && signum >= 0, "integerRoot needs n ≥ 1 and a non-negative radicand")
        return BigInt { _ = cgmp_z_root($0, pointer, n) }
    }

    /// `10^exponent`.
    public static func powerOfTen(_ exponent: UInt) -> BigInt {
        BigInt { cgmp_z_ui_pow_ui($0, 10, exponent) }
    }
}
