import ArgumentParser
import Bounds
import Numeric

/// The design of a `check` sweep: smoothness, class, estimators, n grid, seeds, data and
/// training options (docs/check.md). Defaults are calibrated in docs/check.md.
struct CheckSweepOptions: ParsableArguments {
    /// The library's defaults (`CheckRequest`), which `--help` shows.
    private static let defaults = CheckRequest.standard

    @Option(parsing: .unconditional, help: ArgumentHelp("Smoothness: a finite vector 1,2,4 or matrix 1,2;3,4 (rows = positions or ranks, columns = features).", valueName: "entries"))
    var smoothness: String

    @Option(help: "γ type: anisotropic or mixed.")
    var gamma: GammaType = Self.defaults.gamma

    @Option(name: .customLong("class"), help: "Function class: gamma (γ-smooth) or piecewise (dynamic smoothness).")
    var functionClass: FunctionClass = Self.defaults.functionClass

    @Option(help: ArgumentHelp("Estimators, comma-separated: \(Self.names(CheckEstimator.allCases, ", ")) (default: \(Self.names(CheckSweep.defaultEstimators(windowSweep: false))); the window sweep: \(Self.names(CheckSweep.defaultEstimators(windowSweep: true)))).", valueName: "list"))
    var arch: EstimatorList?

    @Option(name: .customLong("n-min"), parsing: .unconditional, help: "Smallest n (training sequences).")
    var nMin: Int = Self.defaults.nMin

    @Option(name: .customLong("n-max"), parsing: .unconditional, help: "Largest n.")
    var nMax: Int = Self.defaults.nMax

    @Option(parsing: .unconditional, help: "Points of the geometric n grid.")
    var points: Int = Self.defaults.points

    @Option(parsing: .unconditional, help: "R: the number of replicates per n (each with its own data and initialisation seeds, derived from --seed).")
    var seeds: Int = Self.defaults.seeds

    @Option(parsing: .unconditional, help: "Master seed; every run derives its seeds from it.")
    var seed: UInt64 = Self.defaults.seed

    @Option(parsing: .unconditional, help: "σ: standard deviation of the label noise.")
    var noise: Double = Self.defaults.noise

    @Option(parsing: .unconditional, help: "L: positions per sequence.")
    var length: Int = Self.defaults.length

    @Option(parsing: .unconditional, help: "D: width of the neural estimators.")
    var width: Int = Self.defaults.width

    @Option(parsing: .unconditional, help: "Epoch cap of a neural run: training stops on a plateau of the validation error, or at max(min-steps, epochs · steps per epoch) steps (then the run counts as not converged).")
    var epochs: Int = Self.defaults.epochs

    @Option(name: .customLong("min-steps"), parsing: .unconditional, help: "The step cap is at least this many optimiser steps (small n).")
    var minSteps: Int = Self.defaults.minSteps

    @Option(parsing: .unconditional, help: "Validation evaluations (every ≥ 100 steps) without a 0.1% improvement before the learning rate decays (×0.3, twice); the third plateau ends training.")
    var patience: Int = Self.defaults.patience

    @Option(help: "Network width: fixed (D = --width at every n) or theory (parameters ∝ the oracle's basis size at the theory's level T(n)).")
    var size: CheckNetworkSize = Self.defaults.size

    @Option(parsing: .unconditional, help: "M: blocks of the ssm and transformer (token-wise FNNs of the cnn, hidden layers of the fnn) (default: \(CheckRequest.defaultDepth(for: .gammaSmooth)) for --class gamma, \(CheckRequest.defaultDepth(for: .piecewise)) for piecewise).")
    var depth: Int?

    @Flag(name: .customLong("no-pre-fnn"), help: "Leave out the token-wise FNN between the embedding and the first block of the ssm and transformer (the plain layout; docs/training-engine.md).")
    var noPreFeedForward = !Self.defaults.preFeedForward

    @Option(name: .customLong("learning-rate"), parsing: .unconditional, help: ArgumentHelp("Peak Adam learning rate(s); with several (1e-3,3e-3), each run trains once per rate and keeps the lowest validation MSE.", valueName: "η[,η…]"))
    var learningRates = LearningRateList(values: Self.defaults.learningRates)

    @Flag(name: .customLong("no-floor"), help: "Skip the approximation floor (one noiseless run per network at --n-max).")
    var noFloor = !Self.defaults.floor

    @Option(name: .customLong("oracle-below"), parsing: .unconditional, help: "Extra oracle sizes below --n-min (the grid continued downwards), for the networks' oracle-equivalent sample sizes.")
    var oracleBelow: Int = Self.defaults.oracleSizesBelow

    @Option(name: .customLong("window"), help: ArgumentHelp("V: window of the piecewise target (tokens ranked by importance) and of fnn; several (4,8,16) run the window sweep at n = --n-max.", valueName: "V[,V…]"))
    var windows = WindowList(values: Self.defaults.windows)

    @Option(parsing: .unconditional, help: ArgumentHelp("O22's weak-ℓ^q exponent q > 0 of the smoothness: the cnn theory line states its polylog exponent κ exactly (changes no run).", valueName: "Q"),
            transform: Rational.argument)
    var q: Rational?

    @Option(name: .customLong("target-level"), parsing: .unconditional, help: ArgumentHelp("T_max: the target holds every block with γ(s) ≤ T_max (default: the largest level with at most --max-terms terms).", valueName: "T"))
    var targetLevel: Double?

    @Option(name: .customLong("max-terms"), parsing: .unconditional, help: "Term budget of the default target level.")
    var maxTerms: Int = Self.defaults.maxTerms

    @Option(help: "Target block weights: unit (w_s = 1) or summable (w_s = ∏(1+s_k)^(−1), θ = 2 norm finite).")
    var weights: TargetWeights = Self.defaults.weights

    @Option(name: .customLong("oracle-level"), help: "Oracle level T: validation (chosen on a split) or theory (T(N) = a†/(2a†+1)·log₂ N).")
    var oracleLevel: CheckOracleLevel = Self.defaults.oracleLevel

    @Option(name: .customLong("test-sequences"), parsing: .unconditional, help: "Fresh test sequences per replicate for the neural estimators' error.")
    var testSequences: Int = Self.defaults.testSequences

    @Option(name: .customLong("log-band"), parsing: .unconditional, help: ArgumentHelp("K of the polylog band [r − K/ln n̄, r].", valueName: "K"))
    var logBand: Double = Self.defaults.logBand

    /// Estimator ids joined for the help.
    private static func names(_ estimators: [CheckEstimator], _ separator: String = ",") -> String {
        estimators.map(\.rawValue).joined(separator: separator)
    }

    /// The library's request for these flags (its defaults are the flags' defaults).
    var request: CheckRequest {
        var request = CheckRequest(smoothness: smoothness)
        request.gamma = gamma
        request.functionClass = functionClass
        request.estimators = arch?.values
        request.nMin = nMin
        request.nMax = nMax
        request.points = points
        request.seeds = seeds
        request.seed = seed
        request.noise = noise
        request.length = length
        request.width = width
        request.epochs = epochs
        request.minSteps = minSteps
        request.patience = patience
        request.size = size
        request.oracleSizesBelow = oracleBelow
        request.windows = windows.values
        request.cnnQ = q
        request.targetLevel = targetLevel
        request.maxTerms = maxTerms
        request.weights = weights
        request.oracleLevel = oracleLevel
        request.testSequences = testSequences
        request.logBand = logBand
        request.depth = depth
        request.preFeedForward = !noPreFeedForward
        request.learningRates = learningRates.values
        request.floor = !noFloor
        return request
    }

    /// The validated sweep (`CheckRequest.sweep()`); errors name flags.
    func sweep() throws -> CheckSweep {
        try request.sweep()
    }
}
