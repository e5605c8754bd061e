import Bounds

/// What a user asks of a `check` sweep, with the documented defaults (docs/check.md, "How the
/// defaults were calibrated"), before they are resolved into ``CheckSettings``:
/// - the estimators: nil means ``CheckSweep/defaultEstimators(windowSweep:)``; a choice is put in
///   report order (``CheckEstimator`` order), whatever order it was given in;
/// - the sample sizes: the geometric grid `nMin … nMax` with `points` points
///   (``SampleSizeGrid/geometric(from:to:points:)``), or only `nMax` for a window sweep;
/// - the window: one V, or several for the window sweep (``WindowSweep``; the settings hold the
///   largest, against which the length is checked);
/// - T_max: nil means the largest level whose target has at most `maxTerms` terms.
public struct CheckRequest: Sendable, Equatable {
    /// The smoothness as typed: a finite vector `1,2,4` or matrix `1,2;3,4`.
    public var smoothness: String
    /// The γ type.
    public var gamma: GammaType = .anisotropic
    /// The function class of the target.
    public var functionClass: FunctionClass = .gammaSmooth
    /// The estimators, or nil for the default set.
    public var estimators: [CheckEstimator]?
    /// The smallest n of the grid (training sequences).
    public var nMin = 512
    /// The largest n of the grid; the window sweep's n.
    public var nMax = 16384
    /// The number of points of the geometric grid.
    public var points = 6
    /// R: replicates per n.
    public var seeds = 3
    /// The master seed.
    public var seed: UInt64 = 0
    /// σ of the label noise.
    public var noise: Double = 1
    /// L: positions per sequence.
    public var length = 32
    /// D: width of the neural estimators.
    public var width = 32
    /// The epoch cap of a neural run.
    public var epochs = 100
    /// The least step cap of a neural run.
    public var minSteps = 4000
    /// Plateaus of the validation error before the learning rate decays.
    public var patience = 4
    /// How the networks' width follows n.
    public var size: CheckNetworkSize = .fixed
    /// Oracle sizes below `nMin`, for the networks' oracle-equivalent sample sizes.
    public var oracleSizesBelow = 5
    /// V: one window, or several for the window sweep.
    public var windows = [8]
    /// O22's weak-ℓ^q exponent q of the smoothness (reported for the cnn; changes no run).
    public var cnnQ: Rational?
    /// T_max, or nil for the largest level with at most `maxTerms` terms.
    public var targetLevel: Double?
    /// The term budget of the default T_max.
    public var maxTerms = 12000
    /// The target's block weights.
    public var weights: TargetWeights = .unit
    /// How the oracle picks its level.
    public var oracleLevel: CheckOracleLevel = .validation
    /// Fresh test sequences per replicate for the networks' error.
    public var testSequences = 512
    /// K of the polylog band `[r − K/ln n̄, r]`.
    public var logBand: Double = 2
    /// M: blocks of the ssm and transformer (FNNs of the cnn, hidden layers of the fnn), or nil for
    /// the class's default (``defaultDepth(for:)``).
    public var depth: Int?
    /// NS24's token-wise FNN before the first block of the ssm and transformer.
    public var preFeedForward = true
    /// The learning rates tried per neural run (the validation split picks one).
    public var learningRates = [3e-3]
    /// One noiseless run per network at the largest n: the approximation floor.
    public var floor = true

    /// M when none is given, chosen by measurement (docs/check.md, "Layouts and depth"): 2 for the
    /// γ-smooth class, 3 for the piecewise class, where a third block fits the training data
    /// better for both networks (train MSE/σ² at n = 4096, two seeds: ssm 1.31 → 1.23,
    /// transformer 1.19 → 1.14).
    public static func defaultDepth(for functionClass: FunctionClass) -> Int {
        functionClass == .piecewise ? 3 : 2
    }

    /// Every choice at its default (the smoothness empty): the one source of the defaults.
    public static let standard = CheckRequest(smoothness: "")

    /// A request for `smoothness` with every other choice at its default.
    public init(smoothness: String) {
        self.smoothness = smoothness
    }

    /// Several windows: the window sweep at n = `nMax` (docs/check.md, "Window sweep").
    public var isWindowSweep: Bool { windows.count > 1 }

    /// The settings this request resolves to, validated (``CheckSettings/validate()``).
    /// - Throws: ``CheckSettingsError`` naming the first bad field (an empty window list is `windows`).
    public func settings() throws -> CheckSettings {
        guard let window = windows.max() else {
            throw CheckSettingsError(.windows, [.name(.windows), .text(" needs at least one window V ≥ 1")])
        }
        let chosen = estimators ?? CheckSweep.defaultEstimators(windowSweep: isWindowSweep)
        var settings = CheckSettings(
            smoothness: smoothness, gamma: gamma, functionClass: functionClass,
            estimators: CheckEstimator.allCases.filter(chosen.contains),
            sampleSizes: isWindowSweep ? [nMax] : try SampleSizeGrid.geometric(from: nMin, to: nMax, points: points),
            seeds: seeds, seed: seed, noise: noise, length: length, width: width, epochs: epochs, logBand: logBand,
            window: window, targetLevel: targetLevel ?? 0, testSequences: testSequences, minSteps: minSteps,
            oracleLevel: oracleLevel, weights: weights, patience: patience, size: size, oracleSizesBelow: oracleSizesBelow,
            depth: depth ?? Self.defaultDepth(for: functionClass), preFeedForward: preFeedForward, learningRates: learningRates.sorted(),
            floor: floor && !isWindowSweep)
        settings.cnnQ = cnnQ?.description
        try settings.validate()
        if targetLevel == nil { settings.targetLevel = try settings.defaultTargetLevel(maxTerms: maxTerms) }
        return settings
    }

    /// The validated sweep of ``settings()``: the parsed smoothness, the target and the theory.
    public func sweep() throws -> CheckSweep {
        try CheckSweep(settings: try settings())
    }
}
