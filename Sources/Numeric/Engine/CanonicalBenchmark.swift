/// The configuration `ratecalc bench train` times and `bench/canonical.py` gives the PyTorch and
/// JAX reference scripts (docs/benchmarks.md): L = 32, d = 1, batch 64, and every other shape at
/// ``SequenceModelConfiguration``'s defaults (D = 32, N = 16, FNN hidden 64, M = 2, 4 heads, V = 8).
/// A test reads `bench/canonical.py` and the scripts' model tables and compares them with this.
public enum CanonicalBenchmark {
    /// Sequences per timed step.
    public static let batchSize = 64
    /// L: positions per sequence.
    public static let sequenceLength = 32
    /// d: features per token.
    public static let tokenDimension = 1
    /// The architectures timed when none are named.
    public static let defaultArchitectures: [SequenceArchitecture] = [.ssm, .transformer]

    /// The model timed for `architecture` (with NS24's pre-FNN when `preFeedForward`, ssm and transformer only).
    public static func configuration(_ architecture: SequenceArchitecture, preFeedForward: Bool = false) -> SequenceModelConfiguration {
        SequenceModelConfiguration(architecture: architecture, tokenDimension: tokenDimension, sequenceLength: sequenceLength,
                                   preFeedForward: preFeedForward)
    }
}
