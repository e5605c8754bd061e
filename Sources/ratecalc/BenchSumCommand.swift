import ArgumentParser
import Bounds
import Foundation
import Numeric

/// `ratecalc bench sum`: wall-clock time of the exact balanced sum ã = Σ_{i=1}^{N} 1/a_i with
/// a_i = (7i+3)/(i+1), the anisotropic ã of docs/formulas.md for a long smoothness vector.
///
/// The terms and the sum are those of `bench/rational_sum.py` (1/a_i = (i+1)/(7i+3),
/// summed by binary splitting), so the times compare with its `flint`, `gmpy2-split`,
/// `gmpy2` and `fraction` variants. Only the sum is timed; the terms are built once, untimed,
/// as the script builds its term list before starting the clock.
struct BenchSumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sum",
        abstract: "Time the exact balanced sum ã = Σ 1/a_i, a_i = (7i+3)/(i+1), i = 1…count.",
        discussion: """
        Builds a_i = (7i+3)/(i+1) for i = 1…count as exact GMP rationals, then times (ContinuousClock) the \
        balanced (binary-splitting) sum of their reciprocals, `runs` times. Prints each run (wall and process CPU time), the medians, the \
        digit counts of the exact result's numerator and denominator, its first and last digits, and ã as a \
        correctly rounded decimal. Build with `swift build -c release` for meaningful numbers. Compare with \
        `python3 bench/rational_sum.py --count COUNT --implementation flint` (or gmpy2-split, gmpy2, fraction).

        Example: ratecalc bench sum --count 200000 --runs 5
        """)

    @Option(help: "Number of terms N (a positive integer).")
    var count: Int = 200_000

    @Option(help: "Timed runs; the median is reported (a positive integer).")
    var runs: Int = 5

    /// Digits shown at each end of the exact numerator and denominator.
    private static let edgeDigits = 20

    func validate() throws {
        try ValidationError.requirePositive(count, "--count")
        // 7i + 3 must fit in an Int; far beyond any count that finishes in reasonable time.
        if count > Int.max / 8 { throw ValidationError("--count must be at most \(Int.max / 8), got \(count)") }
        try ValidationError.requirePositive(runs, "--runs")
    }

    func run() throws {
        let terms = (1...count).map { i in Rational(7 * i + 3, i + 1) }
        print("ã = Σ_{i=1}^{N} 1/a_i, a_i = (7i+3)/(i+1), N = \(count), balanced (binary-splitting) sum, \(runs) run\(runs == 1 ? "" : "s")")
        let clock = ContinuousClock()
        var seconds: [Double] = [], cpuSeconds: [Double] = []
        var sum = Rational.zero
        for run in 1...runs {
            var result = Rational.zero
            let cpuStart = processCPUSeconds()
            let elapsed = clock.measure { result = Rational.balancedSumOfReciprocals(terms) }
            cpuSeconds.append(processCPUSeconds() - cpuStart)
            if run > 1 && result != sum { throw ValidationError("run \(run) gave a different sum") }
            sum = result
            seconds.append(elapsed.inSeconds)
            print(String(format: "run %d: %.3f s (cpu %.3f s)", run, seconds.last!, cpuSeconds.last!))
        }
        print(String(format: "median: %.3f s", Self.median(seconds)))
        print(String(format: "median cpu: %.3f s", Self.median(cpuSeconds)))
        let numerator = sum.numerator.description, denominator = sum.denominator.description
        print("numerator digits: \(numerator.count)")
        print("denominator digits: \(denominator.count)")
        print("numerator: \(Self.abbreviated(numerator))")
        print("denominator: \(Self.abbreviated(denominator))")
        print("ã ≈ \(sum.decimalString(fractionDigits: 10))")
    }

    /// The middle value, or the mean of the two middle values for an even count.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// The digits in full when short, else the first and last `edgeDigits` around `…`.
    private static func abbreviated(_ digits: String) -> String {
        guard digits.count > 2 * edgeDigits + 1 else { return digits }
        return "\(digits.prefix(edgeDigits))…\(digits.suffix(edgeDigits))"
    }
}
