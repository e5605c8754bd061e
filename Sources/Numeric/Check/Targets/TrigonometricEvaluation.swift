import Foundation

extension TrigonometricLayout {
    /// Rows per chunk of the evaluation kernels: the tables of a chunk stay in cache.
    static let chunkRows = 64

    /// `f(z_r) = Σ_j coefficients[j] ψ_j(z_r)` for each row of the row-major `rows × K` matrix
    /// `coordinates`, over the blocks `blocks[blockRange]`.
    ///
    /// Rows are processed in chunks of `chunkRows`, chunk `c` on the team's slot `c mod threads`; each
    /// row's arithmetic is the same whatever the split, so the result is deterministic.
    func evaluate(coordinates: [Double], rows: Int, coefficients: [Double],
                  blockRange: Range<Int>? = nil, team: ThreadTeam = .serial) -> [Double] {
        precondition(coordinates.count >= rows * coordinateCount, "coordinates must hold rows × K values")
        var out = [Double](repeating: 0, count: rows)
        if rows == 0 { return out }
        let range = blockRange ?? 0..<blocks.count
        let stride = Self.chunkRows
        let chunks = (rows + stride - 1) / stride
        let workers = max(1, min(team.threads, chunks))
        let K = coordinateCount
        let scratchCount = scratchSize(stride: stride)
        withFactors { factors in
            coordinates.withUnsafeBufferPointer { z in
                coefficients.withUnsafeBufferPointer { c in
                    out.withUnsafeMutableBufferPointer { o in
                        let zBase = z.baseAddress!, cBase = c.baseAddress!, oBase = o.baseAddress!
                        team.forEachPiece(workers) { worker in
                            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: scratchCount)
                            defer { scratch.deallocate() }
                            let tables = scratch
                            let recurrence = scratch + tableRows * stride
                            let work = recurrence + 4 * stride
                            var chunk = worker
                            while chunk < chunks {
                                let start = chunk * stride
                                let count = min(stride, rows - start)
                                fillTables(coordinates: zBase + start * K, count: count, tables: tables,
                                           stride: stride, scratch: recurrence)
                                accumulate(blocks: range, coefficients: cBase, tables: tables, stride: stride,
                                           count: count, out: oBase + start, work: work, factors: factors)
                                chunk += workers
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
