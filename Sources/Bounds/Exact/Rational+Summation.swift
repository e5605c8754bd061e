import CGMP

/// Balanced (binary-splitting) summation of rationals.
///
/// Adding n terms left to right makes the running denominator grow with every step, so
/// each of the n additions costs as much as the final size: O(n · size) overall. Pairing
/// neighbours level by level (`(t₁+t₂) + (t₃+t₄)`, …) keeps the operands of each level
/// balanced, so the cost grows like the final size times log n — the same strategy as the
/// binary-splitting references in `bench/rational_sum.py` (docs/benchmarks.md).
extension Rational {
    /// `Σ terms`, summed by balanced pairing in place over one scratch array of `mpq_t`
    /// (no allocation per addition beyond GMP's own limbs).
    public static func balancedSum<C: Collection>(_ terms: C) -> Rational where C.Element == Rational {
        balancedSum(count: terms.count) { scratch in
            for (index, term) in terms.enumerated() { cgmp_q_set(scratch + index, term.pointer) }
        }
    }

    /// `Σ 1/terms[k]`, summed by balanced pairing.
    /// This is ã = Σ_k 1/a_k of the anisotropic smoothness (docs/formulas.md, O22 Thm 13/14).
    /// - Precondition: no term is zero.
    public static func balancedSumOfReciprocals<C: Collection>(_ terms: C) -> Rational where C.Element == Rational {
        precondition(!terms.contains(where: { $0.isZero }), "reciprocal of a zero Rational")
        return balancedSum(count: terms.count) { scratch in
            for (index, term) in terms.enumerated() { cgmp_q_inv(scratch + index, term.pointer) }
        }
    }

    /// Core of the balanced sum: `fill` writes the `count` terms into scratch slots, which
    /// are then added pairwise with doubling stride, `s[i] ← s[i] + s[i+stride]`.
    static func balancedSum(count: Int, fill: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational {
        guard count > 0 else { return .zero }
        let scratch = UnsafeMutablePointer<__mpq_struct>.allocate(capacity: count)
        for index in 0..<count { cgmp_q_init(scratch + index) }
        defer {
            for index in 0..<count { cgmp_q_clear(scratch + index) }
            scratch.deallocate()
        }
        fill(scratch)
        var stride = 1
        while stride < count {
            var index = 0
            while index + stride < count {
                cgmp_q_add(scratch + index, scratch + index, scratch + index + stride)
                index += 2 * stride
            }
            stride *= 2
        }
        return Rational { cgmp_q_set($0, scratch) }
    }
}
