import ArgumentParser

/// `ratecalc bench`: the performance benchmarks, each comparable with a Python reference in
/// `shared/bench/` (results and how to run them in docs/benchmarks.md).
///
/// - `sum`: the exact balanced sum ã = Σ 1/a_i of GMP rationals (vs `rational_sum.py`).
/// - `train`: training throughput of the SSM and Transformer estimators (vs `torch_train_step.py`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: exact rational summation and estimator training throughput.",
        discussion: """
        Build with `swift build -c release --product ratecalc` for meaningful numbers. \
        Measured results and the Python/PyTorch references are in docs/benchmarks.md.
        """,
        subcommands: [BenchSumCommand.self, BenchTrainCommand.self]
    )
}
