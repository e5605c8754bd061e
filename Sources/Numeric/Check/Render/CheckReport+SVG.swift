import Bounds
import Foundation

/// `--plot FILE.svg` of `ratecalc check`: a self-contained log-log plot of test MSE against
/// n (docs/check.md). Per estimator one colour and marker: the mean MSE at each n with min–max
/// error bars over seeds, and the fitted line `exp(intercept) · n^{−r̂}` over the sampled
/// range; a dashed line of the theory slope −r anchored at the first fitted estimator's
/// line at n̄; a legend with r̂ [lo, hi]; the title names smoothness, γ and class. When the
/// networks have an efficiency against the oracle, a second panel below shows c(n) = n/n_eq
/// (log-log) with the slope b of ln c on ln n in its legend.
extension CheckReport {
    /// The plot as an SVG document (UTF-8 text, no external resources).
    public func svg() -> String { svgWriter().document() }

    /// The plot before serialisation: its elements and the boxes of its horizontal text (tests
    /// check that no two labels overlap and that all stay on the canvas).
    func svgWriter() -> SVGWriter {
        let efficiencies = summaries.filter { $0.efficiency != nil }
        let canvasWidth = 880.0, canvasHeight = efficiencies.isEmpty ? 500.0 : 800.0
        let fitted = summaries.filter { $0.fit != nil }
        let anchor = fitted.first?.fit.map { fit in (logN: Foundation.log(logBand.geometricMeanN), logMSE: fit.logMSE(at: logBand.geometricMeanN)) }
        let axes = plotAxes(anchor: anchor)
        var svg = SVGWriter(width: canvasWidth, height: canvasHeight)
        svg.raw("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>")
        svg.raw("<defs><clipPath id=\"plot-area\"><rect x=\"\(svgNumber(axes.left))\" y=\"\(svgNumber(axes.top))\" width=\"\(svgNumber(axes.width))\" height=\"\(svgNumber(axes.height))\"/></clipPath></defs>")
        // Title.
        let title = "a = (\(smoothness.entries.map(\.description).joined(separator: ", "))), \(settings.gamma.rawValue) γ, \(settings.functionClass.rawValue)"
        svg.text(title, x: axes.left + axes.width / 2, y: 26, size: 15, anchor: "middle", weight: "bold")
        svg.text("test MSE vs n; theory r = \(theoryRate) ≈ \(CheckNumberFormat.short(theoryRate.doubleValue)) (up to polylog)",
                 x: axes.left + axes.width / 2, y: 44, size: 12, anchor: "middle", fill: "#444")
        drawAxes(&svg, axes)
        // Theory line, dashed, slope −r through the anchor.
        if let anchor {
            let r = theoryRate.doubleValue
            let (n0, n1) = sampledRange()
            func mse(_ n: Double) -> Double { Foundation.exp(anchor.logMSE - r * (Foundation.log(n) - anchor.logN)) }
            svg.raw("<line x1=\"\(svgNumber(axes.x(n0)))\" y1=\"\(svgNumber(axes.y(mse(n0))))\" x2=\"\(svgNumber(axes.x(n1)))\" y2=\"\(svgNumber(axes.y(mse(n1))))\" stroke=\"#222\" stroke-width=\"1.5\" stroke-dasharray=\"7 5\" clip-path=\"url(#plot-area)\"/>")
        }
        // Estimators.
        let count = Double(summaries.count)
        for (index, summary) in summaries.enumerated() {
            let style = CheckReport.plotStyle(summary.estimator)
            let offset = (Double(index) - (count - 1) / 2) * 5   // side by side, so error bars do not overlap
            if let fit = summary.fit, let n0 = summary.rows.first?.n, let n1 = summary.rows.last?.n {
                let a = Double(n0), b = Double(n1)
                svg.raw("<line x1=\"\(svgNumber(axes.x(a)))\" y1=\"\(svgNumber(axes.y(Foundation.exp(fit.logMSE(at: a)))))\" x2=\"\(svgNumber(axes.x(b)))\" y2=\"\(svgNumber(axes.y(Foundation.exp(fit.logMSE(at: b)))))\" stroke=\"\(style.colour)\" stroke-width=\"2\" clip-path=\"url(#plot-area)\"/>")
            }
            for row in summary.rows where row.meanMSE > 0 && row.meanMSE.isFinite {
                let x = axes.x(Double(row.n)) + offset
                if row.minMSE > 0, row.maxMSE.isFinite, row.maxMSE > row.minMSE {
                    let y0 = axes.y(row.minMSE), y1 = axes.y(row.maxMSE)
                    svg.raw("<path d=\"M\(svgNumber(x)) \(svgNumber(y0))V\(svgNumber(y1))M\(svgNumber(x - 4)) \(svgNumber(y0))h8M\(svgNumber(x - 4)) \(svgNumber(y1))h8\" stroke=\"\(style.colour)\" stroke-width=\"1.3\" fill=\"none\" clip-path=\"url(#plot-area)\"/>")
                }
                svg.raw(CheckReport.marker(style.marker, x: x, y: axes.y(row.meanMSE), colour: style.colour))
            }
        }
        // The oracle below n-min (only for reading off n_eq): hollow markers.
        let fittedSizes = Set(settings.sampleSizes)
        for row in oracleCurve where !fittedSizes.contains(row.n) && row.meanMSE > 0 && row.meanMSE.isFinite {
            svg.raw(CheckReport.marker("diamond", x: axes.x(Double(row.n)), y: axes.y(row.meanMSE),
                                       colour: CheckReport.plotStyle(.oracle).colour, hollow: true))
        }
        drawLegend(&svg, x: axes.right + 24, y: axes.top + 6, hasTheory: anchor != nil)
        if !efficiencies.isEmpty { drawEfficiencyPanel(&svg, efficiencies, top: 520, nRange: axes.log2X) }
        return svg
    }

    /// The second panel: c(n) = n / n_eq per network, log-log, with the trend b in the legend.
    func drawEfficiencyPanel(_ svg: inout SVGWriter, _ networks: [CheckEstimatorSummary], top: Double,
                             nRange: ClosedRange<Double>) {
        let values = networks.flatMap { $0.efficiency!.sizes.map(\.c) }.filter { $0 > 0 && $0.isFinite }
        var low = Foundation.log10(values.min() ?? 1), high = Foundation.log10(values.max() ?? 10)
        low = min(low, 0); high = max(high, low + 1)
        let pad = 0.08 * (high - low)
        let axes = LogLogAxes(left: 84, top: top, width: 470, height: 200, log2X: nRange, log10MSE: (low - pad)...(high + pad))
        svg.text("efficiency against the oracle: c = n / n_eq, n_eq the oracle's n at the same MSE",
                 x: axes.left + axes.width / 2, y: top - 12, size: 12, anchor: "middle", fill: "#444")
        for k in axes.majorMSETicks {
            let y = axes.y(Foundation.pow(10, Double(k)))
            svg.raw("<line x1=\"\(svgNumber(axes.left))\" y1=\"\(svgNumber(y))\" x2=\"\(svgNumber(axes.right))\" y2=\"\(svgNumber(y))\" stroke=\"#ddd\"/>")
            svg.text(String(format: "%g", Foundation.pow(10, Double(k))), x: axes.left - 9, y: y + 4, size: 12, anchor: "end")
        }
        for k in axes.nTicks {
            let x = axes.x(Foundation.pow(2, Double(k)))
            svg.raw("<line x1=\"\(svgNumber(x))\" y1=\"\(svgNumber(axes.bottom))\" x2=\"\(svgNumber(x))\" y2=\"\(svgNumber(axes.bottom + 6))\" stroke=\"#000\"/>")
            svg.text("\(1 << k)", x: x, y: axes.bottom + 20, size: 12, anchor: "middle")
        }
        svg.raw("<rect x=\"\(svgNumber(axes.left))\" y=\"\(svgNumber(axes.top))\" width=\"\(svgNumber(axes.width))\" height=\"\(svgNumber(axes.height))\" fill=\"none\" stroke=\"#000\"/>")
        svg.text("n (training sequences)", x: axes.left + axes.width / 2, y: axes.bottom + 40, size: 13, anchor: "middle")
        let midY = axes.top + axes.height / 2
        svg.raw("<text x=\"\(svgNumber(axes.left - 58))\" y=\"\(svgNumber(midY))\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 \(svgNumber(axes.left - 58)) \(svgNumber(midY)))\">c = n / n_eq</text>")
        var legendY = axes.top + 10
        svg.text("slope b of ln c on ln n [95%]", x: axes.right + 24, y: legendY, size: 12, anchor: "start", weight: "bold")
        legendY += 22
        for summary in networks {
            let style = CheckReport.plotStyle(summary.estimator), efficiency = summary.efficiency!
            let points = efficiency.sizes.filter { $0.c > 0 && $0.c.isFinite }
            let path = points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(svgNumber(axes.x(Double($0.element.n)))) \(svgNumber(axes.y($0.element.c)))" }.joined()
            if !path.isEmpty { svg.raw("<path d=\"\(path)\" stroke=\"\(style.colour)\" stroke-width=\"1.5\" fill=\"none\"/>") }
            for point in points { svg.raw(CheckReport.marker(style.marker, x: axes.x(Double(point.n)), y: axes.y(point.c), colour: style.colour)) }
            let trend = efficiency.trend.map { "b = \(CheckNumberFormat.short($0)) " + (efficiency.trendInterval.map(CheckNumberFormat.interval) ?? "(no interval)") } ?? "no trend"
            svg.text(summary.estimator.rawValue, x: axes.right + 24, y: legendY, size: 13, anchor: "start", weight: "bold", fill: style.colour)
            svg.text(trend, x: axes.right + 24, y: legendY + 16, size: 12, anchor: "start")
            svg.text(efficiency.verdict.rawValue, x: axes.right + 24, y: legendY + 31, size: 11, anchor: "start", fill: "#555")
            legendY += 48
        }
        svg.text("b = 0: the oracle's rate up to a constant c", x: axes.right + 24, y: legendY, size: 10, anchor: "start", fill: "#555")
    }

    /// The n range the lines span: the sampled sizes (settings, else the runs').
    func sampledRange() -> (Double, Double) {
        let sizes = (settings.sampleSizes.isEmpty ? records.map(\.n) : settings.sampleSizes).filter { $0 > 0 }
        guard let low = sizes.min(), let high = sizes.max() else { return (1, 2) }
        return (Double(low), Double(max(high, low)))
    }

    /// Axes covering every point, error bar and line, padded a little.
    func plotAxes(anchor: (logN: Double, logMSE: Double)?) -> LogLogAxes {
        let (n0, n1) = sampledRange()
        let allN = (records.map { Double($0.n) } + [n0, n1]).filter { $0 > 0 }
        let lowN = Foundation.log2(allN.min()!) - 0.4, highN = Foundation.log2(allN.max()!) + 0.4
        var values: [Double] = []
        values += oracleCurve.map(\.meanMSE)
        for summary in summaries {
            for row in summary.rows { values += [row.minMSE, row.maxMSE, row.meanMSE] }
            if let fit = summary.fit, let a = summary.rows.first?.n, let b = summary.rows.last?.n {
                values += [Foundation.exp(fit.logMSE(at: Double(a))), Foundation.exp(fit.logMSE(at: Double(b)))]
            }
        }
        if let anchor {
            let r = theoryRate.doubleValue
            values += [n0, n1].map { Foundation.exp(anchor.logMSE - r * (Foundation.log($0) - anchor.logN)) }
        }
        let logs = values.filter { $0 > 0 && $0.isFinite }.map { Foundation.log10($0) }
        var low = logs.min() ?? -3, high = logs.max() ?? 0
        if high - low < 0.5 { let mid = (high + low) / 2; low = mid - 0.25; high = mid + 0.25 }
        let pad = 0.06 * (high - low)
        return LogLogAxes(left: 84, top: 60, width: 470, height: 370,
                          log2X: lowN...max(highN, lowN + 1), log10MSE: (low - pad)...(high + pad))
    }

    /// Frame, grid, ticks, tick labels and axis titles.
    func drawAxes(_ svg: inout SVGWriter, _ axes: LogLogAxes) {
        let labelled = axes.labelledMinorTicks
        for k in axes.majorMSETicks {
            let y = axes.y(Foundation.pow(10, Double(k)))
            svg.raw("<line x1=\"\(svgNumber(axes.left))\" y1=\"\(svgNumber(y))\" x2=\"\(svgNumber(axes.right))\" y2=\"\(svgNumber(y))\" stroke=\"#ddd\"/>")
            svg.raw("<line x1=\"\(svgNumber(axes.left - 6))\" y1=\"\(svgNumber(y))\" x2=\"\(svgNumber(axes.left))\" y2=\"\(svgNumber(y))\" stroke=\"#000\"/>")
            if labelled.isEmpty {
                svg.raw("<text x=\"\(svgNumber(axes.left - 9))\" y=\"\(svgNumber(y + 4))\" font-size=\"12\" text-anchor=\"end\">10<tspan dy=\"-6\" font-size=\"9\">\(k < 0 ? "−\(-k)" : "\(k)")</tspan></text>")
            } else {
                // Less than two decades: every label as a plain number, one style on the axis.
                svg.text(String(format: "%g", Foundation.pow(10, Double(k))), x: axes.left - 9, y: y + 4, size: 12, anchor: "end")
            }
        }
        for value in axes.minorMSETicks {
            let y = axes.y(value)
            svg.raw("<line x1=\"\(svgNumber(axes.left - 3))\" y1=\"\(svgNumber(y))\" x2=\"\(svgNumber(axes.left))\" y2=\"\(svgNumber(y))\" stroke=\"#000\"/>")
            if labelled.contains(value) {
                svg.text(String(format: "%g", value), x: axes.left - 9, y: y + 4, size: 11, anchor: "end", fill: "#333")
            }
        }
        let nTicks = axes.nTicks
        let stride = nTicks.count > 10 ? 2 : 1
        let decimalLabels = (nTicks.last ?? 0) <= 16     // 512 … 65536 as numbers; wider ranges as 2^k throughout
        for (index, k) in nTicks.enumerated() {
            let x = axes.x(Foundation.pow(2, Double(k)))
            svg.raw("<line x1=\"\(svgNumber(x))\" y1=\"\(svgNumber(axes.top))\" x2=\"\(svgNumber(x))\" y2=\"\(svgNumber(axes.bottom))\" stroke=\"#eee\"/>")
            svg.raw("<line x1=\"\(svgNumber(x))\" y1=\"\(svgNumber(axes.bottom))\" x2=\"\(svgNumber(x))\" y2=\"\(svgNumber(axes.bottom + 6))\" stroke=\"#000\"/>")
            if index % stride == 0 {
                let label = decimalLabels ? "\(1 << k)" : nil
                if let label {
                    svg.text(label, x: x, y: axes.bottom + 20, size: 12, anchor: "middle")
                } else {
                    svg.raw("<text x=\"\(svgNumber(x))\" y=\"\(svgNumber(axes.bottom + 20))\" font-size=\"12\" text-anchor=\"middle\">2<tspan dy=\"-6\" font-size=\"9\">\(k)</tspan></text>")
                }
            }
        }
        svg.raw("<rect x=\"\(svgNumber(axes.left))\" y=\"\(svgNumber(axes.top))\" width=\"\(svgNumber(axes.width))\" height=\"\(svgNumber(axes.height))\" fill=\"none\" stroke=\"#000\"/>")
        svg.text("n (training sequences)", x: axes.left + axes.width / 2, y: axes.bottom + 44, size: 13, anchor: "middle")
        let midY = axes.top + axes.height / 2
        svg.raw("<text x=\"\(svgNumber(axes.left - 58))\" y=\"\(svgNumber(midY))\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 \(svgNumber(axes.left - 58)) \(svgNumber(midY)))\">test MSE (noiseless target)</text>")
    }

    /// One entry per estimator (marker, name, r̂ [lo, hi], verdict) and the theory line.
    func drawLegend(_ svg: inout SVGWriter, x: Double, y: Double, hasTheory: Bool) {
        var y = y
        svg.text("fitted exponent r̂ [95%]", x: x, y: y + 4, size: 12, anchor: "start", weight: "bold")
        y += 24
        for summary in summaries {
            let style = CheckReport.plotStyle(summary.estimator)
            svg.raw("<line x1=\"\(svgNumber(x))\" y1=\"\(svgNumber(y))\" x2=\"\(svgNumber(x + 26))\" y2=\"\(svgNumber(y))\" stroke=\"\(style.colour)\" stroke-width=\"2\"/>")
            svg.raw(CheckReport.marker(style.marker, x: x + 13, y: y, colour: style.colour))
            svg.text(summary.estimator.rawValue, x: x + 34, y: y + 4, size: 13, anchor: "start", weight: "bold", fill: style.colour)
            let fitText = summary.fit.map { fit in
                "r̂ = \(CheckNumberFormat.short(fit.exponent)) " + (fit.interval.map(CheckNumberFormat.interval) ?? "(no interval)")
            } ?? "no fit"
            svg.text(fitText, x: x + 34, y: y + 20, size: 12, anchor: "start")
            svg.text(summary.verdict.rawValue, x: x + 34, y: y + 35, size: 11, anchor: "start", fill: "#555")
            y += 52
        }
        if hasTheory {
            svg.raw("<line x1=\"\(svgNumber(x))\" y1=\"\(svgNumber(y))\" x2=\"\(svgNumber(x + 26))\" y2=\"\(svgNumber(y))\" stroke=\"#222\" stroke-width=\"1.5\" stroke-dasharray=\"7 5\"/>")
            svg.text("theory slope −\(theoryRate)", x: x + 34, y: y + 4, size: 12, anchor: "start")
            svg.text("(r ≈ \(CheckNumberFormat.short(theoryRate.doubleValue)), through the first fit at n̄)", x: x + 34, y: y + 19, size: 10, anchor: "start", fill: "#555")
            y += 34
        }
        svg.text("points: mean over seeds; bars: min–max;", x: x, y: y + 8, size: 10, anchor: "start", fill: "#555")
        svg.text("estimators drawn a few pixels apart at each n", x: x, y: y + 21, size: 10, anchor: "start", fill: "#555")
        y += 13
        if oracleCurve.contains(where: { !settings.sampleSizes.contains($0.n) }) {
            svg.text("hollow: the oracle below n-min (for n_eq)", x: x, y: y + 21, size: 10, anchor: "start", fill: "#555")
            y += 13
        }
        if !isComplete {
            svg.text("incomplete: \(missingRuns) of \(expectedRuns) runs missing", x: x, y: y + 24, size: 10, anchor: "start", fill: "#b00")
        }
    }

    /// Colour and marker of each estimator, fixed so that plots of different checks match.
    static func plotStyle(_ estimator: CheckEstimator) -> (colour: String, marker: String) {
        estimator.descriptor.plotStyle
    }

    /// A filled marker centred at (x, y) with a white outline.
    static func marker(_ shape: String, x: Double, y: Double, colour: String, hollow: Bool = false) -> String {
        let s = 4.5
        let attributes = hollow ? "fill=\"white\" stroke=\"\(colour)\" stroke-width=\"1.5\""
                                : "fill=\"\(colour)\" stroke=\"white\" stroke-width=\"1\""
        switch shape {
        case "square":
            return "<rect x=\"\(svgNumber(x - s))\" y=\"\(svgNumber(y - s))\" width=\"\(svgNumber(2 * s))\" height=\"\(svgNumber(2 * s))\" \(attributes)/>"
        case "triangle":
            return "<path d=\"M\(svgNumber(x)) \(svgNumber(y - 1.2 * s))L\(svgNumber(x + 1.1 * s)) \(svgNumber(y + 0.8 * s))L\(svgNumber(x - 1.1 * s)) \(svgNumber(y + 0.8 * s))Z\" \(attributes)/>"
        case "diamond":
            return "<path d=\"M\(svgNumber(x)) \(svgNumber(y - 1.3 * s))L\(svgNumber(x + 1.3 * s)) \(svgNumber(y))L\(svgNumber(x)) \(svgNumber(y + 1.3 * s))L\(svgNumber(x - 1.3 * s)) \(svgNumber(y))Z\" \(attributes)/>"
        default:
            return "<circle cx=\"\(svgNumber(x))\" cy=\"\(svgNumber(y))\" r=\"\(svgNumber(s))\" \(attributes)/>"
        }
    }
}
