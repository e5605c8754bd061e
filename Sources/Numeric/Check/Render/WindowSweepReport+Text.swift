import Bounds

/// `--format text` of the window sweep: the setting, then one table of mean test MSE with
/// min–max per estimator (rows) and window V (columns), and the growth from the smallest to
/// the largest V.
extension WindowSweepReport {
    /// The report as lines of text, ending in a newline.
    public func text() -> String {
        var lines = [
            "ratecalc check: window sweep of the piecewise class (test MSE vs V at fixed n)",
            "smoothness  a = (\(smoothness.entries.map(\.description).joined(separator: ", ")))  \(smoothness.rows) × \(smoothness.columns),  γ \(settings.gamma.rawValue)",
            "sweep       V = \(windows.map(String.init).joined(separator: ", ")),  n = \(n) sequences × L = \(settings.length),  R = \(settings.seeds) seeds,  σ = \(CheckNumberFormat.short(settings.noise))",
            "positions   L − V + 1 = \(windows.map { String(settings.length - $0 + 1) }.joined(separator: ", ")) with a target per sequence (fewer rows at larger V, for every estimator)",
            "target      \(target.termCount) terms, ‖f‖² = \(CheckNumberFormat.short(target.squaredNorm)), level T_max = \(CheckNumberFormat.short(target.level)) (the same g for every V)",
            "training    width \(settings.width) (\(settings.size.rawValue)), epoch cap \(settings.epochs), min steps \(settings.minSteps), patience \(settings.patience), oracle level \(settings.oracleLevel.rawValue), seed \(settings.seed)",
            "",
            "mean test MSE [min – max over seeds]; (k/R conv.): only k of R networks stopped on a plateau",
        ]
        var table = TextTable()
        table.append(cells: ["estimator"] + windows.map { "V = \($0)" } + ["V=\(windows.last!) / V=\(windows.first!)"])
        for estimator in settings.estimators {
            let cells = windows.map { cellText(estimator, window: $0) }
            table.append(cells: [estimator.rawValue] + cells + [growthText(estimator)])
        }
        lines += table.rendered()
        lines.append("")
        lines.append("ssm and transformer can select tokens by importance, and the oracle is given the selected tokens:")
        lines.append("for them every V poses the same problem (up to the number of positions). The fnn sees the last V")
        lines.append("tokens in place and has to find the selected ones among them, which gets harder as V grows.")
        if !isComplete {
            lines.append("")
            lines.append("incomplete: \(expectedRuns - runs.count) of \(expectedRuns) runs missing")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
