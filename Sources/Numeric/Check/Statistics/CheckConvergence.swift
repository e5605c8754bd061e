import Foundation

/// How an estimator's training runs ended (docs/check.md, "Training to convergence"): how many
/// stopped on a plateau of the validation error (converged), on the step cap while still
/// improving (not converged) or were interrupted, and how the final training MSE compares with
/// the noise level σ².
public struct CheckConvergence: Sendable, Equatable {
    /// Runs with a training record.
    public var runs: Int
    /// Runs that stopped on a plateau.
    public var plateau: Int
    /// Runs that reached the step cap while still improving, as `n seed r` keys, in canonical order.
    public var budget: [CheckRunKey]
    /// Runs ended by Ctrl-C.
    public var interrupted: Int
    /// Mean optimiser steps per run.
    public var meanSteps: Double
    /// Mean of `final training MSE / σ²` (1 ± `2·√(2/rows)` is a fit at the noise level; below,
    /// overfitting; above, underfitting or bias); NaN when σ = 0.
    public var meanTrainRatio: Double
    /// Mean of the sampling error `√(2/rows)` of that ratio for pure noise.
    public var ratioSamplingError: Double

    /// Summarises the training records of `runs` (runs without one are ignored); `nil` when none has one.
    init?(runs: [CheckRunRecord], noise: Double) {
        let trained = runs.filter { $0.training != nil }
        guard !trained.isEmpty else { return nil }
        let records = trained.map { $0.training! }
        self.runs = trained.count
        plateau = records.filter { $0.stopReason == .plateau }.count
        budget = trained.filter { $0.training!.stopReason == .budget }.map(\.key)
        interrupted = records.filter { $0.stopReason == .interrupted }.count
        meanSteps = Double(records.map(\.steps).reduce(0, +)) / Double(records.count)
        let variance = noise * noise
        meanTrainRatio = variance > 0 ? records.map { $0.finalTrainMSE / variance }.reduce(0, +) / Double(records.count) : .nan
        ratioSamplingError = records.map { (2 / Double(max(1, $0.trainingRows))).squareRoot() }.reduce(0, +) / Double(records.count)
    }

    /// Whether every run stopped on a plateau.
    public var converged: Bool { budget.isEmpty && interrupted == 0 }

    /// e.g. `18 of 18 runs stopped on a plateau (mean 2,310 steps); final training MSE/σ² = 0.97 (±0.01)`.
    public var summary: String {
        var parts = ["\(plateau) of \(runs) runs stopped on a plateau"]
        if !budget.isEmpty {
            let largest = budget.map(\.n).max()!
            parts.append("\(budget.count) on the step cap while still improving (\(budget.filter { $0.n == largest }.count) at n = \(largest))")
        }
        if interrupted > 0 { parts.append("\(interrupted) interrupted") }
        let ratio = meanTrainRatio.isFinite
            ? "; final training MSE/σ² = \(CheckNumberFormat.short(meanTrainRatio)) (noise alone: 1 ± \(CheckNumberFormat.short(2 * ratioSamplingError)))" : ""
        return parts.joined(separator: ", ") + " (mean \(Int(meanSteps.rounded())) steps)" + ratio
    }
}
