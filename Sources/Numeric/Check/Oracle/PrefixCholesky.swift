import CBLAS

/// The Cholesky factor `G = UᵀU` of the leading block of a Gram matrix, used for every prefix at
/// once: the leading `p × p` block of U is the factor of the leading `p × p` block of G, and
/// `w = U⁻ᵀb` restricted to its first p entries is `U_p⁻ᵀ b_p`. So the least-squares fit on the
/// first p basis functions is `ĉ_p = U_p⁻¹ w_p`, for every p, from one `dpotrf`.
struct PrefixCholesky {
    /// Number of factored (positive definite) leading columns.
    private(set) var size: Int
    /// U, column-major, leading dimension `size`.
    private(set) var factor: [Double]

    /// Factors the leading `size` block of the upper triangle of `gram` (leading dimension `ld`).
    /// If that block is not positive definite, the factored size shrinks to the largest leading
    /// block that is (`dpotrf` reports the first failing order).
    init(gram: [Double], ld: Int, size requested: Int) {
        var n = requested
        var factor: [Double] = []
        while n > 0 {
            factor = Self.leadingBlock(gram, ld: ld, size: n)
            let info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(n), &factor, Int32(n))
            if info == 0 { break }
            n = info > 0 ? Int(info) - 1 : 0
        }
        size = n
        self.factor = n > 0 ? factor : []
    }

    /// The leading `size × size` block of a column-major matrix with leading dimension `ld`.
    static func leadingBlock(_ matrix: [Double], ld: Int, size: Int) -> [Double] {
        var block = [Double](repeating: 0, count: size * size)
        for j in 0..<size { for i in 0...j { block[j * size + i] = matrix[j * ld + i] } }
        return block
    }

    /// `U⁻ᵀ b` over the factored size (`dtrsv`, upper, transposed).
    func forward(_ b: [Double]) -> [Double] {
        guard size > 0 else { return [] }
        var w = Array(b.prefix(size))
        cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, Int32(size), factor, Int32(size), &w, 1)
        return w
    }

    /// `ĉ_p = U_p⁻¹ w_p` (`dtrsv`, upper), the least-squares coefficients of the first p functions.
    func coefficients(forward w: [Double], prefix p: Int) -> [Double] {
        guard p > 0 else { return [] }
        var c = Array(w.prefix(p))
        cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, Int32(p), factor, Int32(size), &c, 1)
        return c
    }

    /// Held-out MSE of the prefix fits for every p in `0...size`:
    ///
    ///     MSE(p) = (yᵀy − 2 ĉ_pᵀ b_v + ĉ_pᵀ G_v ĉ_p) / n_v = (yᵀy − 2 w_pᵀ v_p + w_pᵀ Q_p w_p) / n_v
    ///
    /// with `w = U⁻ᵀ b` (training moments), `v = U⁻ᵀ b_v`, `Q = U⁻ᵀ G_v U⁻¹` (two `dtrsm`); the
    /// leading blocks of v and Q belong to the prefix, so all p cost one O(P²) pass.
    func heldOutErrors(trainMoment: [Double], gram heldOut: [Double], ld: Int, moment heldOutMoment: [Double],
                       squaredTargets: Double, rows: Int) -> [Double] {
        let n = size
        let scale = 1 / Double(max(rows, 1))
        guard n > 0 else { return [max(0, squaredTargets * scale)] }
        let w = forward(trainMoment)
        let v = forward(heldOutMoment)
        var q = Self.leadingBlock(heldOut, ld: ld, size: n)
        for j in 0..<n { for i in 0..<j { q[i * n + j] = q[j * n + i] } }   // symmetrize
        cblas_dtrsm(CblasColMajor, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit, Int32(n), Int32(n),
                    1, factor, Int32(n), &q, Int32(n))
        cblas_dtrsm(CblasColMajor, CblasLeft, CblasUpper, CblasTrans, CblasNonUnit, Int32(n), Int32(n),
                    1, factor, Int32(n), &q, Int32(n))
        var errors = [Double](repeating: 0, count: n + 1)
        var cross = 0.0, quadratic = 0.0
        errors[0] = squaredTargets * scale
        for p in 0..<n {
            var column = 0.0
            for i in 0..<p { column += q[p * n + i] * w[i] }
            cross += w[p] * v[p]
            quadratic += 2 * w[p] * column + q[p * n + p] * w[p] * w[p]
            errors[p + 1] = max(0, (squaredTargets - 2 * cross + quadratic) * scale)
        }
        return errors
    }

    /// Solves `G_p ĉ = b_p` for the leading p block of the upper triangle of `gram`
    /// (`LAPACKE_dposv`); `nil` when that block is not positive definite.
    static func solve(gram: [Double], ld: Int, moment: [Double], prefix p: Int) -> [Double]? {
        guard p > 0 else { return [] }
        var a = leadingBlock(gram, ld: ld, size: p)
        var b = Array(moment.prefix(p))
        let info = LAPACKE_dposv(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(p), 1, &a, Int32(p), &b, Int32(p))
        return info == 0 ? b : nil
    }
}
