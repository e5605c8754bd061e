/// Training loss (docs/training-engine.md): `ℓ = (1/(B·(L−t₀))) Σ_b Σ_{t ≥ t₀} (ŷ[b,t] − y[b,t])²`, the mean
/// squared error over the positions that carry a target (t₀ = `firstTargetPosition`).
enum MeanSquaredLoss {
    /// Returns ℓ and writes `∂ℓ/∂ŷ` (zero at positions without a target) into `gradient` when given.
    static func evaluate<T: EngineScalar>(predictions: UnsafePointer<T>, targets: UnsafePointer<T>,
                                          batch: Int, length: Int, firstTargetPosition: Int,
                                          gradient: UnsafeMutablePointer<T>?) -> Double {
        let positions = batch * (length - firstTargetPosition)
        let scale = 2 / T(positions)
        var total: Double = 0
        for b in 0..<batch {
            for t in 0..<length {
                let i = b * length + t
                if t < firstTargetPosition {
                    gradient?[i] = 0
                    continue
                }
                let residual = predictions[i] - targets[i]
                total += Double(residual) * Double(residual)
                gradient?[i] = scale * residual
            }
        }
        return total / Double(positions)
    }

    /// `(1/(n·(L−t₀))) Σ_i Σ_{t ≥ t₀} (ŷ_{i,t} − y_{i,t})²` in Float64 over `count` sequences of
    /// flat `[count][length]` predictions and targets (the test error of a trained model).
    static func mean<Targets: RandomAccessCollection>(predictions: [Float], targets: Targets, count: Int, length: Int,
                                                      firstTargetPosition: Int) -> Double
    where Targets.Element: BinaryFloatingPoint, Targets.Index == Int {
        var total = 0.0
        for i in 0..<count {
            for t in firstTargetPosition..<length {
                let residual = Double(predictions[i * length + t]) - Double(targets[targets.startIndex + i * length + t])
                total += residual * residual
            }
        }
        return total / Double(count * (length - firstTargetPosition))
    }
}
