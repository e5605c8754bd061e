import ArgumentParser
import Foundation
import Numeric

/// `ratecalc bench train`: training throughput (samples/s) of the estimators
/// at the canonical configuration (L = 32, d = 1, D = 32, N = 16, FNN hidden 64,
/// 2 blocks, 4 heads, window 8, batch 64), comparable with the PyTorch and JAX references of docs/benchmarks.md.
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Training throughput (samples/s) of the ssm, transformer, cnn and fnn estimators.",
        discussion: """
        Times full training steps (forward, masked MSE, backward, gradient clipping, Adam) on random data at \
        L=32, d=1, D=32, N=16, hidden 64, 2 blocks, 4 heads, window 8 (cnn: 3 convolutions), batch 64, after \
        20 untimed warm-up steps. \
        Build with `swift build -c release` for meaningful numbers. Compare with \
        `python bench/torch_train_step.py STEPS` and `python bench/jax_train_step.py STEPS` (docs/benchmarks.md).

        Example: ratecalc bench train --steps 500 --threads 2
        """)

    @Option(help: "Timed training steps per architecture (a positive integer).")
    var steps: Int = 200

    @Option(help: "Threads for OpenBLAS and the engine's batch-parallel loops (default: all cores).")
    var threads: Int?

    @Option(help: "Architectures to time, comma-separated: ssm, transformer, cnn, fnn.")
    var arch: String = "ssm,transformer"

    func validate() throws {
        if steps < 1 { throw ValidationError("--steps must be a positive integer, got \(steps)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be a positive integer, got \(threads)") }
        for name in arch.split(separator: ",") where SequenceArchitecture(rawValue: String(name)) == nil {
            throw ValidationError("--arch: unknown architecture '\(name)', expected ssm, transformer, cnn or fnn")
        }
    }

    func run() throws {
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        print("threads \(threadCount), batch 64, L 32, d 1, D 32, N 16, hidden 64, 2 blocks, 4 heads, \(steps) steps")
        for name in arch.split(separator: ",") {
            let architecture = SequenceArchitecture(rawValue: String(name))!
            let model = SequenceModelConfiguration(architecture: architecture, tokenDimension: 1, sequenceLength: 32)
            let result = try measureTrainingThroughput(model, batchSize: 64, steps: steps,
                                                       parallelism: Parallelism(threads: threadCount))
            print(String(format: "%@: %.0f samples/s  (%.2f ms/step, params %d)", architecture.rawValue,
                         result.samplesPerSecond, result.millisecondsPerStep, result.parameterCount))
        }
    }
}
