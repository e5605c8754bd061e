import Bounds
import Foundation

/// How an estimator's fitted exponent compares with the theory (docs/check.md, "Verdict").
public enum CheckVerdict: String, Codable, Sendable, CaseIterable {
    /// r lies in r̂'s 95% interval `[lo, hi]`: `lo ≤ r ≤ hi`.
    case consistent
    /// The interval lies below r but meets the polylog band: `r − K/ln n̄ ≤ hi < r`.
    case consistentUpToPolylog = "consistent up to polylog"
    /// The interval lies entirely above r: `lo > r`.
    case fasterThanTheory = "faster than theory"
    /// The interval lies entirely below the polylog band: `hi < r − K/ln n̄`.
    case slowerThanTheory = "slower than theory"
    /// No interval: fewer than 2 distinct n, or one run per n and fewer than 3 points.
    case notEnoughData = "not enough data"
    /// The data cannot decide: some runs stopped on the step cap while still improving (the
    /// fitted errors are not those of trained estimators), or the interval is wider than r itself.
    case inconclusive

    /// Classifies an interval `[lo, hi]` against the theory exponent r and the band
    /// `[r − K/ln n̄, r]` (docs/check.md), with a one-line explanation that gives the numbers,
    /// e.g. `consistent: r = 8/15 ≈ 0.5333 lies in [0.41, 0.57]`.
    ///
    /// An interval wider than r (`hi − lo > r`) is `inconclusive`: it cannot tell any of the others apart.
    /// The edges belong to the better verdict: `lo = r` or `hi = r` is `consistent`,
    /// `hi = r − K/ln n̄` is `consistent up to polylog`.
    public static func classify(interval: ClosedRange<Double>, theory: Rational, band: CheckLogBand) -> (verdict: CheckVerdict, explanation: String) {
        let r = theory.doubleValue
        let lo = interval.lowerBound, hi = interval.upperBound
        let rText = "r = \(theory) ≈ \(CheckNumberFormat.short(r))"
        let intervalText = CheckNumberFormat.interval(interval)
        if hi - lo > r {
            return (.inconclusive, "inconclusive: the interval \(intervalText) is wider than \(rText) itself (add seeds or sizes)")
        }
        let bandText = "the polylog band [\(CheckNumberFormat.short(band.lower)), \(CheckNumberFormat.short(band.upper))] (K = \(CheckNumberFormat.short(band.k)), n̄ = \(CheckNumberFormat.short(band.geometricMeanN)))"
        if lo <= r && r <= hi {
            return (.consistent, "consistent: \(rText) lies in \(intervalText)")
        }
        if lo > r {
            return (.fasterThanTheory, "faster than theory: \(intervalText) lies entirely above \(rText)")
        }
        if hi >= band.lower {
            return (.consistentUpToPolylog, "consistent up to polylog: \(intervalText) lies below \(rText) but meets \(bandText)")
        }
        return (.slowerThanTheory, "slower than theory: \(intervalText) lies entirely below \(bandText)")
    }
}

/// The polylog band `[r − K/ln n̄, r]` (docs/check.md): over the sampled range the local slope of
/// `n^{−r} (ln n)^K` is `r − K/ln n̄`, with n̄ the geometric mean of the sampled n.
public struct CheckLogBand: Sendable, Equatable {
    /// K (`--log-band`, default 2).
    public var k: Double
    /// n̄ = `exp(mean ln n)` over the settings' sample sizes.
    public var geometricMeanN: Double
    /// `r − K/ln n̄` (−∞ when ln n̄ ≤ 0).
    public var lower: Double
    /// r.
    public var upper: Double

    /// The band for theory exponent r, constant K and sample sizes `sizes`.
    public init(theory r: Double, k: Double, sampleSizes sizes: [Int]) {
        let logs = sizes.filter { $0 > 0 }.map { _log(Double($0)) }
        let meanLog = logs.isEmpty ? 0 : logs.reduce(0, +) / Double(logs.count)
        self.k = k
        geometricMeanN = _exp(meanLog)
        upper = r
        lower = meanLog > 0 ? r - k / meanLog : -.infinity
    }

    /// Creates a band from its parts (tests).
    public init(k: Double, geometricMeanN: Double, lower: Double, upper: Double) {
        self.k = k
        self.geometricMeanN = geometricMeanN
        self.lower = lower
        self.upper = upper
    }
}

@inline(__always) private func _log(_ x: Double) -> Double { Foundation.log(x) }
@inline(__always) private func _exp(_ x: Double) -> Double { Foundation.exp(x) }
