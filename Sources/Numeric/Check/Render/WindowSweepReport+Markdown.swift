import Bounds

/// `--format markdown` of the window sweep (one GitHub table) and `--csv` (one line per run).
extension WindowSweepReport {
    /// A heading line, the setting, and the MSE table: estimators as rows, V as columns.
    public func markdown() -> String {
        var lines = [
            "**Window sweep** (piecewise class, a = (\(smoothness.entries.map(\.description).joined(separator: ", "))), \(settings.gamma.rawValue) γ): "
                + "n = \(n), L = \(settings.length), R = \(settings.seeds) seeds; mean test MSE [min – max].",
            "",
            "| estimator | " + windows.map { "V = \($0)" }.joined(separator: " | ") + " | V=\(windows.last!) / V=\(windows.first!) |",
            "|---|" + windows.map { _ in "---:|" }.joined() + "---:|",
        ]
        for estimator in settings.estimators {
            let cells = windows.map { cellText(estimator, window: $0) }
            lines.append("| \(estimator.rawValue) | " + cells.joined(separator: " | ") + " | \(growthText(estimator)) |")
        }
        if !isComplete { lines += ["", "Incomplete: \(expectedRuns - runs.count) of \(expectedRuns) runs missing."] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `window,estimator,n,replicate,test_mse,seconds`, one line per run, full precision.
    public func csv() -> String {
        var lines = ["window,estimator,n,replicate,test_mse,seconds"]
        for run in runs {
            lines.append("\(run.window),\(run.record.estimator.rawValue),\(run.record.n),\(run.record.replicate),\(CheckNumberFormat.exact(run.record.testMSE)),\(CheckNumberFormat.exact(run.record.seconds))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
