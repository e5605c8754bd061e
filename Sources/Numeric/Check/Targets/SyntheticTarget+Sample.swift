extension SyntheticTarget {
    /// Draws `sequences` sequences of `length` tokens and their targets (docs/check.md), all from
    /// `RandomSource(seed:)`: per sequence, token by token, the features `U[0,1]` (rounded to Float;
    /// g sees exactly the Float values the networks see) — for the piecewise class followed by the
    /// token's importance level, from which its key (last feature) is solved (`PiecewiseTokens`) —
    /// then the noise `ξ_r ~ N(0,1)` row by row: `y_r = g(z_r) + σ ξ_r`.
    ///
    /// γ-smooth: `z_{i·columns+j} = x_{t−i, j}` for `t ≥ rows − 1`. Piecewise: the window
    /// `x_{t−V+1..t}` ranked by decreasing importance level; `z_{i·columns+j}` = feature j of rank i.
    /// Requires `length > firstTargetPosition`.
    public func sample(sequences: Int, length: Int, noise: Double, seed: UInt64,
                       parallelism: Parallelism = .serial) -> TargetSample {
        let t0 = firstTargetPosition
        precondition(length > t0, "sequence length \(length) must exceed the first target position \(t0)")
        precondition(sequences >= 0, "sequence count must be ≥ 0")
        let d = tokenDimension
        let columns = smoothness.columns, ranks = smoothness.rows
        let K = coordinateCount
        let perSequence = length - t0
        let rows = sequences * perSequence
        var random = RandomSource(seed: seed)
        var inputs = [Float](repeating: 0, count: sequences * length * d)
        var coordinates = [Double](repeating: 0, count: rows * K)
        let piecewise = functionClass == .piecewise
        var levels = [Int](repeating: 0, count: piecewise ? length : 0)
        for i in 0..<sequences {
            for t in 0..<length {
                let base = (i * length + t) * d
                for j in 0..<columns { inputs[base + j] = Float(random.uniform()) }
                if piecewise {
                    levels[t] = PiecewiseTokens.nextLevel(after: levels[max(0, t - window + 1)..<t], window: window,
                                                          random: &random)
                    let mu = PiecewiseTokens.importance(level: levels[t], window: window)
                    inputs[base + d - 1] = Float(PiecewiseTokens.key(importance: mu, firstFeature: Double(inputs[base])))
                }
            }
            for t in t0..<length {
                let row = i * perSequence + (t - t0)
                let positions: [Int]
                if piecewise {
                    let ranked = PiecewiseTokens.ranked(position: t, window: window) { levels[$0] }
                    positions = Array(ranked.prefix(ranks))
                } else {
                    positions = (0..<ranks).map { t - $0 }
                }
                for (rank, p) in positions.enumerated() {
                    for j in 0..<columns {
                        coordinates[row * K + rank * columns + j] = Double(inputs[(i * length + p) * d + j])
                    }
                }
            }
        }
        let values = evaluate(coordinates: coordinates, rows: rows, parallelism: parallelism)
        var clean = [Double](repeating: 0, count: sequences * length)
        var noisy = [Double](repeating: 0, count: rows)
        var targets = [Float](repeating: 0, count: sequences * length)
        for r in 0..<rows {
            let i = r / perSequence, t = t0 + r % perSequence
            clean[i * length + t] = values[r]
            noisy[r] = values[r] + noise * random.normal()
            targets[i * length + t] = Float(noisy[r])
        }
        let dataset = SequenceDataset(count: sequences, length: length, tokenDimension: d, inputs: inputs,
                                      targets: targets, firstTargetPosition: t0)
        return TargetSample(dataset: dataset, clean: clean, coordinates: coordinates, noisy: noisy, rows: rows)
    }
}
