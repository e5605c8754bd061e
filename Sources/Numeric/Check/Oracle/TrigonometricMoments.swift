import CBLAS
import Foundation

/// The oracle's normal equations from the sample's empirical trigonometric moments instead of
/// the design matrix (docs/targets-and-oracle.md, "The oracle's Gram matrix"), using the tensor-product
/// structure of the basis. With `τ_0 = 1`, `τ_f(x) = sin(2πfx)` (f > 0), `cos(2π|f|x)` (f < 0),
/// each coordinate's product of two basis factors is a signed sum of at most two τ
/// (`2 sin α sin β = cos(α−β) − cos(α+β)`, `2 cos α cos β = cos(α−β) + cos(α+β)`,
/// `2 sin α cos β = sin(α+β) + sin(α−β)`, `2 cos α sin β = sin(α+β) − sin(α−β)`), so
///
///     G[l, m] = Σ_r ψ_l(z_r) ψ_m(z_r) = Σ_{choices} (∏_k c_k) · S(f_1, …, f_K),
///     S(f) = Σ_r ∏_k τ_{f_k}(z_{r,k}),   b[l] = 2^{depth(l)/2} · S_y(l),   S_y(f) = Σ_r y_r ∏_k τ_{f_k}(z_{r,k}),
///
/// with `|f_k| ≤ F_k = 2·max_l |l_k|`. S and S_y are one `cblas_dgemm` per chunk of rows over the
/// grid `∏_k (2F_k + 1)`: rows × grid multiply-adds instead of the Gram matrix's rows·P²/2, plus
/// `2^K` table look-ups per entry of G. For the default target at P = 5,715 (K = 3, grid
/// 253 × 29 × 5) that is ~3.6e10 multiply-adds instead of 8e12. The grid's products run in fixed
/// slabs of its columns, so every value is computed by the same calls whatever the thread count.
struct TrigonometricMoments {
    /// Coordinates K.
    let coordinateCount: Int
    /// `F_k`: the largest |frequency| of a product of two terms in coordinate k.
    let gridFrequency: [Int]
    /// The coordinate whose `2F_k + 1` is largest: the rows of the per-chunk GEMM.
    let lead: Int
    /// The other coordinates, ascending; their grid index is mixed radix, the last fastest.
    let rest: [Int]
    /// `offset(f) = Σ_k (f_k + F_k) · offsetStride[k]`, the position of S(f) in ``values``.
    let offsetStride: [Int]
    /// `∏_{k ∈ rest} (2F_k + 1)`: columns of the GEMM.
    let restSize: Int
    /// Grid size `∏_k (2F_k + 1)`.
    var gridSize: Int { (2 * gridFrequency[lead] + 1) * restSize }

    /// Largest grid this route accepts (two Float64 arrays of it are held: 64 MiB).
    static let maximumGridSize = 1 << 22

    /// The grid for terms whose signed frequencies are `frequencies[j·K + k]`.
    init(frequencies: [Int], coordinateCount K: Int) {
        coordinateCount = K
        var largest = [Int](repeating: 0, count: K)
        for (index, l) in frequencies.enumerated() { largest[index % K] = max(largest[index % K], abs(l)) }
        let grid = largest.map { 2 * $0 }
        gridFrequency = grid
        let lead = (0..<K).max { grid[$0] < grid[$1] || (grid[$0] == grid[$1] && $0 > $1) } ?? 0
        self.lead = lead
        rest = (0..<K).filter { $0 != lead }
        var strides = [Int](repeating: 0, count: K)
        strides[lead] = 1
        let others = (0..<K).filter { $0 != lead }
        var stride = 2 * grid[lead] + 1
        for k in others.reversed() {
            strides[k] = stride
            stride *= 2 * grid[k] + 1
        }
        offsetStride = strides
        restSize = others.reduce(1) { $0 * (2 * grid[$1] + 1) }
    }

    /// Whether this route costs less than the design-matrix products for growing a Gram matrix of
    /// `rows` rows from `oldSize` to `newSize` columns: `2·rows·grid + rows·restSize` (S, S_y and
    /// their products of tables) plus `4·2^K` per new entry, against `rows·ΔP²/2`, with a margin of 2.
    func isCheaper(rows: Int, oldSize: Int, newSize: Int) -> Bool {
        guard gridSize <= Self.maximumGridSize, coordinateCount <= 16 else { return false }
        let entries = Double(newSize * newSize - oldSize * oldSize) / 2
        let moments = Double(rows) * Double(2 * gridSize + restSize) + 4 * Double(1 << coordinateCount) * entries
        return 2 * moments < Double(rows) * entries
    }

    /// The signed frequency vector of each of the first `count` terms of `layout`
    /// (`frequencies[j·K + k] = l_k` of term j: ψ_l = ∏_k ψ_{l_k}).
    static func termFrequencies(layout: TrigonometricLayout, count: Int) -> [Int] {
        let K = layout.coordinateCount
        var frequencies = [Int](repeating: 0, count: count * K)
        // Table row → (coordinate, frequency).
        func decode(_ row: Int) -> (Int, Int) {
            var k = K - 1
            while layout.tableBase[k] > row { k -= 1 }
            return (k, row - layout.tableBase[k] - layout.maxFrequency[k])
        }
        for block in layout.blocks where block.firstTerm < count {
            var term = block.firstTerm
            var current = [Int](repeating: 0, count: K)
            func level(_ d: Int) {
                if d == block.depth {
                    if term < count { for k in 0..<K { frequencies[term * K + k] = current[k] } }
                    term += 1
                    return
                }
                let f = block.firstFactor + d
                let start = layout.factorStarts[f]
                for row in layout.factorRows[start ..< start + layout.factorCounts[f]] {
                    let (k, l) = decode(row)
                    current[k] = l
                    level(d + 1)
                    current[k] = 0
                }
            }
            level(0)
        }
        return frequencies
    }

    /// `(S, S_y)` over the sample rows `rowIndices` (coordinates `coordinates[row·K + k]`, targets
    /// `targets[row]`), each `gridSize` values at ``offsetStride`` positions.
    func moments(rowIndices: [Int], coordinates: [Double], targets: [Double], team: ThreadTeam) -> ([Double], [Double]) {
        LinearAlgebraThreads.ensureSingle()
        let K = coordinateCount
        let leadRows = 2 * gridFrequency[lead] + 1
        // Rows per chunk: the products of the other coordinates' tables stay within 2²² values (32 MiB).
        let chunk = max(1, min(1024, (1 << 22) / max(restSize, 1)))
        var values = [Double](repeating: 0, count: gridSize)
        var weighted = [Double](repeating: 0, count: gridSize)
        let tableRows = gridFrequency.reduce(0) { $0 + 2 * $1 + 1 }
        let tables = UnsafeMutablePointer<Double>.allocate(capacity: tableRows * chunk)
        defer { tables.deallocate() }
        let leadWeighted = UnsafeMutablePointer<Double>.allocate(capacity: leadRows * chunk)
        defer { leadWeighted.deallocate() }
        let products = UnsafeMutablePointer<Double>.allocate(capacity: restSize * chunk)
        defer { products.deallocate() }
        var tableStart = [Int](repeating: 0, count: K)
        var running = 0
        for k in 0..<K { tableStart[k] = running; running += 2 * gridFrequency[k] + 1 }
        let z = UnsafeMutablePointer<Double>.allocate(capacity: chunk)
        defer { z.deallocate() }
        let slabColumns = 64
        let slabs = (restSize + slabColumns - 1) / slabColumns
        var start = 0
        while start < rowIndices.count {
            let count = min(chunk, rowIndices.count - start)
            for k in 0..<K {
                for r in 0..<count { z[r] = coordinates[rowIndices[start + r] * K + k] }
                Self.fillTau(z, count: count, maximum: gridFrequency[k], into: tables + tableStart[k] * chunk, stride: chunk)
            }
            let lead = tables + tableStart[self.lead] * chunk
            for f in 0..<leadRows {
                for r in 0..<count { leadWeighted[f * chunk + r] = lead[f * chunk + r] * targets[rowIndices[start + r]] }
            }
            // products[(rest index) · chunk + r] = ∏_{k ∈ rest} τ_{f_k}(z_{r,k}), last rest coordinate fastest.
            for r in 0..<count { products[r] = 1 }
            var filled = 1
            for k in rest {
                let n = 2 * gridFrequency[k] + 1
                let table = tables + tableStart[k] * chunk
                for old in stride(from: filled - 1, through: 0, by: -1) {
                    let source = products + old * chunk
                    for f in stride(from: n - 1, through: 0, by: -1) {
                        let target = products + (old * n + f) * chunk
                        let t = table + f * chunk
                        for r in 0..<count { target[r] = source[r] * t[r] }
                    }
                }
                filled *= n
            }
            let productsShared = UnsafePointer(products), leadShared = UnsafePointer(lead)
            let weightedLead = UnsafePointer(leadWeighted)
            values.withUnsafeMutableBufferPointer { s in
                weighted.withUnsafeMutableBufferPointer { sy in
                    let sBase = s.baseAddress!, syBase = sy.baseAddress!
                    team.forEachPiece(slabs) { slab in
                        let c0 = slab * slabColumns
                        let width = min(slabColumns, restSize - c0)
                        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(leadRows), Int32(width), Int32(count),
                                    1, leadShared, Int32(chunk), productsShared + c0 * chunk, Int32(chunk),
                                    1, sBase + c0 * leadRows, Int32(leadRows))
                        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(leadRows), Int32(width), Int32(count),
                                    1, weightedLead, Int32(chunk), productsShared + c0 * chunk, Int32(chunk),
                                    1, syBase + c0 * leadRows, Int32(leadRows))
                    }
                }
            }
            start += count
        }
        return (values, weighted)
    }

    /// `into[(f + F)·stride + r] = τ_f(z_r)` for `|f| ≤ F`, by angle addition from one sin/cos per row.
    static func fillTau(_ z: UnsafePointer<Double>, count: Int, maximum F: Int, into table: UnsafeMutablePointer<Double>, stride: Int) {
        let zero = table + F * stride
        for r in 0..<count { zero[r] = 1 }
        guard F > 0 else { return }
        for r in 0..<count {
            let angle = 2 * Double.pi * z[r]
            let c = cos(angle), s = sin(angle)
            var cm = c, sm = s
            zero[stride + r] = s
            zero[r - stride] = c
            var f = 2
            while f <= F {
                let next = cm * c - sm * s
                sm = sm * c + cm * s
                cm = next
                zero[f * stride + r] = sm
                zero[r - f * stride] = cm
                f += 1
            }
        }
    }

    /// The at most two `(offset, coefficient)` terms of `ψ_a(x) ψ_b(x)` in coordinate k, as
    /// positions in S (coefficient 0 for an absent second term).
    func productTerms(_ a: Int, _ b: Int, coordinate k: Int) -> (Int, Double, Int, Double) {
        let F = gridFrequency[k], stride = offsetStride[k]
        func at(_ f: Int) -> Int { (f + F) * stride }
        if a == 0 && b == 0 { return (at(0), 1, at(0), 0) }
        if a == 0 { return (at(b), 2.0.squareRoot(), at(0), 0) }
        if b == 0 { return (at(a), 2.0.squareRoot(), at(0), 0) }
        let alpha = abs(a), beta = abs(b), difference = alpha - beta, sum = alpha + beta
        let sinDifference = difference == 0 ? (at(0), 0.0) : (at(abs(difference)), difference > 0 ? 1.0 : -1.0)
        switch (a > 0, b > 0) {
        case (true, true): return (at(-abs(difference)), 1, at(-sum), -1)          // cos(α−β) − cos(α+β)
        case (false, false): return (at(-abs(difference)), 1, at(-sum), 1)         // cos(α−β) + cos(α+β)
        case (true, false): return (at(sum), 1, sinDifference.0, sinDifference.1)    // sin(α+β) + sin(α−β)
        case (false, true): return (at(sum), 1, sinDifference.0, -sinDifference.1)   // sin(α+β) − sin(α−β)
        }
    }
}
