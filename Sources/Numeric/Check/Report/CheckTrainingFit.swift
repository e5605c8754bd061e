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
    init?(runs: [CheckRunRecord], noise: Double) {
        let variance = noise * noise
        guard variance > 0, variance.isFinite,
              let largest = runs.filter({ $0.training != nil }).map(\.n).max() else { return nil }
        let training = runs.filter { $0.n == largest }.compactMap(\.training)
        n = largest
        meanRatio = training.map { $0.finalTrainMSE / variance }.reduce(0, +) / Double(training.count)
        band = training.map { 2 * (2 / Double(max(1, $0.trainingRows))).squareRoot() }.reduce(0, +) / Double(training.count)
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
