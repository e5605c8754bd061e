import Bounds
import Foundation

/// Everything that determines a `ratecalc check` sweep (docs/check.md). Two shards can be merged
/// only when their settings are equal; the report prints them so a run can be repeated.
///
/// The initial value of each property is the documented default (docs/check.md, "How the defaults
/// were calibrated"; ``CheckRequest`` starts from them). Each stored setting is one row of
/// ``fields`` (CheckSettings+Fields.swift), which encodes, decodes (with what older shards ran when
/// the key is absent), writes the report's JSON and the command line: adding a setting is a property
/// here, a ``CheckField`` case for its key and flag, one row, the `check` flag, and its use.
public struct CheckSettings: Codable, Sendable, Equatable {
    /// The smoothness exactly as the user typed it (finite vector or matrix, docs/limits.md).
    public var smoothness: String
    /// Mixed or anisotropic γ (one per check).
    public var gamma: GammaType = .anisotropic
    /// γ-smooth or piecewise γ-smooth target.
    public var functionClass: FunctionClass = .gammaSmooth
    /// Estimators to run, in report order.
    public var estimators: [CheckEstimator] = CheckSweep.defaultEstimators(windowSweep: false)
    /// Sample sizes (number of training sequences), ascending, a geometric grid (``CheckRequest``
    /// draws it from its n-min, n-max and points; empty until then).
    public var sampleSizes: [Int] = []
    /// R: replicates per (estimator, n) (`--seeds`; the JSON key stays `seeds`).
    public var seeds: Int = 3
    /// Master seed; every run derives its own seeds from (seed, n, replicate).
    public var seed: UInt64 = 0
    /// σ: standard deviation of the Gaussian label noise.
    public var noise: Double = 1
    /// L: positions per sequence.
    public var length: Int = 32
    /// D: model width of the neural estimators.
    public var width: Int = 32
    /// Epoch cap of a neural run (the step cap is `max(minSteps, epochs · steps per epoch)`, so it
    /// grows with n); training usually ends sooner, on a plateau of the validation error.
    public var epochs: Int = 100
    /// K of the polylog band `[r − K/ln n̄, r]`.
    public var logBand: Double = 2
    /// V: window of the piecewise target (tokens ranked by importance), and of `fnn`.
    public var window: Int = 8
    /// T_max: the target contains every block with γ(s) ≤ T_max.
    public var targetLevel: Double = 0
    /// Test sequences used to measure the neural estimators' error.
    public var testSequences: Int = 512
    /// Lower bound on the step cap of a neural run, so that small n are not under-trained.
    public var minSteps: Int = 4000
    /// Validation evaluations without a 0.1% improvement before the learning rate decays (×0.3,
    /// twice) and, at the third plateau, training stops (docs/check.md, "Training to convergence").
    public var patience: Int = 4
    /// Width of the neural estimators: `.fixed` (D = `width` at every n) or `.theory` (the
    /// parameter count grows with the oracle's basis size at the theory's level T(n)).
    public var size: CheckNetworkSize = .fixed
    /// Extra oracle sizes below the smallest n (the geometric grid continued downwards), used
    /// only for the networks' oracle-equivalent sample sizes (docs/check.md, "Efficiency").
    public var oracleSizesBelow: Int = 5
    /// How the oracle picks its level T (`validation` or `theory`, ``CheckOracleLevel``).
    public var oracleLevel: CheckOracleLevel = .validation
    /// Block weights of the target: `unit` (w_s = 1) or `summable` (θ = 2 norm finite).
    public var weights: TargetWeights = .unit
    /// O22's weak-ℓ^q exponent q of the smoothness, exact (`3/2`), when given: the cnn's theory
    /// note then states its polylog exponent κ = 2/q + 2 + max(4/q, 4) (O22 Thm 10/14) exactly.
    /// It changes no run; absent from the JSON when nil, so older shards read unchanged.
    public var cnnQ: String?
    /// M: blocks of `ssm`, `transformer` (and FNNs of `cnn`, hidden layers of `fnn`). Shards written
    /// before the field existed ran M = 2.
    public var depth: Int = 2
    /// Whether `ssm` and `transformer` have the token-wise FNN before their first block (NS24's
    /// pre-FNN; docs/training-engine.md, "Layouts"). Shards written before the field existed ran without it.
    public var preFeedForward: Bool = true
    /// The peak Adam learning rates tried per neural run, ascending: with more than one, each run
    /// trains once per rate and keeps the fit with the lowest validation MSE (the test set is never
    /// consulted); the chosen rate is recorded in the run's details (`learning_rate`).
    public var learningRates: [Double] = [3e-3]
    /// Whether every network also runs once on noiseless data at the largest n (its approximation
    /// floor, docs/check.md "Approximation floor"). Shards written before the field existed had none.
    public var floor: Bool = true
    /// What the ssm and transformer mix over (``CheckMixing``): resolved per class by
    /// ``CheckRequest/defaultMixing(for:)``. Shards written before the field existed mixed over
    /// the whole causal past.
    public var mixing: CheckMixing = .full

    /// The layout defaults of shards written before `depth`, `preFeedForward`, `learningRates` and
    /// `floor` existed: what those sweeps ran.
    public static let legacyDepth = 2, legacyLearningRates = [3e-3]

    /// Every setting at its documented default, for `smoothness`.
    public init(smoothness: String) {
        self.smoothness = smoothness
    }

    /// The documented defaults (the smoothness empty).
    public static let standard = CheckSettings(smoothness: "")

    /// Creates settings; `validate()` checks them. The training and oracle options default to the
    /// documented defaults; `depth`, `preFeedForward`, `learningRates` and `floor` to the legacy
    /// layout, what shards without those keys ran.
    public init(smoothness: String, gamma: GammaType, functionClass: FunctionClass,
                estimators: [CheckEstimator], sampleSizes: [Int], seeds: Int, seed: UInt64,
                noise: Double, length: Int, width: Int, epochs: Int, logBand: Double,
                window: Int, targetLevel: Double, testSequences: Int,
                minSteps: Int = CheckSettings.standard.minSteps, oracleLevel: CheckOracleLevel = CheckSettings.standard.oracleLevel,
                weights: TargetWeights = CheckSettings.standard.weights, patience: Int = CheckSettings.standard.patience,
                size: CheckNetworkSize = CheckSettings.standard.size, oracleSizesBelow: Int = CheckSettings.standard.oracleSizesBelow,
                depth: Int = CheckSettings.legacyDepth, preFeedForward: Bool = false,
                learningRates: [Double] = CheckSettings.legacyLearningRates, floor: Bool = false) {
        self.smoothness = smoothness
        self.gamma = gamma
        self.functionClass = functionClass
        self.estimators = estimators
        self.sampleSizes = sampleSizes
        self.seeds = seeds
        self.seed = seed
        self.noise = noise
        self.length = length
        self.width = width
        self.epochs = epochs
        self.logBand = logBand
        self.window = window
        self.targetLevel = targetLevel
        self.testSequences = testSequences
        self.minSteps = minSteps
        self.oracleLevel = oracleLevel
        self.weights = weights
        self.patience = patience
        self.size = size
        self.oracleSizesBelow = oracleSizesBelow
        self.depth = depth
        self.preFeedForward = preFeedForward
        self.learningRates = learningRates
        self.floor = floor
    }

    /// The sizes at which the oracle runs only to give the networks' oracle-equivalent sizes:
    /// `oracleSizesBelow` points of the geometric grid continued below the smallest n (ratio
    /// `n₂/n₁`, or 2 with a single n), rounded, ≥ 2 sequences, distinct, ascending. Empty when the
    /// sweep has no oracle or no network.
    public var oracleExtensionSizes: [Int] {
        guard estimators.contains(.oracle), estimators.contains(where: { $0 != .oracle }),
              let smallest = sampleSizes.first else { return [] }
        let ratio = sampleSizes.count >= 2 ? Double(sampleSizes[1]) / Double(smallest) : 2
        guard ratio > 1 else { return [] }
        var sizes: [Int] = []
        for k in stride(from: oracleSizesBelow, through: 1, by: -1) {
            let n = Int((Double(smallest) / Foundation.pow(ratio, Double(k))).rounded())
            if n >= 2, n < smallest, !sizes.contains(n) { sizes.append(n) }
        }
        return sizes
    }
}

/// How the least-squares oracle picks its level T (`check --oracle-level`, docs/check.md).
public enum CheckOracleLevel: String, Codable, Sendable, CaseIterable {
    /// T chosen on a validation split (a fifth) of the training sequences.
    case validation
    /// T(n) = a†/(2a†+1)·log₂ N, N the number of training positions: the theorems' level.
    case theory
}

/// What the ssm and transformer mix over (`check --mixing`; docs/check.md, "Mixing window").
public enum CheckMixing: String, Codable, Sendable, CaseIterable {
    /// The whole causal past: S4D kernels over all L lags, attention over every earlier position.
    case full
    /// The class's window V: ssm kernels cut to the lags 0 … V−1 (NS24's finite-window LTI
    /// convolution) and attention over the last V positions, the window the piecewise class ranks
    /// its tokens in (and the one the fnn and cnn already see).
    case window
}

/// How the neural estimators' width follows n (`check --size`).
public enum CheckNetworkSize: String, Codable, Sendable, CaseIterable {
    /// D = `--width` at every n.
    case fixed
    /// D(n) = D·√(P(T(n)) / P(T(n_min))), rounded to a multiple of 4, with FNN hidden width 2·D(n):
    /// the parameter count (≈ quadratic in D) grows like the oracle's basis size P at the
    /// theory's level T(n) = a†/(2a†+1)·log₂ N, as the theorems' network classes do.
    case theory
}
