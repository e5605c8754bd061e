import Bounds

/// `--format typst` of the window sweep: one `#table`, estimators as rows, V as columns (mean
/// test MSE [min – max]), and the growth from the smallest to the largest V (docs/check.md).
extension WindowSweepReport {
    /// The sweep as Typst markup, ending in a newline.
    public func typst() -> String {
        let text = TypstNotation.text
        var lines = [
            "// Typst from ratecalc check: window sweep, a = (\(smoothness.entries.map(\.description).joined(separator: ", "))), \(settings.gamma.rawValue) gamma.",
            "*Window sweep* (piecewise class, $a = (\(smoothness.entries.map(TypstNotation.number).joined(separator: ", ")))$, \(settings.gamma.rawValue) $gamma$): "
                + "$n = \(n)$, $L = \(settings.length)$, $R = \(settings.seeds)$ seeds; mean test MSE \\[min – max\\].",
            "",
        ]
        let header = ["estimator"] + windows.map { "$V = \($0)$" } + ["$V = \(windows.last!)$ \\/ $V = \(windows.first!)$"]
        let rows = settings.estimators.map { estimator in
            [text(estimator.rawValue)] + windows.map { text(cellText(estimator, window: $0)) } + [text(growthText(estimator))]
        }
        lines += TypstNotation.table(header: header, rows: rows)
        if !isComplete { lines += ["", "_Incomplete: \(expectedRuns - runs.count) of \(expectedRuns) runs missing._"] }
        return lines.joined(separator: "\n") + "\n"
    }
}
