import CBLAS
import Foundation

/// Normal equations `G = ΦᵀΦ`, `b = Φᵀy`, `yᵀy` (Float64) over a set of rows, grown column block
/// by column block (docs/check.md oracle): rows are processed in chunks of `chunkRows`; each chunk's
/// design matrix `Φ` (column-major, one column per basis function) is built from the per-row
/// sin/cos tables on the team's threads, then, for fixed slabs of 128 new columns in parallel, BLAS adds
/// `Φᵀ Φ[:, slab]` to `G[:, slab]` (`cblas_dgemm` for the rows above the slab, `cblas_dsyrk` for its
/// diagonal block) and `Φ[:, slab]ᵀ y` to `b[slab]` (`cblas_dgemv`). Every entry is computed by the
/// same call whatever the thread count, so the result is deterministic. OpenBLAS must be
/// single-threaded (`LeastSquaresOracle.fit` sees to it).
/// No `rows × P` matrix is ever held. `G` is column-major with leading dimension `capacity`;
/// its upper triangle `G[i, j], i ≤ j < size` is valid. Extending past `capacity` reallocates `G`
/// to the new size (the valid triangle is copied; the arithmetic, and so every bit, is the same), so
/// memory follows the basis the search reaches: `8·P²` bytes for `G`, not the largest candidate's.
/// With `route` `.automatic`, an extension whose basis has a small frequency grid is computed from
/// the sample's trigonometric moments instead (`GramAccumulator+Moments.swift`, ``TrigonometricMoments``):
/// the same matrix up to rounding, at a cost of rows × grid instead of rows·P²/2.
final class GramAccumulator {
    /// Rows per BLAS chunk.
    static let chunkRows = 1024
    /// New columns per BLAS call; slabs run concurrently.
    static let slabColumns = 128

    /// Leading dimension of `gram`: the basis size it is allocated for (grown by `extend`).
    private(set) var capacity: Int
    /// Basis size accumulated so far.
    private(set) var size = 0
    /// `G = ΦᵀΦ`, column-major, upper triangle valid.
    var gram: [Double]
    /// `b = Φᵀy`.
    var moment: [Double]
    /// `yᵀy` over the rows.
    let squaredTargets: Double
    /// Number of rows accumulated.
    let rowCount: Int

    /// The sample rows, in accumulation order.
    let rowIndices: [Int]
    /// Design-matrix products or moments (`GramAccumulator+Moments.swift`).
    let route: GramRoute

    /// Accumulates over the sample rows `rowIndices` (in that order); `G` is allocated for
    /// `capacity` terms at first and grows when `extend` goes further.
    init(rowIndices: [Int], capacity: Int, targets: [Double], route: GramRoute = .automatic) {
        LinearAlgebraThreads.ensureSingle()
        self.rowIndices = rowIndices
        self.route = route
        squaredTargets = rowIndices.reduce(0) { $0 + targets[$1] * targets[$1] }
        self.rowCount = rowIndices.count
        self.capacity = max(capacity, 1)
        gram = [Double](repeating: 0, count: self.capacity * self.capacity)
        moment = [Double](repeating: 0, count: self.capacity)
    }

    /// Extends the accumulated basis from the current `size` to the first `blockCount` blocks of
    /// `layout` (`newSize` terms), on the threads of `team`.
    func extend(to newSize: Int, blockCount: Int, layout: TrigonometricLayout,
                coordinates: [Double], targets: [Double], team: ThreadTeam) {
        precondition(newSize >= size)
        if newSize > capacity { grow(to: newSize) }
        let oldSize = size
        let added = newSize - oldSize
        if added == 0 || rowCount == 0 { size = newSize; return }
        if let (moments, frequencies) = momentRoute(to: newSize, layout: layout) {
            extendByMoments(to: newSize, moments: moments, frequencies: frequencies, coordinates: coordinates,
                            targets: targets, team: team)
            size = newSize
            return
        }
        let K = layout.coordinateCount
        let R = Self.chunkRows
        let sub = TrigonometricLayout.chunkRows
        let workers = team.threads
        let scratchCount = layout.scratchSize(stride: sub)
        let scratch = (0..<workers).map { _ in UnsafeMutablePointer<Double>.allocate(capacity: scratchCount) }
        defer { scratch.forEach { $0.deallocate() } }
        let design = UnsafeMutablePointer<Double>.allocate(capacity: R * newSize)
        defer { design.deallocate() }
        let z = UnsafeMutablePointer<Double>.allocate(capacity: R * K)
        defer { z.deallocate() }
        let y = UnsafeMutablePointer<Double>.allocate(capacity: R)
        defer { y.deallocate() }
        let designShared = design
        let zShared = UnsafePointer(z)
        var start = 0
        while start < rowCount {
            let count = min(R, rowCount - start)
            for r in 0..<count {
                let row = rowIndices[start + r]
                for k in 0..<K { z[r * K + k] = coordinates[row * K + k] }
                y[r] = targets[row]
            }
            let subChunks = (count + sub - 1) / sub
            layout.withFactors { factors in
                team.forEachPiece(min(workers, subChunks)) { worker in
                    let tables = scratch[worker]
                    let recurrence = tables + layout.tableRows * sub
                    let work = recurrence + 4 * sub
                    var piece = worker
                    while piece < subChunks {
                        let first = piece * sub
                        let n = min(sub, count - first)
                        layout.fillTables(coordinates: zShared + first * K, count: n, tables: tables, stride: sub,
                                          scratch: recurrence)
                        layout.design(blocks: 0..<blockCount, tables: tables, stride: sub, count: n,
                                      into: designShared + first, ld: count, work: work, factors: factors)
                        piece += min(workers, subChunks)
                    }
                }
            }
            // Fixed slabs of new columns, so every entry of G is computed by the same BLAS call
            // whatever the number of cores; OpenBLAS itself runs single-threaded inside a slab.
            let slabs = (added + Self.slabColumns - 1) / Self.slabColumns
            let ld = capacity
            let yShared = UnsafePointer(y)
            gram.withUnsafeMutableBufferPointer { g in
                moment.withUnsafeMutableBufferPointer { m in
                    let gBase = g.baseAddress!, mBase = m.baseAddress!
                    team.forEachPiece(slabs) { slab in
                        let c0 = oldSize + slab * Self.slabColumns
                        let width = min(Self.slabColumns, newSize - c0)
                        let columns = designShared + c0 * count
                        // G[0..<c0, c0..<c0+width] += Φ[:, 0..<c0]ᵀ Φ[:, c0..<c0+width]
                        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(c0), Int32(width), Int32(count),
                                    1, designShared, Int32(count), columns, Int32(count),
                                    1, gBase + c0 * ld, Int32(ld))
                        // upper triangle of G[c0..<c0+width, c0..<c0+width] += Φ[:, slab]ᵀ Φ[:, slab]
                        cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(width), Int32(count),
                                    1, columns, Int32(count), 1, gBase + c0 * ld + c0, Int32(ld))
                        // b[slab] += Φ[:, slab]ᵀ y
                        cblas_dgemv(CblasColMajor, CblasTrans, Int32(count), Int32(width), 1, columns,
                                    Int32(count), yShared, 1, 1, mBase + c0, 1)
                    }
                }
            }
            start += count
        }
        size = newSize
    }

    /// Reallocates `gram` with leading dimension `newCapacity`, keeping the valid upper triangle.
    private func grow(to newCapacity: Int) {
        var grown = [Double](repeating: 0, count: newCapacity * newCapacity)
        for j in 0..<size { for i in 0...j { grown[j * newCapacity + i] = gram[j * capacity + i] } }
        gram = grown
        moment += [Double](repeating: 0, count: newCapacity - capacity)
        capacity = newCapacity
    }
}
