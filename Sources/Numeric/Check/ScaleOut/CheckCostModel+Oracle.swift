/// The oracle's share of ``CheckCostModel``: its Gram matrices stage by stage, on the route the fit
/// takes for each (``GramAccumulator``), and the stages' Cholesky factors.
extension CheckCostModel {
    /// Rows of the oracle's Gram matrices at n: the training and held-out positions of the
    /// validation split, or all positions (as `train`, `held` = 0) with `--oracle-level theory`.
    func oracleRows(n: Int) -> (train: Int, held: Int) {
        let positions = sizing.positionsPerSequence
        if settings.oracleLevel == .theory { return (n * positions, 0) }
        let held = validationSequenceCount(of: n, fraction: CheckRunner.oracleValidationFraction)
        return ((n - held) * positions, held * positions)
    }

    /// Estimated single-core seconds of the oracle's fit at n (without the data):
    /// `Σ_rows Σ_stages gram(rows, P_{i−1} → P_i) + c_factor · Σ P_i³`.
    func oracleSeconds(n: Int) -> Double {
        let stages = oracleStages(n: n)
        guard let largest = stages.last, largest > 0 else { return 0 }
        // Every stage is a candidate's size, so the candidates up to the largest are its blocks.
        let basis = OracleBasis.candidates(target: target, cap: largest)
        let layout = TrigonometricLayout(blocks: basis.blocks.map(\.s), coordinateCount: target.coordinateCount)
        let (train, held) = oracleRows(n: n)
        var seconds = 0.0
        for rows in [train, held] where rows > 0 {
            var old = 0
            for size in stages {
                seconds += oracleGramSeconds(rows: rows, from: old, to: size, layout: layout)
                old = size
            }
        }
        return seconds + constants.oracleFactor * stages.reduce(0) { $0 + Double($1) * Double($1) * Double($1) }
    }

    /// Seconds to grow a Gram matrix of `rows` rows from `oldSize` to `newSize` columns of `layout`,
    /// on the route `GramAccumulator` takes: moments `c_moment·rows·grid + c_entry·2^K·ΔP²/2`, or
    /// products `c_gram·rows·ΔP² + c_basis·rows·P` (the chunk's design holds all P columns).
    func oracleGramSeconds(rows: Int, from oldSize: Int, to newSize: Int, layout: TrigonometricLayout) -> Double {
        let frequencies = TrigonometricMoments.termFrequencies(layout: layout, count: newSize)
        let moments = TrigonometricMoments(frequencies: frequencies, coordinateCount: layout.coordinateCount)
        let added = Double(newSize) * Double(newSize) - Double(oldSize) * Double(oldSize)
        if moments.isCheaper(rows: rows, oldSize: oldSize, newSize: newSize) {
            return constants.oracleMoment * Double(rows) * Double(moments.gridSize)
                + constants.oracleEntry * Double(1 << layout.coordinateCount) * added / 2
        }
        return constants.oracleGram * Double(rows) * added + constants.oracleBasis * Double(rows) * Double(newSize)
    }
}
