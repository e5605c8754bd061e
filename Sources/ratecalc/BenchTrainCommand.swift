import ArgumentParser
import Foundation
import Numeric
import ProcessIO

/// `ratecalc bench train`: training throughput (samples/s) of the ssm, transformer, cnn and fnn estimators
/// at the canonical configuration (L = 32, d = 1, D = 32, N = 16, FNN hidden 64,
/// 2 blocks, 4 heads, window 8 (cnn: 3 convolutions), batch 64), comparable with `bench/torch_train_step.py` (PyTorch
/// eager) and `bench/jax_train_step.py` (JAX, jit-compiled step).
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Training throughput (samples/s) of the ssm, transformer, cnn and fnn estimators.",
        discussion: """
        Times full training steps (forward, masked MSE, backward, gradient clipping, Adam) on random data at \
        L=32, d=1, D=32, N=16, hidden 64, 2 blocks, 4 heads, batch 64, after 20 untimed warm-up steps. \
        Build with `swift build -c release` for meaningful numbers. Compare with \
        `python3 bench/torch_train_step.py --steps STEPS --threads THREADS --models ssm,transformer` \
        and the same arguments to `bench/jax_train_step.py` (docs/benchmarks.md).

        Example: ratecalc bench train --steps 500 --threads 2
        """)

    @Option(parsing: .unconditional, help: "Timed training steps per architecture (a positive integer).")
    var steps: Int = 200

    @Option(parsing: .unconditional, help: "Threads for the data-parallel training step: 64 sequences run as 2 pieces of 32, so more than 2 threads add nothing; OpenBLAS runs single-threaded inside each piece (default: all cores).")
    var threads: Int?

    @Option(help: ArgumentHelp("Architectures to time, comma-separated: ssm, ssm-taps, transformer, cnn, fnn.", valueName: "list"))
    var arch = ArchitectureList(values: CanonicalBenchmark.defaultArchitectures)

    @Flag(name: .customLong("pre-fnn"), help: "ssm, ssm-taps, transformer: the token-wise FNN before the first block (check's default layout; the reference scripts take the same flag).")
    var preFeedForward = false

    func validate() throws {
        try ValidationError.requirePositive(steps, "--steps")
        try ValidationError.requirePositive(threads, "--threads")
    }

    func run() throws {
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        try StandardOutput.write(TrainingThroughput.headerLine(threads: threadCount, steps: steps) + "\n")
        for architecture in arch.values {
            let model = CanonicalBenchmark.configuration(architecture, preFeedForward: preFeedForward)
            let throughput = try measureTrainingThroughput(model, batchSize: CanonicalBenchmark.batchSize, steps: steps,
                                                           parallelism: Parallelism(threads: threadCount))
            try StandardOutput.write(throughput.line + "\n")
        }
    }
}
