/// Which candidate levels a validation search may reach, by the route their Gram matrices take
/// (docs/targets-and-oracle.md, "The oracle's basis limit").
extension OracleBasis {
    /// The largest basis the design-matrix products route reaches in a validation search: its Gram
    /// matrices cost `rows·P²/2` multiply-adds (about 4·10¹² at 491,520 rows: minutes), so past it
    /// only candidates whose frequency grid the moments route takes are kept.
    static let productsRouteBasisLimit = 3000

    /// These candidates, cut at the first one past ``productsRouteBasisLimit`` functions whose
    /// frequency grid exceeds ``TrigonometricMoments/maximumGridSize`` (all of them past the limit
    /// for `.products`); the grid grows with the prefix, so the rest are past it too.
    func reachable(coordinateCount K: Int, route: GramRoute) -> OracleBasis {
        guard let last = candidates.last, last.size > Self.productsRouteBasisLimit else { return self }
        let layout = TrigonometricLayout(blocks: blocks.map(\.s), coordinateCount: K)
        let frequencies = TrigonometricMoments.termFrequencies(layout: layout, count: last.size)
        var kept: [Candidate] = []
        var largest = [Int](repeating: 0, count: K)
        var scanned = 0
        for candidate in candidates {
            if candidate.size > Self.productsRouteBasisLimit {
                if route == .products { break }
                for j in scanned..<candidate.size { for k in 0..<K { largest[k] = max(largest[k], abs(frequencies[j * K + k])) } }
                scanned = candidate.size
                let grid = largest.reduce(1) { $0 * (4 * $1 + 1) }
                if grid > TrigonometricMoments.maximumGridSize { break }
            }
            kept.append(candidate)
        }
        let blockCount = kept.last?.blockCount ?? 0
        return OracleBasis(blocks: Array(blocks.prefix(blockCount)), candidates: kept)
    }
}
