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
        LinearAlgebraThreads.ensureSingle()
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

    /// Held-out MSE of the prefix fits for each p in `sizes` (each `≤ size`):
    ///
    ///     MSE(p) = (yᵀy − 2 ĉ_pᵀ b_v + ĉ_pᵀ G_v ĉ_p) / n_v,   ĉ_p = U_p⁻¹ w_p,  w = U⁻ᵀ b
    ///
    /// with `b` the training moments and `G_v`, `b_v` the held-out ones (upper triangle of
    /// `heldOut`, leading dimension `ld`): one `dtrsv` and one `dsymv` per size, O(P²) each, so
    /// scoring the few candidate levels of a stage costs far less than its factor (O(P³)).
    func heldOutErrors(at sizes: [Int], trainMoment: [Double], gram heldOut: [Double], ld: Int,
                       moment heldOutMoment: [Double], squaredTargets: Double, rows: Int) -> [Int: Double] {
        let scale = 1 / Double(max(rows, 1))
        let w = forward(trainMoment)
        var errors: [Int: Double] = [:]
        var product = [Double](repeating: 0, count: size)
        for p in sizes {
            precondition(p >= 0 && p <= size)
            guard p > 0 else { errors[0] = max(0, squaredTargets * scale); continue }
            let c = coefficients(forward: w, prefix: p)
            cblas_dsymv(CblasColMajor, CblasUpper, Int32(p), 1, heldOut, Int32(ld), c, 1, 0, &product, 1)
            var cross = 0.0, quadratic = 0.0
            for i in 0..<p {
                cross += c[i] * heldOutMoment[i]
                quadratic += c[i] * product[i]
            }
            errors[p] = max(0, (squaredTargets - 2 * cross + quadratic) * scale)
        }
        return errors
    }

    /// Solves `G_p ĉ = b_p` for the leading p block of the upper triangle of `gram`
    /// (`LAPACKE_dposv`); `nil` when that block is not positive definite.
    static func solve(gram: [Double], ld: Int, moment: [Double], prefix p: Int) -> [Double]? {
        guard p > 0 else { return [] }
        var a = leadingBlock(gram, ld: ld, size: p)
        return solve(packed: &a, moment: moment, size: p)
    }

    /// Solves `A ĉ = b_p` for a `size × size` column-major matrix whose upper triangle holds A
    /// (`LAPACKE_dposv`, overwriting `packed` with the factor, no copy); `nil` when A is not
    /// positive definite.
    static func solve(packed: inout [Double], moment: [Double], size p: Int) -> [Double]? {
        guard p > 0 else { return [] }
        precondition(packed.count >= p * p)
        var b = Array(moment.prefix(p))
        let info = LAPACKE_dposv(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(p), 1, &packed, Int32(p), &b, Int32(p))
        return info == 0 ? b : nil
    }
}
