import Foundation

/// The terms `ψ_l(z) = ∏_k ψ_{l_k}(z_k)` of a list of Fourier blocks, laid out for fast evaluation
/// (docs/check.md): `ψ_0 = 1`, `ψ_l(x) = √2 sin(2πlx)` (l > 0), `√2 cos(2π|l|x)` (l < 0).
///
/// Term order: blocks in the given order; inside a block the frequencies of its active
/// coordinates (`s_k > 0`, ascending k) in mixed radix, the last active coordinate fastest, each
/// coordinate's frequencies in `FourierBlock.frequencies` order. Every table row
/// `(k, l)` holds `ψ_l(z_k)` for the rows of a chunk, so a term is a product of table rows.
struct TrigonometricLayout: Sendable {
    /// One block, compiled: its active coordinates are the factors `firstFactor ..< firstFactor + depth`
    /// of ``factorStarts``/``factorCounts`` (plain integers, so the kernels walk them without
    /// reference counting).
    struct Block: Sendable {
        /// Index of the block's first factor (active coordinate).
        var firstFactor: Int
        /// Active coordinates of the block (0 for the constant term).
        var depth: Int
        /// Index of the block's first term.
        var firstTerm: Int
        /// Number of terms, the product of its factors' counts.
        var termCount: Int
    }

    /// Table-row indices of every factor, concatenated: factor f (one active coordinate of a block,
    /// frequency order) owns `factorRows[factorStarts[f] ..< factorStarts[f] + factorCounts[f]]`.
    let factorRows: [Int]
    /// Where each factor's rows start in ``factorRows``.
    let factorStarts: [Int]
    /// How many rows (frequencies) each factor has.
    let factorCounts: [Int]

    /// K: coordinates of `z`.
    let coordinateCount: Int
    /// `M_k = max |l_k|` over the terms.
    let maxFrequency: [Int]
    /// Table row of `(k, l)` is `tableBase[k] + M_k + l`.
    let tableBase: [Int]
    /// Σ_k (2M_k + 1).
    let tableRows: Int
    /// The compiled blocks, in term order.
    let blocks: [Block]
    /// Total number of terms.
    let termCount: Int

    /// Compiles blocks given by their `s` vectors (each of length `coordinateCount`).
    init(blocks sList: [[Int]], coordinateCount: Int) {
        self.coordinateCount = coordinateCount
        var maxS = [Int](repeating: 0, count: coordinateCount)
        for s in sList { for k in 0..<coordinateCount { maxS[k] = max(maxS[k], s[k]) } }
        let maxFrequency = maxS.map { $0 == 0 ? 0 : (1 << $0) - 1 }
        self.maxFrequency = maxFrequency
        var base: [Int] = []
        var total = 0
        for m in maxFrequency { base.append(total); total += 2 * m + 1 }
        tableBase = base
        tableRows = total
        var compiled: [Block] = []
        var rows: [Int] = [], starts: [Int] = [], counts: [Int] = []
        var first = 0
        for s in sList {
            let firstFactor = starts.count
            var count = 1
            for k in 0..<coordinateCount where s[k] > 0 {
                let factor = FourierBlock.frequencies(s[k]).map { base[k] + maxFrequency[k] + $0 }
                starts.append(rows.count)
                counts.append(factor.count)
                rows += factor
                count *= factor.count
            }
            compiled.append(Block(firstFactor: firstFactor, depth: starts.count - firstFactor, firstTerm: first, termCount: count))
            first += count
        }
        blocks = compiled
        factorRows = rows
        factorStarts = starts
        factorCounts = counts
        termCount = first
    }

    /// The factor lists as raw pointers, valid inside `body`: the evaluation kernels index them
    /// without retaining arrays per block and row chunk.
    struct Factors {
        let rows: UnsafeBufferPointer<Int>
        let starts: UnsafeBufferPointer<Int>
        let counts: UnsafeBufferPointer<Int>
        /// The table rows of factor `f`.
        @inline(__always) func rows(of f: Int) -> UnsafeBufferPointer<Int> {
            UnsafeBufferPointer(rebasing: rows[starts[f] ..< starts[f] + counts[f]])
        }
    }

    /// Calls `body` with ``Factors`` over this layout's arrays.
    func withFactors<R>(_ body: (Factors) -> R) -> R {
        factorRows.withUnsafeBufferPointer { rows in
            factorStarts.withUnsafeBufferPointer { starts in
                factorCounts.withUnsafeBufferPointer { counts in body(Factors(rows: rows, starts: starts, counts: counts)) }
            }
        }
    }

    /// Fills `tables[row · stride + r] = ψ_l(z_k)` for table row `(k, l)` and chunk rows
    /// `r < count`, where `z_k` of chunk row r is `coordinates[(r) · K + k]`.
    ///
    /// Angle addition: with `c_m = cos(2πmz)`, `s_m = sin(2πmz)`,
    /// `c_{m+1} = c_m c_1 − s_m s_1`, `s_{m+1} = s_m c_1 + c_m s_1` — one sin/cos per coordinate
    /// and row.
    func fillTables(coordinates: UnsafePointer<Double>, count: Int, tables: UnsafeMutablePointer<Double>,
                    stride: Int, scratch: UnsafeMutablePointer<Double>) {
        let K = coordinateCount
        let root2 = 2.0.squareRoot()
        let c1 = scratch, s1 = scratch + stride, cm = scratch + 2 * stride, sm = scratch + 3 * stride
        for k in 0..<K {
            let m = maxFrequency[k]
            let zero = tables + (tableBase[k] + m) * stride
            for r in 0..<count { zero[r] = 1 }
            if m == 0 { continue }
            for r in 0..<count {
                let angle = 2 * Double.pi * coordinates[r * K + k]
                c1[r] = cos(angle); s1[r] = sin(angle)
                cm[r] = c1[r]; sm[r] = s1[r]
            }
            for l in 1...m {
                if l > 1 {
                    for r in 0..<count {
                        let c = cm[r] * c1[r] - sm[r] * s1[r]
                        let s = sm[r] * c1[r] + cm[r] * s1[r]
                        cm[r] = c; sm[r] = s
                    }
                }
                let positive = zero + l * stride, negative = zero - l * stride
                for r in 0..<count {
                    positive[r] = root2 * sm[r]
                    negative[r] = root2 * cm[r]
                }
            }
        }
    }

    /// `out[r] += Σ_{terms j of blocks[range]} coefficients[j] · ψ_j(z_r)` for `r < count`.
    ///
    /// Per block: prefix products over all but the last active coordinate, then
    /// `acc = Σ_l c_l ψ_l(z_last)` and `out += prefix · acc` — one multiply-add per term and row.
    func accumulate(blocks range: Range<Int>, coefficients: UnsafePointer<Double>,
                    tables: UnsafePointer<Double>, stride: Int, count: Int,
                    out: UnsafeMutablePointer<Double>, work: UnsafeMutablePointer<Double>, factors: Factors) {
        for b in range {
            let block = blocks[b]
            if block.depth == 0 {
                let c = coefficients[block.firstTerm]
                for r in 0..<count { out[r] += c }
                continue
            }
            // work: acc (stride), then one prefix buffer per depth level.
            let acc = work
            let last = factors.rows(of: block.firstFactor + block.depth - 1)
            forEachPrefix(of: block, factors: factors, tables: tables, stride: stride, count: count, work: work) { prefix, base in
                for r in 0..<count { acc[r] = 0 }
                for (j, row) in last.enumerated() {
                    let c = coefficients[block.firstTerm + base + j]
                    if c == 0 { continue }
                    let t = tables + row * stride
                    for r in 0..<count { acc[r] += c * t[r] }
                }
                if let prefix {
                    for r in 0..<count { out[r] += prefix[r] * acc[r] }
                } else {
                    for r in 0..<count { out[r] += acc[r] }
                }
            }
        }
    }

    /// Calls `leaf(prefix, base)` once per combination of the terms of every active coordinate of
    /// `block` but the last: `prefix[r] = ∏ ψ_{l_i}(z_{r,i})` over those coordinates (`nil` when the
    /// block has a single active coordinate) and `base` = the offset, within the block, of the
    /// combination's first term (the last coordinate's terms follow it contiguously). Prefix
    /// buffers live in `work + (d+1)·stride`, so `work[0..<stride]` stays free for the leaf.
    @inline(__always)
    func forEachPrefix(of block: Block, factors: Factors, tables: UnsafePointer<Double>, stride: Int, count: Int,
                       work: UnsafeMutablePointer<Double>, _ leaf: (UnsafePointer<Double>?, Int) -> Void) {
        let depth = block.depth, first = block.firstFactor
        func level(_ d: Int, _ prefix: UnsafePointer<Double>?, _ base: Int) {
            if d == depth - 1 { leaf(prefix, base); return }
            let next = work + (d + 1) * stride
            let radix = factors.counts[first + d + 1]
            for (j, row) in factors.rows(of: first + d).enumerated() {
                Self.multiply(prefix, tables + row * stride, into: next, count: count)
                level(d + 1, UnsafePointer(next), (base + j) * radix)
            }
        }
        level(0, nil, 0)
    }

    /// `out[r] = prefix[r] · t[r]` for `r < count` (or `t[r]` when there is no prefix): one
    /// step of the product `ψ_{l_1}(z_1) ⋯ ψ_{l_k}(z_k)` over the active coordinates.
    @inline(__always)
    static func multiply(_ prefix: UnsafePointer<Double>?, _ t: UnsafePointer<Double>,
                         into out: UnsafeMutablePointer<Double>, count: Int) {
        if let prefix {
            for r in 0..<count { out[r] = prefix[r] * t[r] }
        } else {
            out.update(from: t, count: count)
        }
    }

    /// Writes the design matrix: `design[(j − firstColumn) · ld + r] = ψ_j(z_r)` for the terms j
    /// of `blocks[range]` (`firstColumn` = first term of the range) and `r < count`.
    func design(blocks range: Range<Int>, tables: UnsafePointer<Double>, stride: Int, count: Int,
                into design: UnsafeMutablePointer<Double>, ld: Int, work: UnsafeMutablePointer<Double>, factors: Factors) {
        guard let firstBlock = range.first else { return }
        let firstColumn = blocks[firstBlock].firstTerm
        for b in range {
            let block = blocks[b]
            if block.depth == 0 {
                let column = design + (block.firstTerm - firstColumn) * ld
                for r in 0..<count { column[r] = 1 }
                continue
            }
            let last = factors.rows(of: block.firstFactor + block.depth - 1)
            forEachPrefix(of: block, factors: factors, tables: tables, stride: stride, count: count, work: work) { prefix, base in
                for (j, row) in last.enumerated() {
                    let column = design + (block.firstTerm + base + j - firstColumn) * ld
                    Self.multiply(prefix, tables + row * stride, into: column, count: count)
                }
            }
        }
    }

    /// Doubles of scratch the kernels need per chunk: tables, 4 recurrence rows, and
    /// `K + 1` work rows (accumulator and one prefix per depth), each of `stride` values.
    func scratchSize(stride: Int) -> Int { (tableRows + 4 + coordinateCount + 1) * stride }
}
