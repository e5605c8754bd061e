/// How ``GramAccumulator`` builds its Gram matrix (docs/targets-and-oracle.md, "The oracle's Gram matrix").
enum GramRoute: Sendable, Equatable {
    /// The cheaper of the two for each extension (``TrigonometricMoments/isCheaper(rows:oldSize:newSize:)``).
    case automatic
    /// Design-matrix products `ΦᵀΦ` (BLAS over chunks of rows): `rows·P²/2` multiply-adds.
    case products
    /// Empirical trigonometric moments (``TrigonometricMoments``), when the grid fits
    /// (``TrigonometricMoments/maximumGridSize``); otherwise products.
    case moments
}

extension GramAccumulator {
    /// The moments for the first `newSize` terms of `layout` if `route` takes that way from `size`.
    func momentRoute(to newSize: Int, layout: TrigonometricLayout) -> (TrigonometricMoments, [Int])? {
        guard route != .products else { return nil }
        let frequencies = TrigonometricMoments.termFrequencies(layout: layout, count: newSize)
        let moments = TrigonometricMoments(frequencies: frequencies, coordinateCount: layout.coordinateCount)
        guard moments.gridSize <= TrigonometricMoments.maximumGridSize else { return nil }
        if route == .automatic && !moments.isCheaper(rows: rowCount, oldSize: size, newSize: newSize) { return nil }
        return (moments, frequencies)
    }

    /// Fills `G[i, j]` (i ≤ j) and `b[j]` for the new columns `size ..< newSize` from the sample's
    /// moments: `G[i, j] = Σ_{choices} ∏_k c_k · S(f)` over the (at most two) terms of every
    /// coordinate's product, `b[j] = 2^{depth/2}·S_y(l_j)`. Columns run on the team's threads;
    /// each entry is one fixed sum, so the result does not depend on the thread count.
    func extendByMoments(to newSize: Int, moments: TrigonometricMoments, frequencies: [Int],
                         coordinates: [Double], targets: [Double], team: ThreadTeam) {
        let K = moments.coordinateCount
        let (s, sy) = moments.moments(rowIndices: rowIndices, coordinates: coordinates, targets: targets, team: team)
        // Per coordinate, the product terms of every pair of frequencies |a|, |b| ≤ M_k.
        let half = moments.gridFrequency.map { $0 / 2 }
        var pairStart = [Int](repeating: 0, count: K)
        var total = 0
        for k in 0..<K { pairStart[k] = total; total += (2 * half[k] + 1) * (2 * half[k] + 1) }
        var offsets = [Int](repeating: 0, count: 2 * total)
        var coefficients = [Double](repeating: 0, count: 2 * total)
        for k in 0..<K {
            let width = 2 * half[k] + 1
            for a in -half[k]...half[k] {
                for b in -half[k]...half[k] {
                    let index = pairStart[k] + (a + half[k]) * width + (b + half[k])
                    let (o1, c1, o2, c2) = moments.productTerms(a, b, coordinate: k)
                    offsets[2 * index] = o1; coefficients[2 * index] = c1
                    offsets[2 * index + 1] = o2; coefficients[2 * index + 1] = c2
                }
            }
        }
        let oldSize = size, ld = capacity
        let workers = team.threads
        let combinations = 1 << K
        let scratch = (0..<workers).map { _ in
            (UnsafeMutablePointer<Int>.allocate(capacity: 2 * combinations), UnsafeMutablePointer<Double>.allocate(capacity: 2 * combinations))
        }
        defer { scratch.forEach { $0.0.deallocate(); $0.1.deallocate() } }
        let root2 = 2.0.squareRoot()
        s.withUnsafeBufferPointer { sBuffer in
            offsets.withUnsafeBufferPointer { offsetBuffer in
                coefficients.withUnsafeBufferPointer { coefficientBuffer in
                    frequencies.withUnsafeBufferPointer { frequencyBuffer in
                        gram.withUnsafeMutableBufferPointer { g in
                            let S = sBuffer.baseAddress!, O = offsetBuffer.baseAddress!, C = coefficientBuffer.baseAddress!
                            let L = frequencyBuffer.baseAddress!, G = g.baseAddress!
                            let pieces = min(workers, newSize - oldSize)
                            team.forEachPiece(pieces) { worker in
                                let (termOffsets, termCoefficients) = scratch[worker]
                                var j = oldSize + worker
                                while j < newSize {
                                    for i in 0...j {
                                        // Expand the product over coordinates: at most 2^K (offset, coefficient) terms.
                                        termOffsets[0] = 0; termCoefficients[0] = 1
                                        var n = 1
                                        for k in 0..<K {
                                            let width = 2 * half[k] + 1
                                            let pair = pairStart[k] + (L[i * K + k] + half[k]) * width + (L[j * K + k] + half[k])
                                            let o1 = O[2 * pair], c1 = C[2 * pair], o2 = O[2 * pair + 1], c2 = C[2 * pair + 1]
                                            var m = n
                                            if c2 != 0 {
                                                for t in 0..<n {
                                                    termOffsets[m] = termOffsets[t] + o2; termCoefficients[m] = termCoefficients[t] * c2
                                                    m += 1
                                                }
                                            }
                                            for t in 0..<n { termOffsets[t] += o1; termCoefficients[t] *= c1 }
                                            n = m
                                        }
                                        var entry = 0.0
                                        for t in 0..<n { entry += termCoefficients[t] * S[termOffsets[t]] }
                                        G[j * ld + i] = entry
                                    }
                                    j += pieces
                                }
                            }
                        }
                    }
                }
            }
        }
        for j in oldSize..<newSize {
            var offset = 0, scale = 1.0
            for k in 0..<K {
                let l = frequencies[j * K + k]
                offset += (l + moments.gridFrequency[k]) * moments.offsetStride[k]
                if l != 0 { scale *= root2 }
            }
            moment[j] = scale * sy[offset]
        }
    }
}
