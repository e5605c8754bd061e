import Bounds

/// What a user asks of a `check` sweep, before it is resolved into ``CheckSettings``: the
/// request's own fields below, and every other setting in ``options``, reachable directly
/// (`request.patience`) and starting at the documented defaults (``CheckSettings``' initial values;
/// docs/check.md, "How the defaults were calibrated"). The request's own fields are those a
/// setting is resolved from:
/// - the estimators: nil means ``CheckSweep/defaultEstimators(windowSweep:)``; a choice is put in
///   report order (``CheckEstimator`` order), whatever order it was given in;
/// - the sample sizes: the geometric grid `nMin … nMax` with `points` points
///   (``SampleSizeGrid/geometric(from:to:points:)``), or only `nMax` for a window sweep;
/// - the window: one V, or several for the window sweep (``WindowSweep``; the settings hold the
///   largest, against which the length is checked);
/// - T_max: nil means the largest level whose target has at most `maxTerms` terms;
/// - M: nil means the class's depth (``defaultDepth(for:)``); q is exact here, a string in the settings;
/// - the mixing: nil means the class's (``defaultMixing(for:)``).
@dynamicMemberLookup
public struct CheckRequest: Sendable, Equatable {
    /// The smoothness as typed: a finite vector `1,2,4` or matrix `1,2;3,4`.
    public var smoothness: String
    /// The estimators, or nil for the default set.
    public var estimators: [CheckEstimator]?
    /// The smallest n of the grid (training sequences).
    public var nMin = 512
    /// The largest n of the grid; the window sweep's n.
    public var nMax = 16384
    /// The number of points of the geometric grid.
    public var points = 6
    /// V: one window, or several for the window sweep.
    public var windows = [8]
    /// O22's weak-ℓ^q exponent q of the smoothness (reported for the cnn; changes no run).
    public var cnnQ: Rational?
    /// T_max, or nil for the largest level with at most `maxTerms` terms.
    public var targetLevel: Double?
    /// The term budget of the default T_max.
    public var maxTerms = 12000
    /// M: blocks of the ssm and transformer (FNNs of the cnn, hidden layers of the fnn), or nil for
    /// the class's default (``defaultDepth(for:)``).
    public var depth: Int?
    /// What the ssm and transformer mix over, or nil for the class's default (``defaultMixing(for:)``).
    public var mixing: CheckMixing?
    /// Every other setting, passed to ``CheckSettings`` as it is (its grid, window, estimators,
    /// depth, mixing, q and T_max are replaced by the resolved request fields).
    public var options: CheckSettings

    /// A setting of ``options``, read and written as if it were the request's own (`request.noise = 0.5`).
    public subscript<Value>(dynamicMember path: WritableKeyPath<CheckSettings, Value>) -> Value {
        get { options[keyPath: path] }
        set { options[keyPath: path] = newValue }
    }

    /// M when none is given, chosen by measurement (docs/check.md, "Layouts and depth"): 2 for the
    /// γ-smooth class, 3 for the piecewise class, where a third block fits the training data
    /// better for both networks (train MSE/σ² at n = 4096, two seeds: ssm 1.31 → 1.23,
    /// transformer 1.19 → 1.14).
    public static func defaultDepth(for functionClass: FunctionClass) -> Int {
        functionClass == .piecewise ? 3 : 2
    }

    /// The mixing when none is given (docs/check.md, "Mixing window"): the piecewise class ranks its
    /// tokens within a window of V, so its ssm and transformer mix over that window — NS24's
    /// finite-window SSM convolution, and the window the fnn and cnn see. Measured at n = 4096
    /// (one seed, M = 3): test MSE ssm 0.357 → 0.247, transformer 0.280 → 0.149, train MSE/σ²
    /// 1.23 → 1.18 and 1.10 → 1.06. The γ-smooth class has no window: the whole causal past.
    public static func defaultMixing(for functionClass: FunctionClass) -> CheckMixing {
        functionClass == .piecewise ? .window : .full
    }

    /// Every choice at its default (the smoothness empty): what `--help` shows.
    public static let standard = CheckRequest(smoothness: "")

    /// A request for `smoothness` with every other choice at its default.
    public init(smoothness: String) {
        self.smoothness = smoothness
        self.options = CheckSettings(smoothness: smoothness)
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
        var settings = options
        settings.smoothness = smoothness
        settings.estimators = CheckEstimator.allCases.filter(chosen.contains)
        settings.sampleSizes = isWindowSweep ? [nMax] : try SampleSizeGrid.geometric(from: nMin, to: nMax, points: points)
        settings.window = window
        settings.targetLevel = targetLevel ?? 0
        settings.depth = depth ?? Self.defaultDepth(for: options.functionClass)
        settings.mixing = mixing ?? Self.defaultMixing(for: options.functionClass)
        settings.learningRates = options.learningRates.sorted()
        settings.floor = options.floor && !isWindowSweep
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
