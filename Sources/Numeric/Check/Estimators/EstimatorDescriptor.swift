import Bounds

/// Everything `ratecalc check` knows about one estimator, in one value (docs/architecture.md,
/// "Adding an estimator"): its name, seed salt, what it fits with, what a training step costs, which
/// theorem's architecture it is, how plots draw it, whether it runs by default, and its help text.
/// The runner, the cost model, the plots, the CLI help and the tests' checks of the JSON schema and
/// of the benchmark scripts read it from ``EstimatorRegistry``; nothing else lists estimators.
public struct EstimatorDescriptor: Sendable {
    /// How an estimator fits: a network the engine trains, or the least-squares oracle.
    public enum Fit: Sendable, Equatable {
        /// A network of the engine (its layers are `architecture`'s, docs/training-engine.md), with
        /// the single-core seconds per sequence-position of one training step at D = 32, M = 2, the
        /// plain layout and one learning rate (``CheckCostModel``; measured, required).
        case network(SequenceArchitecture, stepSeconds: Double)
        /// Least squares on the target's trigonometric basis (``LeastSquaresOracle``).
        case oracle
    }

    /// What the theory exponent r of a check means for the estimator.
    public enum Theory: Sendable, Equatable {
        /// The report's header theorem covers it (NS24 for the SSM, TS23 for the Transformer, on both classes).
        case headline(Architecture)
        /// A theorem of the library may cover it; its note says which, or that none does
        /// (``CheckEstimator/theoryNote(functionClass:gamma:q:geometricMeanN:rate:)``).
        case coveringTheorem(Architecture)
        /// A reference measured against r (the fnn baseline, the oracle).
        case reference
    }

    /// The name in `--arch`, the JSON, the CSV and the shard files (`ssm`).
    public let id: String
    /// The fixed salt that with (n, replicate) seeds the estimator's initialisation, data split and
    /// bootstrap (``CheckSeeds/estimator(_:n:replicate:)``). It belongs to the estimator, not to its
    /// place in the registry, so adding one never changes another's runs; never reuse a salt.
    public let seedSalt: UInt64
    /// What it fits with.
    public let fit: Fit
    /// What r means for it.
    public let theory: Theory
    /// Plot colour (`#rrggbb`) and marker (`circle`, `square`, `triangle`, `diamond`), fixed so plots of different checks match.
    public let plotStyle: (colour: String, marker: String)
    /// Whether a check runs it when `--arch` is not given, and whether the window sweep does.
    public let runsByDefault: Bool, runsInWindowSweepByDefault: Bool
    /// One line for `--help` and docs/check.md.
    public let summary: String

    /// The engine architecture of a network, nil for the oracle.
    public var network: SequenceArchitecture? {
        if case .network(let architecture, _) = fit { return architecture }
        return nil
    }

    /// Whether it has NS24's token-wise FNN before its first block when the check asks for it
    /// (`--no-pre-fnn`): its engine architecture decides (``SequenceArchitecture/takesPreFeedForward``).
    public var takesPreFeedForward: Bool { network?.takesPreFeedForward ?? false }

    /// The measured step cost of a network, nil for the oracle.
    public var stepSeconds: Double? {
        if case .network(_, let seconds) = fit { return seconds }
        return nil
    }
}
