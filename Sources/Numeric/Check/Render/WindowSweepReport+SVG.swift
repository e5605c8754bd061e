import Foundation

/// `--plot FILE.svg` of the window sweep: test MSE (log scale) against V (log₂ scale), one
/// line per estimator through its mean MSE at each V, min–max bars over seeds, the colours and
/// markers of the check plot, a legend with the growth from the smallest to the largest V.
extension WindowSweepReport {
    /// The plot as an SVG document (UTF-8 text, no external resources).
    public func svg() -> String {
        let axes = plotAxes()
        var svg = SVGWriter(width: 800, height: 480)
        svg.raw("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>")
        svg.text("Window sweep: a = (\(smoothness.entries.map(\.description).joined(separator: ", "))), \(settings.gamma.rawValue) γ, piecewise",
                 x: axes.left + axes.width / 2, y: 26, size: 15, anchor: "middle", weight: "bold")
        svg.text("test MSE vs window V at n = \(n) (L = \(settings.length), \(settings.seeds) seeds)",
                 x: axes.left + axes.width / 2, y: 44, size: 12, anchor: "middle", fill: "#444")
        drawFrame(&svg, axes)
        let count = Double(settings.estimators.count)
        for (index, estimator) in settings.estimators.enumerated() {
            let style = CheckReport.plotStyle(estimator)
            let offset = (Double(index) - (count - 1) / 2) * 5
            let points = rows(of: estimator).filter { $0.mse.meanMSE > 0 && $0.mse.meanMSE.isFinite }
            if points.count >= 2 {
                let path = points.enumerated().map { i, row in
                    "\(i == 0 ? "M" : "L")\(p(axes.x(Double(row.window)) + offset)) \(p(axes.y(row.mse.meanMSE)))"
                }.joined()
                svg.raw("<path d=\"\(path)\" stroke=\"\(style.colour)\" stroke-width=\"2\" fill=\"none\"/>")
            }
            for row in points {
                let x = axes.x(Double(row.window)) + offset
                if row.mse.minMSE > 0, row.mse.maxMSE.isFinite, row.mse.maxMSE > row.mse.minMSE {
                    let y0 = axes.y(row.mse.minMSE), y1 = axes.y(row.mse.maxMSE)
                    svg.raw("<path d=\"M\(p(x)) \(p(y0))V\(p(y1))M\(p(x - 4)) \(p(y0))h8M\(p(x - 4)) \(p(y1))h8\" stroke=\"\(style.colour)\" stroke-width=\"1.3\" fill=\"none\"/>")
                }
                svg.raw(CheckReport.marker(style.marker, x: x, y: axes.y(row.mse.meanMSE), colour: style.colour))
            }
        }
        drawLegend(&svg, x: axes.right + 24, y: axes.top + 6)
        return svg.document()
    }

    /// log₂ V across (padded half a step), log₁₀ MSE up, covering every bar.
    func plotAxes() -> LogLogAxes {
        let low = Foundation.log2(Double(windows.first ?? 1)), high = Foundation.log2(Double(windows.last ?? 2))
        let pad = max(0.25, 0.12 * (high - low))
        let logs = rows.flatMap { [$0.mse.minMSE, $0.mse.maxMSE, $0.mse.meanMSE] }
            .filter { $0 > 0 && $0.isFinite }.map { Foundation.log10($0) }
        var bottom = logs.min() ?? -3, top = logs.max() ?? 0
        if top - bottom < 0.5 { let mid = (top + bottom) / 2; bottom = mid - 0.25; top = mid + 0.25 }
        let margin = 0.06 * (top - bottom)
        return LogLogAxes(left: 84, top: 60, width: 470, height: 340,
                          log2X: (low - pad)...(high + pad), log10MSE: (bottom - margin)...(top + margin))
    }

    /// Frame, MSE grid and labels (powers of ten; 2 and 5 × 10^k when fewer than two), V ticks.
    func drawFrame(_ svg: inout SVGWriter, _ axes: LogLogAxes) {
        for k in axes.majorMSETicks {
            let y = axes.y(Foundation.pow(10, Double(k)))
            svg.raw("<line x1=\"\(p(axes.left))\" y1=\"\(p(y))\" x2=\"\(p(axes.right))\" y2=\"\(p(y))\" stroke=\"#ddd\"/>")
            svg.text(String(format: "%g", Foundation.pow(10, Double(k))), x: axes.left - 9, y: y + 4, size: 12, anchor: "end")
        }
        let labelled = axes.labelledMinorTicks
        for value in axes.minorMSETicks {
            let y = axes.y(value)
            svg.raw("<line x1=\"\(p(axes.left - 3))\" y1=\"\(p(y))\" x2=\"\(p(axes.left))\" y2=\"\(p(y))\" stroke=\"#000\"/>")
            if labelled.contains(value) { svg.text(String(format: "%g", value), x: axes.left - 9, y: y + 4, size: 11, anchor: "end", fill: "#333") }
        }
        for window in windows {
            let x = axes.x(Double(window))
            svg.raw("<line x1=\"\(p(x))\" y1=\"\(p(axes.top))\" x2=\"\(p(x))\" y2=\"\(p(axes.bottom))\" stroke=\"#eee\"/>")
            svg.text(String(window), x: x, y: axes.bottom + 20, size: 12, anchor: "middle")
        }
        svg.raw("<rect x=\"\(p(axes.left))\" y=\"\(p(axes.top))\" width=\"\(p(axes.width))\" height=\"\(p(axes.height))\" fill=\"none\" stroke=\"#000\"/>")
        svg.text("V (window of the ranked tokens; log scale)", x: axes.left + axes.width / 2, y: axes.bottom + 44, size: 13, anchor: "middle")
        let midY = axes.top + axes.height / 2
        svg.raw("<text x=\"\(p(axes.left - 58))\" y=\"\(p(midY))\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 \(p(axes.left - 58)) \(p(midY)))\">test MSE (noiseless target)</text>")
    }

    /// One entry per estimator: marker, name, and the MSE growth from the smallest to the largest V.
    func drawLegend(_ svg: inout SVGWriter, x: Double, y: Double) {
        var y = y
        svg.text("MSE at V=\(windows.last ?? 0) / V=\(windows.first ?? 0)", x: x, y: y + 4, size: 12, anchor: "start", weight: "bold")
        y += 24
        for estimator in settings.estimators {
            let style = CheckReport.plotStyle(estimator)
            svg.raw("<line x1=\"\(p(x))\" y1=\"\(p(y))\" x2=\"\(p(x + 26))\" y2=\"\(p(y))\" stroke=\"\(style.colour)\" stroke-width=\"2\"/>")
            svg.raw(CheckReport.marker(style.marker, x: x + 13, y: y, colour: style.colour))
            svg.text("\(estimator.rawValue)  \(growthText(estimator))", x: x + 34, y: y + 4, size: 13, anchor: "start", weight: "bold", fill: style.colour)
            y += 26
        }
        svg.text("points: mean over seeds; bars: min–max", x: x, y: y + 8, size: 10, anchor: "start", fill: "#555")
        if !isComplete {
            svg.text("incomplete: \(expectedRuns - runs.count) of \(expectedRuns) runs missing", x: x, y: y + 24, size: 10, anchor: "start", fill: "#b00")
        }
    }
}

/// Two decimals, for SVG coordinates.
private func p(_ value: Double) -> String { String(format: "%.2f", value.isFinite ? value : 0) }
