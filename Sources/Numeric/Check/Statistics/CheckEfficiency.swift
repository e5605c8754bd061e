import Foundation

/// A network's efficiency against the oracle (docs/check.md, "Efficiency against the oracle"):
/// for each run at n with test MSE m, the oracle-equivalent size `n_eq` (where the oracle's curve
/// reaches m) and `c = n / n_eq`, how many times more data the network needs than the oracle. The
/// slope b of `ln c` on `ln n` compares rates without depending on the level staircase: `b = 0`
/// (an interval containing 0) means the network attains the oracle's rate up to the constant
/// factor c; `b > 0` means its error falls more slowly (its rate is about `(1 − b)` times the oracle's).
public struct CheckEfficiency: Sendable, Equatable {
    /// c at one sample size n.
    public struct SizeEntry: Sendable, Equatable {
        /// Sample size n.
        public var n: Int
        /// The geometric mean of c over the runs at n (censored runs enter at their bound).
        public var c: Double
        /// Runs whose MSE is above the oracle's at its smallest size: their c is at least the bound.
        public var atLeast: Int
        /// Runs whose MSE is below the oracle's at its largest size: their c is at most the bound.
        public var atMost: Int
        /// Runs at n.
        public var runs: Int
    }

    /// How the slope of ln c compares with 0.
    public enum Verdict: String, Sendable, Equatable, Codable {
        /// The 95% interval of b contains 0.
        case sameRate = "same rate as the oracle"
        /// The interval lies above 0.
        case slower = "slower than the oracle"
        /// The interval lies below 0.
        case faster = "faster than the oracle"
        /// No interval, or most runs outside the oracle's range.
        case inconclusive
    }

    /// One entry per n of the fitted grid, ascending.
    public var sizes: [SizeEntry]
    /// b: OLS slope of ln c on ln n over the runs inside the oracle's range; `nil` without 2 sizes.
    public var trend: Double?
    /// 95% bootstrap interval of b (resampling the network's and the oracle's replicates per n).
    public var trendInterval: ClosedRange<Double>?
    /// The geometric mean of c over all runs inside the oracle's range.
    public var meanC: Double?
    /// The exponent the ideal projection estimator (risk R(n)) shows on this grid.
    public var idealExponent: Double?
    /// The exponent an estimator with risk `R(n / meanC)`, rate-optimal but `meanC` times less
    /// efficient, shows on this grid.
    public var predictedExponent: Double?
    /// The classification of the trend.
    public var verdict: Verdict
    /// One line with the numbers.
    public var explanation: String

    /// Computes the efficiency of `network` runs against `oracle` runs (all sizes, extension
    /// included); `risk` gives the projection-risk comparison; the bootstrap is seeded.
    init?(network: [CheckRunRecord], oracle: [CheckRunRecord], sizes grid: [Int], risk: ProjectionRisk?,
          bootstrapSamples: Int, seed: UInt64) {
        let oracleSizes = Array(Set(oracle.map(\.n))).sorted()
        let oracleGroups = oracleSizes.map { n in (n: n, mse: oracle.filter { $0.n == n }.map(\.testMSE)) }
        guard let curve = OracleCurve(groups: oracleGroups) else { return nil }
        let networkSizes = Array(Set(network.map(\.n))).sorted()
        let networkGroups = networkSizes.map { n in
            (n: n, mse: network.filter { $0.n == n && $0.testMSE > 0 && $0.testMSE.isFinite }.map(\.testMSE))
        }.filter { !$0.mse.isEmpty }
        guard !networkGroups.isEmpty else { return nil }

        sizes = networkGroups.map { group in
            var logs: [Double] = [], atLeast = 0, atMost = 0
            for mse in group.mse {
                let logN = Foundation.log(Double(group.n))
                switch curve.crossing(logMSE: Foundation.log(mse)) {
                case .inside(let logEq): logs.append(logN - logEq)
                case .belowRange: logs.append(logN - curve.range.lowerBound); atLeast += 1
                case .aboveRange: logs.append(logN - curve.range.upperBound); atMost += 1
                }
            }
            return SizeEntry(n: group.n, c: Foundation.exp(logs.reduce(0, +) / Double(logs.count)),
                             atLeast: atLeast, atMost: atMost, runs: group.mse.count)
        }
        let points = Self.points(networkGroups, curve: curve)
        let total = networkGroups.reduce(0) { $0 + $1.mse.count }
        trend = Self.slope(points)
        meanC = points.isEmpty ? nil : Foundation.exp(points.map(\.logC).reduce(0, +) / Double(points.count))
        if trend != nil, bootstrapSamples > 0,
           networkGroups.contains(where: { $0.mse.count >= 2 }) || oracleGroups.contains(where: { $0.mse.count >= 2 }) {
            var random = RandomSource(seed: seed)
            func resample(_ values: [Double]) -> [Double] {
                values.map { _ in values[Int(random.next() % UInt64(values.count))] }
            }
            var draws: [Double] = []
            draws.reserveCapacity(bootstrapSamples)
            for _ in 0..<bootstrapSamples {
                let oracleDraw = oracleGroups.map { (n: $0.n, mse: $0.mse.isEmpty ? [] : resample($0.mse)) }
                let networkDraw = networkGroups.map { (n: $0.n, mse: resample($0.mse)) }
                guard let resampledCurve = OracleCurve(groups: oracleDraw),
                      let slope = Self.slope(Self.points(networkDraw, curve: resampledCurve)) else { continue }
                draws.append(slope)
            }
            trendInterval = PowerLawFit.percentileInterval(draws)
        } else {
            trendInterval = nil
        }
        let meanC = self.meanC
        idealExponent = risk?.localExponent(sizes: grid, efficiency: 1)
        let predicted = meanC.flatMap { c in risk?.localExponent(sizes: grid, efficiency: c) }
        predictedExponent = predicted

        let cText = meanC.map { "c ≈ \(CheckNumberFormat.short($0))" } ?? "c unknown"
        let outside = total - points.count
        if let trend = self.trend, let interval = self.trendInterval, 2 * outside <= total {
            let bText = "ln c on ln n has slope \(CheckNumberFormat.short(trend)) \(CheckNumberFormat.interval(interval))"
            let prediction = predicted.map {
                "; a rate-optimal estimator \(CheckNumberFormat.short(meanC!))× less efficient than the ideal projection would show r̂ ≈ \(CheckNumberFormat.short($0)) on this grid"
            } ?? ""
            if interval.contains(0) {
                verdict = .sameRate
                explanation = "same rate as the oracle up to a constant factor: \(bText) contains 0 (\(cText))\(prediction)"
            } else if interval.lowerBound > 0 {
                verdict = .slower
                explanation = "slower than the oracle: \(bText) lies above 0, the network's data need grows like n^\(CheckNumberFormat.short(trend)) (\(cText))\(prediction)"
            } else {
                verdict = .faster
                explanation = "faster than the oracle's curve: \(bText) lies below 0 (\(cText))\(prediction)"
            }
        } else {
            verdict = .inconclusive
            if 2 * outside > total {
                explanation = "inconclusive: \(outside) of \(total) runs lie outside the oracle's curve (n = \(oracleSizes.first!) … \(oracleSizes.last!)); extend it with --oracle-below"
            } else {
                explanation = "inconclusive: no interval for the slope of ln c (needs ≥ 2 sizes and replicates) (\(cText))"
            }
        }
    }

    /// `(ln n, ln c)` of every run whose MSE the curve reaches.
    private static func points(_ groups: [(n: Int, mse: [Double])], curve: OracleCurve) -> [(logN: Double, logC: Double)] {
        var points: [(logN: Double, logC: Double)] = []
        for group in groups {
            let logN = Foundation.log(Double(group.n))
            for mse in group.mse {
                if case .inside(let logEq) = curve.crossing(logMSE: Foundation.log(mse)) {
                    points.append((logN, logN - logEq))
                }
            }
        }
        return points
    }

    private static func slope(_ points: [(logN: Double, logC: Double)]) -> Double? {
        OrdinaryLeastSquares(x: points.map(\.logN), y: points.map(\.logC))?.slope
    }
}
