/// Everything the report says about one estimator: its runs, the table by n, the power-law
/// fit and the verdict against the theory (SPEC §5).
public struct CheckEstimatorSummary: Sendable {
    /// Which estimator.
    public var estimator: CheckEstimator
    /// Its runs in canonical order (n, then replicate index).
    public var runs: [CheckRunRecord]
    /// One row per n, ascending.
    public var rows: [CheckSizeRow]
    /// OLS fit of `ln MSE` on `ln n` with its 95% interval; `nil` with fewer than 2 distinct n.
    public var fit: PowerLawFit?
    /// The verdict (SPEC §5).
    public var verdict: CheckVerdict
    /// One line with the numbers behind the verdict.
    public var explanation: String
    /// Runs left out of the fit because their MSE is not positive and finite (no logarithm).
    public var unusableRuns: Int

    /// Summarises `runs` (already in canonical order) against theory r and the band.
    init(estimator: CheckEstimator, runs: [CheckRunRecord], theory: Rational, band: CheckLogBand,
         bootstrapSamples: Int, seed: UInt64) {
        self.estimator = estimator
        self.runs = runs
        let sizes = Array(Set(runs.map(\.n))).sorted()
        rows = sizes.map { n in CheckSizeRow(n: n, records: runs.filter { $0.n == n }) }
        let usable = runs.filter { $0.testMSE > 0 && $0.testMSE.isFinite }
        unusableRuns = runs.count - usable.count
        let groups = sizes.map { n in (n: n, mse: usable.filter { $0.n == n }.map(\.testMSE)) }
        fit = PowerLawFit.fit(groups: groups, bootstrapSamples: bootstrapSamples, seed: seed)
        let distinct = groups.filter { !$0.mse.isEmpty }.count
        if let fit, let interval = fit.interval {
            (verdict, explanation) = CheckVerdict.classify(interval: interval, theory: theory, band: band)
        } else if fit != nil {
            verdict = .notEnoughData
            explanation = "not enough data: one run at each of \(distinct) sizes n gives no interval (a t-interval needs ≥ 3 points; add seeds or sizes)"
        } else {
            verdict = .notEnoughData
            explanation = "not enough data: usable runs at \(distinct) distinct n (a slope needs ≥ 2)"
        }
    }
}

import Bounds
