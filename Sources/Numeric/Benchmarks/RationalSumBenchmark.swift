import Bounds
import Foundation

/// The exact-arithmetic benchmark of `ratecalc bench sum` (docs/benchmarks.md, "Exact rational
/// sum"): the balanced sum ã = Σ_{i=1}^{N} 1/a_i with a_i = (7i+3)/(i+1), the anisotropic ã of
/// docs/formulas.md for a long smoothness vector, as GMP rationals. The terms are built once,
/// untimed; each run times `Rational.balancedSumOfReciprocals` (wall and process CPU), and every
/// run must give the same exact sum. `bench/rational_sum.py` sums the same terms in python-flint,
/// gmpy2 and `fractions`.
public struct RationalSumBenchmark: Sendable {
    /// N, the number of terms (1 ≤ N ≤ Int.max / 8, so that 7i + 3 fits).
    public let count: Int

    /// A benchmark of N = `count` terms.
    /// - Precondition: `1 ≤ count ≤ maximumCount`.
    public init(count: Int) {
        precondition(count >= 1 && count <= Self.maximumCount, "count must be in 1…maximumCount")
        self.count = count
    }

    /// Largest N whose terms 7i + 3 fit in an `Int`.
    public static let maximumCount = Int.max / 8

    /// Times `runs` balanced sums, calling `report(run, timing)` after each; returns the exact sum.
    /// - Throws: `CheckInputError` if two runs disagree (they cannot, unless the arithmetic is broken).
    public func run(runs: Int, report: (Int, RationalSumTiming) -> Void) throws -> Rational {
        let terms = (1...count).map { i in Rational(7 * i + 3, i + 1) }
        let clock = ContinuousClock()
        var sum: Rational?
        for run in 1...max(1, runs) {
            var result = Rational.zero
            let cpuStart = processCPUSeconds()
            let elapsed = clock.measure { result = Rational.balancedSumOfReciprocals(terms) }
            let timing = RationalSumTiming(seconds: elapsed.inSeconds, cpuSeconds: processCPUSeconds() - cpuStart)
            if let sum, sum != result { throw CheckInputError("run \(run) gave a different sum") }
            sum = result
            report(run, timing)
        }
        return sum!
    }

    /// The middle value of `values`, or the mean of the two middle values for an even count.
    /// - Precondition: `values` is not empty.
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// The decimal digits in full when at most `2·edge + 1` long, else the first and last `edge`
    /// around `…` (how the bench prints the exact numerator and denominator).
    public static func abbreviated(_ digits: String, edge: Int = 20) -> String {
        guard digits.count > 2 * edge + 1 else { return digits }
        return "\(digits.prefix(edge))…\(digits.suffix(edge))"
    }
}

/// One timed run of `RationalSumBenchmark`.
public struct RationalSumTiming: Sendable {
    /// Wall-clock seconds of the sum.
    public var seconds: Double
    /// Process CPU seconds of the sum (all threads).
    public var cpuSeconds: Double
}
