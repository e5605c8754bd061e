import Foundation

/// The coordinate frame of the check plots: log₂ x across (x = n, or the window V of the window
/// sweep), log₁₀ MSE up, mapped to the plot rectangle of an SVG, with the tick positions
/// docs/check.md's plot uses (x at powers of 2, MSE at powers of 10 with minor ticks at 2…9 × 10^k).
struct LogLogAxes {
    /// Plot rectangle in SVG units.
    var left: Double, top: Double, width: Double, height: Double
    /// log₂ of the horizontal range shown (n, or V).
    var log2X: ClosedRange<Double>
    /// log₁₀ of the MSE range shown.
    var log10MSE: ClosedRange<Double>

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// x of sample size n.
    func x(_ n: Double) -> Double {
        left + (Foundation.log2(n) - log2X.lowerBound) / (log2X.upperBound - log2X.lowerBound) * width
    }

    /// y of an MSE.
    func y(_ mse: Double) -> Double {
        bottom - (Foundation.log10(mse) - log10MSE.lowerBound) / (log10MSE.upperBound - log10MSE.lowerBound) * height
    }

    /// Exponents k with 2^k inside the n range.
    var nTicks: [Int] {
        Array(Int(log2X.lowerBound.rounded(.up))...max(Int(log2X.lowerBound.rounded(.up)), Int(log2X.upperBound.rounded(.down))))
            .filter { log2X.contains(Double($0)) }
    }

    /// Exponents k with 10^k inside the MSE range.
    var majorMSETicks: [Int] {
        let low = Int(log10MSE.lowerBound.rounded(.up)), high = Int(log10MSE.upperBound.rounded(.down))
        return low <= high ? Array(low...high) : []
    }

    /// `j × 10^k` (j = 2…9) inside the MSE range, when the range spans at most 6 decades.
    var minorMSETicks: [Double] {
        guard log10MSE.upperBound - log10MSE.lowerBound <= 6 else { return [] }
        var ticks: [Double] = []
        for k in Int(log10MSE.lowerBound.rounded(.down))...Int(log10MSE.upperBound.rounded(.up)) {
            for j in 2...9 {
                let value = Double(j) * Foundation.pow(10, Double(k))
                if log10MSE.contains(Foundation.log10(value)) { ticks.append(value) }
            }
        }
        return ticks
    }

    /// Minor ticks that get a label: 2 × 10^k and 5 × 10^k when fewer than two powers of
    /// ten are in range (otherwise the axis would have at most one number on it).
    var labelledMinorTicks: [Double] {
        guard majorMSETicks.count < 2 else { return [] }
        return minorMSETicks.filter { value in
            let mantissa = value / Foundation.pow(10, Foundation.log10(value).rounded(.down))
            return abs(mantissa - 2) < 1e-9 || abs(mantissa - 5) < 1e-9
        }
    }
}
