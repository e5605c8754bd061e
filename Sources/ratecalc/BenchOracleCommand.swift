import ArgumentParser
import Bounds
import Foundation
import Numeric

/// `ratecalc bench oracle`: wall-clock time of the least-squares oracle's stages (evaluate the
/// target, draw a sample, fit with the level chosen by validation) on the target `check` would
/// build for a = (1, 2, 4); the work is `OracleBenchmark` (docs/benchmarks.md, "Oracle").
struct BenchOracleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oracle",
        abstract: "Time the least-squares oracle: target evaluation, sampling and the validated fit.",
        discussion: """
        Builds the γ-smooth target of a = (1, 2, 4) (one column, window 3) at the level `check` chooses \
        for --max-terms 12000, then times evaluating it at --rows uniform inputs, drawing --sequences \
        sequences of 32 tokens with noise σ = 0.1, and the oracle fit with 20% of the sequences held out \
        to choose its level. Build with `swift build -c release` for meaningful numbers.

        Example: ratecalc bench oracle --gamma mixed --threads 2
        """)

    @Option(help: "Sequences n in the oracle's sample (at least 2).")
    var sequences: Int = 16384

    @Option(help: "Random inputs the target is evaluated at (a positive integer).")
    var rows: Int = 500_000

    @Option(help: "γ of the target and basis, comma-separated: anisotropic, mixed.")
    var gamma: String = "anisotropic,mixed"

    @Option(help: "Threads for the oracle's parallel Gram products (default: all cores).")
    var threads: Int?

    func validate() throws {
        if sequences < 2 { throw ValidationError("--sequences must be at least 2, got \(sequences)") }
        if rows < 1 { throw ValidationError("--rows must be a positive integer, got \(rows)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be a positive integer, got \(threads)") }
        for name in gamma.split(separator: ",", omittingEmptySubsequences: false) where GammaType(rawValue: String(name)) == nil {
            throw ValidationError("--gamma: unknown γ '\(name)', expected anisotropic or mixed")
        }
    }

    func run() throws {
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        print("oracle: a = (1, 2, 4) (one column), window 3, \(sequences) sequences × 32, noise σ 0.1, 20% held out, threads \(threadCount)")
        for name in gamma.split(separator: ",") {
            var benchmark = OracleBenchmark(gamma: GammaType(rawValue: String(name))!)
            benchmark.sequences = sequences
            benchmark.evaluatedRows = rows
            benchmark.parallelism = Parallelism(threads: threadCount)
            let t = try benchmark.run()
            print("\(name): level \(t.level), \(t.termCount) terms")
            print(String(format: "  evaluate %d rows: %.3f s", t.evaluatedRows, t.evaluationSeconds))
            print(String(format: "  sample %d rows: %.3f s", t.sampleRows, t.sampleSeconds))
            print(String(format: "  fit: %.3f s, level %@, P %d, test MSE %.6g, validation MSE %.6g", t.fitSeconds,
                         "\(t.fit.level)", t.fit.basisSize, t.fit.testMSE, t.fit.validationMSE ?? .nan))
        }
    }
}
