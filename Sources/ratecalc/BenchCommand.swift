import ArgumentParser

/// `ratecalc bench`: the performance benchmarks (results and how to run them in docs/benchmarks.md).
///
/// - `sum`: the exact balanced sum ã = Σ 1/a_i of GMP rationals (vs `bench/rational_sum.py`).
/// - `train`: training throughput of the estimators (vs `bench/torch_train_step.py` and
///   `bench/jax_train_step.py`).
/// - `oracle`: the least-squares oracle's stages on a `check`-sized problem (`OracleBenchmark`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: exact rational summation, estimator training throughput, the least-squares oracle.",
        discussion: """
        Build with `swift build -c release --product ratecalc` for meaningful numbers. \
        Measured results and the Python references in bench/ (PyTorch, JAX, python-flint, gmpy2) are in docs/benchmarks.md.
        """,
        subcommands: [BenchSumCommand.self, BenchTrainCommand.self, BenchOracleCommand.self]
    )
}
