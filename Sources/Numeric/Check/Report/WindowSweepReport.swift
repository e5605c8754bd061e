import Bounds

/// The result of a window sweep (`ratecalc check --class piecewise --window 4,8,16`): per
/// estimator and window V, the test MSE over the replicates at the sweep's fixed n
/// (docs/check.md, "Window sweep"). Rendered as text, JSON, Markdown, CSV and an SVG plot of
/// MSE against V.
public struct WindowSweepReport: Sendable {
    /// The sweep's settings (`window` and `sampleSizes` are those of the last V; see `windows`, `n`).
    public let settings: CheckSettings
    /// The smoothness of g.
    public let smoothness: Smoothness
    /// The windows V, ascending.
    public let windows: [Int]
    /// Training sequences of every run.
    public let n: Int
    /// The target g (the same for every V).
    public let target: CheckTargetSummary
    /// Every finished run, in execution order.
    public let runs: [WindowSweepRun]
    /// Per estimator (report order) and V (ascending): the runs' mean, min and max test MSE.
    public let rows: [WindowSweepRow]

    /// Summarises `runs`.
    public init(sweep: WindowSweep, smoothness: Smoothness, target: CheckTargetSummary, runs: [WindowSweepRun]) {
        settings = sweep.settings(window: sweep.windows.last ?? sweep.settings.window)
        self.smoothness = smoothness
        windows = sweep.windows
        n = sweep.n
        self.target = target
        self.runs = runs
        var rows: [WindowSweepRow] = []
        for estimator in settings.estimators {
            for window in windows {
                let records = runs.filter { $0.window == window && $0.record.estimator == estimator }.map(\.record)
                if !records.isEmpty {
                    rows.append(WindowSweepRow(estimator: estimator, window: window, n: sweep.n, records: records))
                }
            }
        }
        self.rows = rows
    }

    /// Runs the settings ask for: estimators × windows × replicates.
    public var expectedRuns: Int { settings.estimators.count * windows.count * settings.seeds }

    /// Whether every run finished.
    public var isComplete: Bool { runs.count == expectedRuns }

    /// The rows of one estimator, V ascending.
    public func rows(of estimator: CheckEstimator) -> [WindowSweepRow] { rows.filter { $0.estimator == estimator } }

    /// `mean [min – max]` of the cell (estimator, V), with `(k/R conv.)` when fewer than all of its
    /// neural runs stopped on a plateau; `—` when it has no runs.
    func cellText(_ estimator: CheckEstimator, window: Int) -> String {
        guard let row = rows.first(where: { $0.estimator == estimator && $0.window == window }) else { return "—" }
        let convergence = row.converged < row.trained ? " (\(row.converged)/\(row.trained) conv.)" : ""
        return "\(CheckNumberFormat.short(row.mse.meanMSE)) [\(CheckNumberFormat.short(row.mse.minMSE)) – \(CheckNumberFormat.short(row.mse.maxMSE))]" + convergence
    }

    /// `×1.23`, the growth of the estimator's MSE from the smallest to the largest V, or `—`.
    func growthText(_ estimator: CheckEstimator) -> String {
        growth(of: estimator).map { "×" + CheckNumberFormat.short($0) } ?? "—"
    }

    /// Mean test MSE at the largest V over that at the smallest: ≈ 1 for an estimator whose
    /// error does not depend on the window; `nil` without both ends.
    public func growth(of estimator: CheckEstimator) -> Double? {
        let own = rows(of: estimator)
        guard let first = own.first, let last = own.last, first.window == windows.first, last.window == windows.last,
              windows.count >= 2 else { return nil }
        return last.mse.meanMSE / first.mse.meanMSE
    }
}

/// One (estimator, V) cell of a window sweep.
public struct WindowSweepRow: Sendable, Equatable {
    /// The estimator.
    public var estimator: CheckEstimator
    /// V.
    public var window: Int
    /// Mean, min, max (and sd of ln) test MSE and mean seconds of its runs at the sweep's n.
    public var mse: CheckSizeRow
    /// Neural runs whose training stopped on a plateau of the validation error (converged), and
    /// neural runs in all (0 and 0 for the oracle).
    public var converged: Int, trained: Int

    /// Summarises the runs of one (estimator, V) at n.
    init(estimator: CheckEstimator, window: Int, n: Int, records: [CheckRunRecord]) {
        self.estimator = estimator
        self.window = window
        mse = CheckSizeRow(n: n, records: records)
        let training = records.compactMap(\.training)
        trained = training.count
        converged = training.filter { $0.stopReason == .plateau }.count
    }
}
