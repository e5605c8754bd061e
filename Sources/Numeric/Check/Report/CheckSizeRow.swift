import Foundation

/// One row of an estimator's table in the check report: the runs at one sample size n.
///
/// Spread is given two ways: `min–max` of the test MSE (what the plot's error bars show)
/// and the sample standard deviation of `ln MSE` (the scale on which the fit works; it
/// reads as a relative spread, 0.1 ≈ ±10%).
public struct CheckSizeRow: Sendable, Equatable {
    /// Sample size n.
    public var n: Int
    /// Number of runs at n.
    public var runs: Int
    /// Arithmetic mean of the test MSE over the runs.
    public var meanMSE: Double
    /// Smallest test MSE over the runs.
    public var minMSE: Double
    /// Largest test MSE over the runs.
    public var maxMSE: Double
    /// Sample standard deviation `√(Σ(ln MSE − mean)² / (runs − 1))` of `ln MSE`; NaN for a
    /// single run or when some MSE is not positive.
    public var sdLogMSE: Double
    /// Mean wall-clock seconds of fitting.
    public var meanSeconds: Double

    /// Summarises runs that share n (at least one).
    init(n: Int, records: [CheckRunRecord]) {
        let mse = records.map(\.testMSE)
        let count = Double(records.count)
        self.n = n
        runs = records.count
        meanMSE = mse.reduce(0, +) / count
        minMSE = mse.min() ?? .nan
        maxMSE = mse.max() ?? .nan
        meanSeconds = records.map(\.seconds).reduce(0, +) / count
        if records.count >= 2, mse.allSatisfy({ $0 > 0 && $0.isFinite }) {
            let logs = mse.map { Foundation.log($0) }
            let mean = logs.reduce(0, +) / count
            sdLogMSE = (logs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (count - 1)).squareRoot()
        } else {
            sdLogMSE = .nan
        }
    }
}
