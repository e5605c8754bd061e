import ArgumentParser
import Bounds
import Foundation
import Numeric
import ProcessIO

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

    @Option(parsing: .unconditional, help: "Sequences n in the oracle's sample (at least 2).")
    var sequences: Int = 16384

    @Option(parsing: .unconditional, help: "Random inputs the target is evaluated at (a positive integer).")
    var rows: Int = 500_000

    @Option(help: ArgumentHelp("γ of the target and basis, comma-separated: anisotropic, mixed.", valueName: "list"))
    var gamma = GammaList(values: [.anisotropic, .mixed])

    @Option(parsing: .unconditional, help: "Threads for the oracle's parallel Gram products (default: all cores).")
    var threads: Int?

    func validate() throws {
        if sequences < 2 { throw ValidationError("--sequences must be at least 2, got \(sequences)") }
        try ValidationError.requirePositive(rows, "--rows")
        try ValidationError.requirePositive(threads, "--threads")
    }

    func run() throws {
        var benchmark = OracleBenchmark(gamma: .anisotropic)
        benchmark.sequences = sequences
        benchmark.evaluatedRows = rows
        benchmark.parallelism = Parallelism(threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        try StandardOutput.write(benchmark.headerLine + "\n")
        for gamma in gamma.values {
            benchmark.gamma = gamma
            try StandardOutput.write(benchmark.run().lines(gamma: gamma).map { $0 + "\n" }.joined())
        }
    }
}
