import ArgumentParser
import Bounds
import Numeric

/// The design of a `check` sweep: smoothness, class, estimators, n grid, seeds, data and
/// training options (docs/check.md). Defaults are calibrated in docs/check.md.
struct CheckSweepOptions: ParsableArguments {
    /// The library's defaults (`CheckRequest`), which `--help` shows.
    private static let defaults = CheckRequest.standard

    @Option(name: .customLong(CheckField.smoothness.longName), parsing: .unconditional, help: ArgumentHelp("Smoothness: a finite vector 1,2,4 or matrix 1,2;3,4 (rows = positions or ranks, columns = features).", valueName: "entries"))
    var smoothness: String

    @Option(name: .customLong(CheckField.gamma.longName), help: "γ type: anisotropic or mixed.")
    var gamma: GammaType = Self.defaults.gamma

    @Option(name: .customLong(CheckField.functionClass.longName), help: "Function class: gamma (γ-smooth) or piecewise (dynamic smoothness).")
    var functionClass: FunctionClass = Self.defaults.functionClass

    @Option(name: .customLong(CheckField.estimators.longName), help: ArgumentHelp("Estimators, comma-separated: \(Self.names(CheckEstimator.allCases, ", ")) (default: \(Self.names(CheckSweep.defaultEstimators(windowSweep: false))); the window sweep: \(Self.names(CheckSweep.defaultEstimators(windowSweep: true)))).", valueName: "list"))
    var arch: EstimatorList?

    @Option(name: .customLong(CheckField.nMin.longName), parsing: .unconditional, help: "Smallest n (training sequences).")
    var nMin: Int = Self.defaults.nMin

    @Option(name: .customLong(CheckField.nMax.longName), parsing: .unconditional, help: "Largest n.")
    var nMax: Int = Self.defaults.nMax

    @Option(name: .customLong(CheckField.points.longName), parsing: .unconditional, help: "Points of the geometric n grid.")
    var points: Int = Self.defaults.points

    @Option(name: .customLong(CheckField.seeds.longName), parsing: .unconditional, help: "R: the number of replicates per n (each with its own data and initialisation seeds, derived from --seed).")
    var seeds: Int = Self.defaults.seeds

    @Option(name: .customLong(CheckField.seed.longName), parsing: .unconditional, help: "Master seed; every run derives its seeds from it.")
    var seed: UInt64 = Self.defaults.seed

    @Option(name: .customLong(CheckField.noise.longName), parsing: .unconditional, help: "σ: standard deviation of the label noise.")
    var noise: Double = Self.defaults.noise

    @Option(name: .customLong(CheckField.length.longName), parsing: .unconditional, help: "L: positions per sequence.")
    var length: Int = Self.defaults.length

    @Option(name: .customLong(CheckField.width.longName), parsing: .unconditional, help: "D: width of the neural estimators.")
    var width: Int = Self.defaults.width

    @Option(name: .customLong(CheckField.epochs.longName), parsing: .unconditional, help: "Epoch cap of a neural run: training stops on a plateau of the validation error, or at max(min-steps, epochs · steps per epoch) steps (then the run counts as not converged).")
    var epochs: Int = Self.defaults.epochs

    @Option(name: .customLong(CheckField.minSteps.longName), parsing: .unconditional, help: "The step cap is at least this many optimiser steps (small n).")
    var minSteps: Int = Self.defaults.minSteps

    @Option(name: .customLong(CheckField.patience.longName), parsing: .unconditional, help: "Validation evaluations (every ≥ 100 steps) without a 0.1% improvement before the learning rate decays (×0.3, twice); the third plateau ends training.")
    var patience: Int = Self.defaults.patience

    @Option(name: .customLong(CheckField.size.longName), help: "Network width: fixed (D = --width at every n) or theory (parameters ∝ the oracle's basis size at the theory's level T(n)).")
    var size: CheckNetworkSize = Self.defaults.size

    @Option(name: .customLong(CheckField.depth.longName), parsing: .unconditional, help: "M: blocks of the ssm and transformer (token-wise FNNs of the cnn, hidden layers of the fnn) (default: \(CheckRequest.defaultDepth(for: .gammaSmooth)) for --class gamma, \(CheckRequest.defaultDepth(for: .piecewise)) for piecewise).")
    var depth: Int?

    @Option(name: .customLong(CheckField.mixing.longName), help: "What the ssm and transformer mix over: window (ssm kernels cut to V lags, attention over the last V positions) or full (the whole causal past) (default: \(CheckRequest.defaultMixing(for: .piecewise).rawValue) for --class piecewise, \(CheckRequest.defaultMixing(for: .gammaSmooth).rawValue) for gamma).")
    var mixing: CheckMixing?

    @Flag(name: .customLong(CheckField.preFeedForward.longName), help: "Leave out the token-wise FNN between the embedding and the first block of the ssm and transformer (the plain layout; docs/training-engine.md).")
    var noPreFeedForward = !Self.defaults.preFeedForward

    @Option(name: .customLong(CheckField.learningRates.longName), parsing: .unconditional, help: ArgumentHelp("Peak Adam learning rate(s); with several (1e-3,3e-3), each run trains once per rate and keeps the lowest validation MSE.", valueName: "η[,η…]"))
    var learningRates = LearningRateList(values: Self.defaults.learningRates)

    @Flag(name: .customLong(CheckField.floor.longName), help: "Skip the approximation floor (one noiseless run per network at --n-max).")
    var noFloor = !Self.defaults.floor

    @Option(name: .customLong(CheckField.oracleSizesBelow.longName), parsing: .unconditional, help: "Extra oracle sizes below --n-min (the grid continued downwards), for the networks' oracle-equivalent sample sizes.")
    var oracleBelow: Int = Self.defaults.oracleSizesBelow

    @Option(name: .customLong(CheckField.windows.longName), help: ArgumentHelp("V: window of the piecewise target (tokens ranked by importance) and of fnn; several (4,8,16) run the window sweep at n = --n-max.", valueName: "V[,V…]"))
    var windows = WindowList(values: Self.defaults.windows)

    @Option(name: .customLong(CheckField.cnnQ.longName), parsing: .unconditional, help: ArgumentHelp("O22's weak-ℓ^q exponent q > 0 of the smoothness: the cnn theory line states its polylog exponent κ exactly (changes no run).", valueName: "Q"),
            transform: Rational.argument)
    var q: Rational?

    @Option(name: .customLong(CheckField.targetLevel.longName), parsing: .unconditional, help: ArgumentHelp("T_max: the target holds every block with γ(s) ≤ T_max (default: the largest level with at most --max-terms terms).", valueName: "T"))
    var targetLevel: Double?

    @Option(name: .customLong(CheckField.maxTerms.longName), parsing: .unconditional, help: "Term budget of the default target level.")
    var maxTerms: Int = Self.defaults.maxTerms

    @Option(name: .customLong(CheckField.weights.longName), help: "Target block weights: unit (w_s = 1) or summable (w_s = ∏(1+s_k)^(−1), θ = 2 norm finite).")
    var weights: TargetWeights = Self.defaults.weights

    @Option(name: .customLong(CheckField.oracleLevel.longName), help: "Oracle level T: validation (chosen on a split) or theory (T(N) = a†/(2a†+1)·log₂ N).")
    var oracleLevel: CheckOracleLevel = Self.defaults.oracleLevel

    @Option(name: .customLong(CheckField.testSequences.longName), parsing: .unconditional, help: "Fresh test sequences per replicate for the neural estimators' error.")
    var testSequences: Int = Self.defaults.testSequences

    @Option(name: .customLong(CheckField.logBand.longName), parsing: .unconditional, help: ArgumentHelp("K of the polylog band [r − K/ln n̄, r].", valueName: "K"))
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
        request.mixing = mixing
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
