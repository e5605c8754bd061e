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

    /// Summarises `runs` (already in canonical order) against theory r and the band, with the
    /// efficiency against the oracle when given. The verdict is `inconclusive` when a run stopped
    /// on the step cap while still improving; the explanation names the interval, the band, the
    /// efficiency trend and the convergence.
    init(estimator: CheckEstimator, runs: [CheckRunRecord], theory: Rational, band: CheckLogBand,
         bootstrapSamples: Int, seed: UInt64, noise: Double, efficiency: CheckEfficiency? = nil) {
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
        if let fit, let interval = fit.interval {
            (verdict, explanation) = CheckVerdict.classify(interval: interval, theory: theory, band: band)
            if let convergence, !convergence.budget.isEmpty {
                verdict = .inconclusive
                explanation = "inconclusive: not converged (raise --epochs): \(convergence.budget.count) of \(convergence.runs) runs were still improving at the step cap, so r̂ is not the trained estimator's; the interval alone would say " + explanation
            }
        } else if fit != nil {
            verdict = .notEnoughData
            explanation = "not enough data: one run at each of \(distinct) sizes n gives no interval (a t-interval needs ≥ 3 points; add seeds or sizes)"
        } else {
            verdict = .notEnoughData
            explanation = "not enough data: usable runs at \(distinct) distinct n (a slope needs ≥ 2)"
        }
        if let efficiency { explanation += "; efficiency: " + efficiency.explanation }
        if let convergence { explanation += "; convergence: " + convergence.summary }
    }
}

import Bounds
