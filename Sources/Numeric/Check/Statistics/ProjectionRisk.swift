import Foundation

/// The risk of the ideal projection estimator on the target's own basis (docs/check.md,
/// "Efficiency against the oracle"):
///
///     R(n) = min_P [ ‖f − Π_P f‖² + σ² · P / N ],   N = n · positions per sequence,
///
/// the minimum over the target's levels (`CheckTargetLevel`) of squared bias plus the variance of
/// least squares with P functions on N noisy rows. With integer smoothness the levels come in
/// coarse steps, so the local slope of R over a finite grid can differ from the asymptotic r; an
/// estimator that needs c times more data has risk `R(n/c)` and shows the slope of that curve.
public struct ProjectionRisk: Sendable {
    /// The target's levels (size P and missed energy), as the report carries them.
    public let levels: [CheckTargetLevel]
    /// σ², the label noise variance.
    public let noiseVariance: Double
    /// Rows (positions with a target) per training sequence.
    public let positionsPerSequence: Int

    /// A risk curve; `nil` without a profile or without positions.
    public init?(levels: [CheckTargetLevel], noise: Double, positionsPerSequence: Int) {
        guard !levels.isEmpty, positionsPerSequence > 0 else { return nil }
        self.levels = levels
        noiseVariance = noise * noise
        self.positionsPerSequence = positionsPerSequence
    }

    /// R(n) for a (possibly fractional) number of training sequences n > 0.
    public func risk(n: Double) -> Double {
        let rows = n * Double(positionsPerSequence)
        return levels.map { $0.tailEnergy + noiseVariance * Double($0.basisSize) / rows }.min()!
    }

    /// The exponent an estimator with risk `R(n/c)` shows on `sizes`: minus the OLS slope of
    /// `ln R(n/c)` on `ln n`; `nil` with fewer than 2 distinct sizes.
    public func localExponent(sizes: [Int], efficiency c: Double) -> Double? {
        let x = sizes.map { Foundation.log(Double($0)) }
        let y = sizes.map { Foundation.log(risk(n: Double($0) / c)) }
        return OrdinaryLeastSquares(x: x, y: y).map { -$0.slope }
    }
}
