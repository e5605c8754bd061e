import Foundation

/// A fitted power law `test MSE ≈ C · n^{−r̂}` (docs/check.md, "Fit"): ordinary least squares of
/// `ln MSE` on `ln n`, one point per run, so `r̂ = −slope`, with a 95% interval for r̂.
public struct PowerLawFit: Sendable, Equatable {
    /// How the interval was obtained.
    public static let bootstrapMethod = "bootstrap over seeds"
    /// How the interval was obtained when every n has a single run.
    public static let tIntervalMethod = "OLS t-interval"
    /// No interval: one run per n and fewer than 3 points.
    public static let noIntervalMethod = "none"

    /// r̂ = −slope of the OLS line of `ln MSE` on `ln n`.
    public var exponent: Double
    /// ln C: the intercept of the OLS line, so that `ln MSE ≈ intercept − r̂ · ln n`.
    public var intercept: Double
    /// The 95% interval for r̂; `nil` when none can be formed (one run per n and only two
    /// points: a t-interval needs `df = points − 2 ≥ 1`).
    public var interval: ClosedRange<Double>?
    /// `"bootstrap over seeds"`, `"OLS t-interval"` or `"none"`.
    public var intervalMethod: String
    /// Number of runs in the fit.
    public var points: Int

    /// Creates a fit from its parts.
    public init(exponent: Double, intercept: Double, interval: ClosedRange<Double>?, intervalMethod: String, points: Int) {
        self.exponent = exponent
        self.intercept = intercept
        self.interval = interval
        self.intervalMethod = intervalMethod
        self.points = points
    }

    /// The fitted `ln MSE` at sample size n: `intercept − r̂ ln n`.
    public func logMSE(at n: Double) -> Double { intercept - exponent * Foundation.log(n) }

    /// Fits `(n, MSE)` points (docs/check.md). Points with a non-positive or non-finite MSE carry
    /// no logarithm and are left out by the caller (``CheckReport``).
    ///
    /// - `groups`: the MSEs of the runs at each sample size n, each list in a canonical order
    ///   (by replicate index), so the bootstrap is a function of the data alone.
    /// - Interval: when some n has ≥ 2 runs, a percentile bootstrap over seeds — `samples`
    ///   resamples, each drawing, for every n, as many runs as that n has, with replacement,
    ///   and refitting; the interval is the 2.5% and 97.5% quantiles of the refitted r̂
    ///   (linear interpolation between order statistics). Otherwise the OLS t-interval
    ///   `r̂ ± t_{0.975, p−2} · SE(slope)` when `p ≥ 3` points.
    /// - Returns: `nil` when fewer than 2 distinct n remain (no slope).
    public static func fit(groups: [(n: Int, mse: [Double])], bootstrapSamples samples: Int, seed: UInt64) -> PowerLawFit? {
        let groups = groups.filter { !$0.mse.isEmpty }
        guard groups.count >= 2, Set(groups.map(\.n)).count >= 2 else { return nil }
        var xs: [Double] = [], ys: [Double] = []
        for group in groups {
            for mse in group.mse { xs.append(Foundation.log(Double(group.n))); ys.append(Foundation.log(mse)) }
        }
        guard let line = OrdinaryLeastSquares(x: xs, y: ys) else { return nil }
        let exponent = -line.slope
        if groups.contains(where: { $0.mse.count >= 2 }), samples > 0 {
            let draws = bootstrapExponents(groups: groups.map { ($0.n, [$0.mse]) }, samples: samples, seed: seed).map { $0[0] }
            return PowerLawFit(exponent: exponent, intercept: line.intercept,
                               interval: percentileInterval(draws), intervalMethod: bootstrapMethod, points: xs.count)
        }
        guard xs.count >= 3 else {
            return PowerLawFit(exponent: exponent, intercept: line.intercept, interval: nil, intervalMethod: noIntervalMethod, points: xs.count)
        }
        let half = StudentT.quantile975(degreesOfFreedom: xs.count - 2) * line.slopeStandardError
        guard half.isFinite else {
            return PowerLawFit(exponent: exponent, intercept: line.intercept, interval: nil, intervalMethod: noIntervalMethod, points: xs.count)
        }
        return PowerLawFit(exponent: exponent, intercept: line.intercept,
                           interval: (exponent - half)...(exponent + half), intervalMethod: tIntervalMethod, points: xs.count)
    }

    /// The bootstrap over seeds for one or several estimators at once (docs/check.md).
    ///
    /// `groups[k] = (n, series)` where `series[e]` lists estimator e's MSEs at n, indexed by
    /// a shared replicate position: resample j draws the same positions for every
    /// estimator, which pairs replicates that saw the same data (the SSM − Transformer
    /// difference). Returns, per resample, r̂ of every estimator.
    /// Deterministic: `RandomSource(seed:)` and the order of `groups` fix every draw.
    static func bootstrapExponents(groups: [(n: Int, series: [[Double]])], samples: Int, seed: UInt64) -> [[Double]] {
        var random = RandomSource(seed: seed)
        let estimatorCount = groups.first?.series.count ?? 0
        let logN = groups.map { Foundation.log(Double($0.n)) }
        let logMSE = groups.map { $0.series.map { $0.map { Foundation.log($0) } } }
        var result: [[Double]] = []
        result.reserveCapacity(samples)
        for _ in 0..<samples {
            var xs: [Double] = [], ys = Array(repeating: [Double](), count: estimatorCount)
            for (k, group) in groups.enumerated() {
                let count = group.series[0].count
                for _ in 0..<count {
                    let pick = Int(random.next() % UInt64(count))
                    xs.append(logN[k])
                    for e in 0..<estimatorCount { ys[e].append(logMSE[k][e][pick]) }
                }
            }
            result.append(ys.map { OrdinaryLeastSquares(x: xs, y: $0).map { -$0.slope } ?? .nan })
        }
        return result
    }

    /// The 2.5% and 97.5% sample quantiles (type 7: linear interpolation between order
    /// statistics at position `(B − 1)·p`); non-finite draws are ignored.
    static func percentileInterval(_ draws: [Double]) -> ClosedRange<Double>? {
        let sorted = draws.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        func quantile(_ p: Double) -> Double {
            let h = Double(sorted.count - 1) * p
            let below = Int(h.rounded(.down))
            let above = min(below + 1, sorted.count - 1)
            return sorted[below] + (h - Double(below)) * (sorted[above] - sorted[below])
        }
        let lo = quantile(0.025), hi = quantile(0.975)
        return min(lo, hi)...max(lo, hi)
    }
}

/// Simple linear regression `y = intercept + slope · x` by ordinary least squares.
struct OrdinaryLeastSquares {
    var slope: Double
    var intercept: Double
    /// `SE(slope) = √(RSS / (p − 2) / Sxx)`; NaN when p < 3.
    var slopeStandardError: Double

    /// `slope = Sxy / Sxx`, `intercept = ȳ − slope · x̄`; `nil` when all x are equal.
    init?(x: [Double], y: [Double]) {
        let count = Double(x.count)
        guard x.count >= 2 else { return nil }
        let meanX = x.reduce(0, +) / count, meanY = y.reduce(0, +) / count
        var sxx = 0.0, sxy = 0.0
        for i in x.indices {
            sxx += (x[i] - meanX) * (x[i] - meanX)
            sxy += (x[i] - meanX) * (y[i] - meanY)
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        intercept = meanY - slope * meanX
        var rss = 0.0
        for i in x.indices {
            let residual = y[i] - intercept - slope * x[i]
            rss += residual * residual
        }
        slopeStandardError = x.count > 2 ? (rss / (count - 2) / sxx).squareRoot() : .nan
    }
}
