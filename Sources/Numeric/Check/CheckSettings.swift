import Bounds

/// Everything that determines a `ratecalc check` sweep (SPEC §5–§6). Two shards can be merged
/// only when their settings are equal; the report prints them so a run can be repeated.
public struct CheckSettings: Codable, Sendable, Equatable {
    /// The smoothness exactly as the user typed it (finite vector or matrix, SPEC §4).
    public var smoothness: String
    /// Mixed or anisotropic γ (one per check).
    public var gamma: GammaType
    /// γ-smooth or piecewise γ-smooth target.
    public var functionClass: FunctionClass
    /// Estimators to run, in report order.
    public var estimators: [CheckEstimator]
    /// Sample sizes (number of training sequences), ascending, a geometric grid.
    public var sampleSizes: [Int]
    /// R: replicates per (estimator, n).
    public var seeds: Int
    /// Master seed; every run derives its own seeds from (seed, n, replicate).
    public var seed: UInt64
    /// σ: standard deviation of the Gaussian label noise.
    public var noise: Double
    /// L: positions per sequence.
    public var length: Int
    /// D: model width of the neural estimators.
    public var width: Int
    /// Training epochs (upper bound; early stopping may end sooner).
    public var epochs: Int
    /// K of the polylog band `[r − K/ln n̄, r]`.
    public var logBand: Double
    /// V: window of the piecewise target (tokens ranked by importance), and of `fnn`.
    public var window: Int
    /// T_max: the target contains every block with γ(s) ≤ T_max.
    public var targetLevel: Double
    /// Test sequences used to measure the neural estimators' error.
    public var testSequences: Int
    /// Lower bound on optimiser steps of a neural run: small n get more epochs
    /// (`max(epochs, ⌈minSteps / steps per epoch⌉)`), so they are not under-trained.
    public var minSteps: Int
    /// How the oracle picks its level T: `"validation"` (on a split of the training sequences)
    /// or `"theory"` (T(n) = a†/(2a†+1)·log₂ N with N the number of training positions).
    public var oracleLevel: String
    /// Block weights of the target: `"unit"` (w_s = 1) or `"summable"` (θ = 2 norm finite).
    public var weights: String

    /// Creates settings; `validate()` checks them.
    public init(smoothness: String, gamma: GammaType, functionClass: FunctionClass,
                estimators: [CheckEstimator], sampleSizes: [Int], seeds: Int, seed: UInt64,
                noise: Double, length: Int, width: Int, epochs: Int, logBand: Double,
                window: Int, targetLevel: Double, testSequences: Int,
                minSteps: Int = 1500, oracleLevel: String = "validation", weights: String = "unit") {
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
    }

    enum CodingKeys: String, CodingKey {
        case smoothness, gamma, estimators, seeds, seed, noise, length, width, epochs, window, weights
        case functionClass = "class"
        case sampleSizes = "n"
        case logBand = "log_band_k"
        case targetLevel = "target_level"
        case testSequences = "test_sequences"
        case minSteps = "min_steps"
        case oracleLevel = "oracle_level"
    }
}
