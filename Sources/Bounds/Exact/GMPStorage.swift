import CGMP

/// Owner of one initialised GMP integer (`mpz_t`), cleared and freed in `deinit`.
///
/// A box is written only while the value that owns it is being built and is never
/// mutated once shared, which is what gives ``BigInt`` its value semantics.
final class MPZStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpz_struct>

    init() {
        pointer = .allocate(capacity: 1)
        cgmp_z_init(pointer)
    }

    deinit {
        cgmp_z_clear(pointer)
        pointer.deallocate()
    }
}

/// Owner of one initialised GMP rational (`mpq_t`), cleared and freed in `deinit`.
///
/// The value is always canonical (lowest terms, positive denominator) once built and is
/// never mutated once shared, which is what gives ``Rational`` its value semantics.
final class MPQStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpq_struct>

    init() {
        pointer = .allocate(capacity: 1)
        cgmp_q_init(pointer)
    }

    deinit {
        cgmp_q_clear(pointer)
        pointer.deallocate()
    }
}

/// Hashes the limbs of a GMP integer (sign, length and every limb).
func hashLimbs(of z: UnsafePointer<__mpz_struct>, into hasher: inout Hasher) {
    hasher.combine(cgmp_z_sgn(z))
    let count = cgmp_z_size(z)
    hasher.combine(count)
    for index in 0..<count {
        hasher.combine(cgmp_z_getlimbn(z, mp_size_t(index)))
    }
}

/// The decimal (or other base) digits of a GMP integer, with a leading `-` when negative.
func digitString(of z: UnsafePointer<__mpz_struct>, base: Int32 = 10) -> String {
    guard let raw = cgmp_z_get_str(base, z) else { return "0" }
    defer { cgmp_free_str(raw) }
    return String(cString: raw)
}
