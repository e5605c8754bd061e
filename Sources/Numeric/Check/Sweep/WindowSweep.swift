import Bounds
import Foundation

/// The window sweep of the piecewise class (docs/check.md, "Window sweep"): at one fixed n,
/// every estimator is trained for each window V of a list, with R replicates, and its test
/// MSE is reported against V.
///
/// The target's g is the same for every V (its coefficients come from the master seed alone);
/// only the window in which the tokens are ranked changes. An estimator that selects tokens
/// by their importance (ssm, transformer, and the oracle, which is given the selected
/// coordinates) faces the same regression problem for every V; the FNN on the flattened last
/// V tokens has to find the selected tokens among V of them, a harder problem as V grows.
///
/// Each V is an ordinary `CheckSettings` (window = V, sample sizes = [n]) run by `CheckRunner`,
/// so the sweep trains exactly as `ratecalc check` does.
public struct WindowSweep: Sendable {
    /// The sweep's settings; `window` and `sampleSizes` are replaced per V.
    public let settings: CheckSettings
    /// The windows V, ascending, distinct.
    public let windows: [Int]
    /// The number of training sequences of every run.
    public let n: Int

    /// Checks the sweep: the piecewise class, at least one window, every V ≥ the smoothness's
    /// rows (the ranked tokens) and < L (a position with a full window), n ≥ 2.
    /// - Throws: ``CheckSettingsError`` naming the offending field.
    public init(settings: CheckSettings, smoothness: Smoothness, windows: [Int], n: Int) throws {
        guard settings.functionClass == .piecewise else {
            throw CheckSettingsError(.windows, [.text("the window sweep ("), .name(.windows),
                                                .text(" with several values) needs "),
                                                .name(.functionClass), .text(" piecewise; the γ-smooth class has no window")])
        }
        let sorted = Array(Set(windows)).sorted()
        guard let low = sorted.first, let high = sorted.last else {
            throw CheckSettingsError(.windows, [.name(.windows), .text(": the window sweep needs at least one window")])
        }
        guard low >= smoothness.rows else {
            throw CheckSettingsError(.windows, [.name(.windows), .text(" (\(low)) must be at least the number of ranked tokens, the smoothness rows (\(smoothness.rows))")])
        }
        guard high < settings.length else {
            throw CheckSettingsError(.length, [.name(.length), .text(" (\(settings.length)) leaves no position with a target for "),
                                               .name(.windows), .text(" \(high) (the window needs \(high) tokens)")])
        }
        guard n >= 2 else {
            throw CheckSettingsError(.nMax, [.text("the window sweep's n ("), .name(.nMax), .text(") must be an integer ≥ 2, got \(n)")])
        }
        self.settings = settings
        self.windows = sorted
        self.n = n
    }

    /// The settings of the runs at window V: the sweep's, with `window = V`, `sampleSizes = [n]`
    /// and no extra oracle sizes (the sweep compares estimators at one n).
    public func settings(window: Int) -> CheckSettings {
        var result = settings
        result.window = window
        result.sampleSizes = [n]
        result.oracleSizesBelow = 0
        return result
    }

    /// The target at window V: the same g (same level, weights and seed) ranked in windows of V.
    public func target(window: Int, smoothness: Smoothness) throws -> SyntheticTarget {
        try SyntheticTarget(smoothness: smoothness, gamma: settings.gamma, functionClass: .piecewise,
                            level: settings.targetLevel, window: window,
                            weights: settings.weights,
                            seed: CheckSeeds(master: settings.seed).target)
    }

    /// Runs every (V, estimator, replicate), V ascending, and summarises them. `progress` sees
    /// the whole sweep's counts; when `shouldStop` becomes true the run in progress is abandoned
    /// and the report holds the finished runs.
    public func run(smoothness: Smoothness, theoryLevelCoefficient: Rational, threads: Int,
                    progress: (CheckProgress) -> Void = { _ in },
                    shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> WindowSweepReport {
        let plans = windows.map { CheckPlan(settings: settings(window: $0)).runs }
        let total = plans.reduce(0) { $0 + $1.count }
        let started = Date()
        var runs: [WindowSweepRun] = []
        var summary = CheckTargetSummary(termCount: 0, squaredNorm: 0, level: settings.targetLevel)
        for (window, keys) in zip(windows, plans) {
            if shouldStop() { break }
            let target = try target(window: window, smoothness: smoothness)
            summary = CheckTargetSummary(target)
            let runner = CheckRunner(settings: settings(window: window), target: target,
                                     theoryLevelCoefficient: theoryLevelCoefficient, threads: threads)
            let done = runs.count
            let records = try runner.run(keys, progress: { step in
                guard step.current != nil else { return }
                progress(CheckProgress(finished: done + step.finished, total: total, current: step.current,
                                       elapsed: Date().timeIntervalSince(started), running: step.running))
            }, shouldStop: shouldStop)
            runs += records.map { WindowSweepRun(window: window, record: $0) }
        }
        progress(CheckProgress(finished: runs.count, total: total, current: nil, elapsed: Date().timeIntervalSince(started)))
        return WindowSweepReport(sweep: self, smoothness: smoothness, target: summary, runs: runs)
    }
}

/// One finished run of a window sweep: the window V and the run at it.
public struct WindowSweepRun: Sendable, Equatable {
    /// V.
    public var window: Int
    /// The run (estimator, n, replicate, test MSE, seconds, details).
    public var record: CheckRunRecord

    /// Creates a run.
    public init(window: Int, record: CheckRunRecord) {
        self.window = window
        self.record = record
    }
}
