/// How well a network fits its own training data at the largest n of a sweep (docs/check.md,
/// "Underfitting"): the mean of `final training MSE / σ²` over the runs at that n, against the noise
/// band `1 ± 2·√(2/rows)` (the sampling error of a training MSE of pure noise).
///
/// A ratio above the band by more than ``underfitMargin`` is bias the network did not learn: its test
/// errors then measure its capacity or optimisation, not a rate, and the verdict is `inconclusive`.
public struct CheckTrainingFit: Sendable, Equatable {
    /// The largest n with training records.
    public var n: Int
    /// Mean of final training MSE / σ² over the runs at n.
    public var meanRatio: Double
    /// `2·√(2/rows)`, averaged over those runs: the half-width of the noise band.
    public var band: Double

    /// How far above the noise band's upper edge a mean ratio must lie to count as underfitting.
    public static let underfitMargin = 0.10

    /// The fit at the largest n of `runs` with a training record; nil when σ = 0 or none has one.
    /// The ratio and its sampling error are ``CheckConvergence``'s, over the runs at that n.
    init?(runs: [CheckRunRecord], noise: Double) {
        guard let largest = runs.filter({ $0.training != nil }).map(\.n).max(),
              let convergence = CheckConvergence(runs: runs.filter { $0.n == largest }, noise: noise),
              convergence.meanTrainRatio.isFinite else { return nil }
        n = largest
        meanRatio = convergence.meanTrainRatio
        band = 2 * convergence.ratioSamplingError
    }

    /// Creates a fit from its parts (tests).
    public init(n: Int, meanRatio: Double, band: Double) {
        self.n = n
        self.meanRatio = meanRatio
        self.band = band
    }

    /// `meanRatio > 1 + band + underfitMargin`.
    public var underfits: Bool { meanRatio > 1 + band + Self.underfitMargin }
}
