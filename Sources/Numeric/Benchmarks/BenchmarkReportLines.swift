import Bounds
import Foundation

// The lines `ratecalc bench` prints, one format per benchmark (docs/benchmarks.md shows them);
// the Python references in bench/ print the same formats, so outputs compare line by line.

extension RationalSumBenchmark {
    /// `ã = Σ_{i=1}^{N} 1/a_i, a_i = (7i+3)/(i+1), N = …, balanced (binary-splitting) sum, R runs`.
    public func headerLine(runs: Int) -> String {
        "ã = Σ_{i=1}^{N} 1/a_i, a_i = (7i+3)/(i+1), N = \(count), balanced (binary-splitting) sum, \(runs) run\(runs == 1 ? "" : "s")"
    }

    /// `run k: W s (cpu C s)`.
    public static func runLine(_ run: Int, _ timing: RationalSumTiming) -> String {
        String(format: "run %d: %.3f s (cpu %.3f s)", run, timing.seconds, timing.cpuSeconds)
    }

    /// The medians (wall, CPU), the digit counts of the exact sum's numerator and denominator,
    /// their first and last 20 digits, and ã correctly rounded to 10 decimal places.
    public static func resultLines(_ timings: [RationalSumTiming], sum: Rational) -> [String] {
        let numerator = sum.numerator.description, denominator = sum.denominator.description
        return [String(format: "median: %.3f s", median(timings.map(\.seconds))),
                String(format: "median cpu: %.3f s", median(timings.map(\.cpuSeconds))),
                "numerator digits: \(numerator.count)",
                "denominator digits: \(denominator.count)",
                "numerator: \(abbreviated(numerator))",
                "denominator: \(abbreviated(denominator))",
                "ã ≈ \(sum.decimalString(fractionDigits: 10))"]
    }
}

extension TrainingThroughput {
    /// `ssm: S samples/s  (W ms/step, cpu C ms/step, params P)`, the line of `ratecalc bench train`
    /// and of `bench/torch_train_step.py` / `bench/jax_train_step.py`.
    public var line: String {
        String(format: "%@: %.0f samples/s  (%.2f ms/step, cpu %.2f ms/step, params %d)", configuration.architecture.rawValue,
               samplesPerSecond, millisecondsPerStep, cpuMillisecondsPerStep, parameterCount)
    }

    /// The first line of `ratecalc bench train`: the canonical configuration it times.
    public static func headerLine(threads: Int, steps: Int) -> String {
        "threads \(threads), batch 64, L 32, d 1, D 32, N 16, hidden 64, 2 blocks, 4 heads, \(steps) steps"
    }
}

extension OracleBenchmark {
    /// The first line of `ratecalc bench oracle`: the problem it times.
    public var headerLine: String {
        "oracle: a = (1, 2, 4) (one column), window \(window), \(sequences) sequences × \(length), noise σ \(noise), "
            + "\(Int((validationFraction * 100).rounded()))% held out, threads \(parallelism.threads)"
    }
}

extension OracleTimings {
    /// The stage times of one γ: level and terms of the target, then evaluation, sampling and fit.
    public func lines(gamma: GammaType) -> [String] {
        ["\(gamma.rawValue): level \(level), \(termCount) terms",
         String(format: "  evaluate %d rows: %.3f s", evaluatedRows, evaluationSeconds),
         String(format: "  sample %d rows: %.3f s", sampleRows, sampleSeconds),
         String(format: "  fit: %.3f s, level %@, P %d, test MSE %.6g, validation MSE %.6g", fitSeconds,
                "\(fit.level)", fit.basisSize, fit.testMSE, fit.validationMSE ?? .nan)]
    }
}
