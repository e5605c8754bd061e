import ArgumentParser
import Bounds
import Foundation
import Numeric
import ProcessIO

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

    @Option(parsing: .unconditional, help: "Number of terms N (a positive integer).")
    var count: Int = 200_000

    @Option(parsing: .unconditional, help: "Timed runs; the median is reported (a positive integer).")
    var runs: Int = 5

    func validate() throws {
        try ValidationError.requirePositive(count, "--count")
        let maximum = RationalSumBenchmark.maximumCount
        if count > maximum { throw ValidationError("--count must be at most \(maximum), got \(count)") }
        try ValidationError.requirePositive(runs, "--runs")
    }

    func run() throws {
        let benchmark = RationalSumBenchmark(count: count)
        try StandardOutput.write(benchmark.headerLine(runs: runs) + "\n")
        var timings: [RationalSumTiming] = []
        var unwritten: Error?
        let sum = try benchmark.run(runs: runs) { run, timing in
            timings.append(timing)
            do { try StandardOutput.write(RationalSumBenchmark.runLine(run, timing) + "\n") } catch { unwritten = unwritten ?? error }
        }
        if let unwritten { throw unwritten }
        try StandardOutput.write(RationalSumBenchmark.resultLines(timings, sum: sum).map { $0 + "\n" }.joined())
    }
}
