import Bounds

/// Everything the report says about one estimator: its runs, the table by n, the power-law
/// fit and the verdict against the theory (docs/check.md).
public struct CheckEstimatorSummary: Sendable {
    /// Which estimator.
    public var estimator: CheckEstimator
    /// Its runs in canonical order (n, then replicate index).
    public var runs: [CheckRunRecord]
    /// One row per n, ascending.
    public var rows: [CheckSizeRow]
    /// OLS fit of `ln MSE` on `ln n` with its 95% interval; `nil` with fewer than 2 distinct n.
    public var fit: PowerLawFit?
    /// The verdict (docs/check.md).
    public var verdict: CheckVerdict
    /// One line with the numbers behind the verdict.
    public var explanation: String
    /// Runs left out of the fit because their MSE is not positive and finite (no logarithm).
    public var unusableRuns: Int
    /// How the training runs ended (neural estimators only).
    public var convergence: CheckConvergence?
    /// c(n) = n / n_eq against the oracle and its trend (networks, when the oracle ran).
    public var efficiency: CheckEfficiency?
    /// The noiseless run at the largest n (networks, when the sweep ran floors).
    public var floor: CheckApproximationFloor?
    /// How the training runs at the largest n fit their data (networks; nil for σ = 0).
    public var largestFit: CheckTrainingFit?

    /// Summarises `runs` (already in canonical order) against theory r and the band, with the
    /// efficiency against the oracle and the approximation floor when given. The verdict is
    /// `inconclusive` when a run stopped on the step cap while still improving, or when the
    /// network underfits at the largest n (``CheckTrainingFit/underfits``); the explanation names
    /// the interval, the band, the efficiency trend, the floor and the convergence.
    init(estimator: CheckEstimator, runs: [CheckRunRecord], theory: Rational, band: CheckLogBand,
         bootstrapSamples: Int, seed: UInt64, noise: Double, efficiency: CheckEfficiency? = nil,
         floor: CheckApproximationFloor? = nil) {
        self.estimator = estimator
        self.runs = runs
        let sizes = Array(Set(runs.map(\.n))).sorted()
        rows = sizes.map { n in CheckSizeRow(n: n, records: runs.filter { $0.n == n }) }
        let usable = runs.filter { $0.testMSE > 0 && $0.testMSE.isFinite }
        unusableRuns = runs.count - usable.count
        let groups = sizes.map { n in (n: n, mse: usable.filter { $0.n == n }.map(\.testMSE)) }
        fit = PowerLawFit.fit(groups: groups, bootstrapSamples: bootstrapSamples, seed: seed)
        let distinct = groups.filter { !$0.mse.isEmpty }.count
        let convergence = CheckConvergence(runs: runs, noise: noise)
        self.convergence = convergence
        self.efficiency = efficiency
        self.floor = floor
        let largestFit = CheckTrainingFit(runs: runs, noise: noise)
        self.largestFit = largestFit
        if let fit, let interval = fit.interval {
            (verdict, explanation) = CheckVerdict.classify(interval: interval, theory: theory, band: band)
            if let convergence, !convergence.budget.isEmpty {
                verdict = .inconclusive
                explanation = "inconclusive: not converged (raise --epochs): \(convergence.budget.count) of \(convergence.runs) runs were still improving at the step cap, so r̂ is not the trained estimator's; the interval alone would say " + explanation
            } else if let largestFit, largestFit.underfits {
                verdict = .inconclusive
                explanation = "inconclusive: underfits (train MSE/σ² = \(CheckNumberFormat.short(largestFit.meanRatio)) at n = \(largestFit.n); raise --width/--size theory): above the noise band 1 ± \(CheckNumberFormat.short(largestFit.band)) by more than \(CheckNumberFormat.short(CheckTrainingFit.underfitMargin)), so the errors measure what the network fails to fit, not a rate; the interval alone would say " + explanation
            }
        } else if fit != nil {
            verdict = .notEnoughData
            explanation = "not enough data: one run at each of \(distinct) sizes n gives no interval (a t-interval needs ≥ 3 points; add seeds or sizes)"
        } else {
            verdict = .notEnoughData
            explanation = "not enough data: usable runs at \(distinct) distinct n (a slope needs ≥ 2)"
        }
        if let efficiency { explanation += "; efficiency: " + efficiency.explanation }
        if let floor { explanation += "; floor: " + floor.summary }
        if let convergence { explanation += "; convergence: " + convergence.summary }
    }
}
