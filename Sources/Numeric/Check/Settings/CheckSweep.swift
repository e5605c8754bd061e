import Bounds

/// A validated `check` sweep: its settings, the parsed smoothness, the target drawn from the
/// master seed, and the theorem's exact exponent r and level coefficient a†/(2a†+1) for the
/// smoothness and γ type (docs/check.md; docs/formulas.md for r = 2(a†−v)/(2(a†−v)+1), v = 0).
public struct CheckSweep: Sendable {
    /// The settings, validated.
    public let settings: CheckSettings
    /// `settings.smoothness` parsed.
    public let smoothness: Smoothness
    /// The synthetic target every run of the sweep regresses on.
    public let target: SyntheticTarget
    /// The theorem's rate exponent r, exact.
    public let theoryRate: Rational
    /// a†/(2a†+1): the theory's level is T(n) = coefficient · log₂ N.
    public let levelCoefficient: Rational

    /// Validates `settings` (``CheckSettings/validate()``), computes the theory and draws the target.
    /// - Throws: ``CheckSettingsError`` for a bad field or when the theorem's condition a† > v
    ///   fails; `CheckInputError` when the target cannot be built (too many terms).
    public init(settings: CheckSettings) throws {
        try settings.validate()
        let smoothness = try settings.parsedSmoothness()
        let quantities = RateQuantities.compute(entries: smoothness.entries, gamma: settings.gamma, p: nil,
                                                theorem: TheoremLibrary.builtIn.checkReference(functionClass: settings.functionClass))
        guard let rate = quantities.rateExponent, let coefficient = quantities.levelCoefficient else {
            throw CheckSettingsError(.smoothness, [.text("the theorem's condition a† > v fails for '\(settings.smoothness)'")])
        }
        self.settings = settings
        self.smoothness = smoothness
        self.theoryRate = rate
        self.levelCoefficient = coefficient
        self.target = try SyntheticTarget(smoothness: smoothness, gamma: settings.gamma, functionClass: settings.functionClass,
                                          level: settings.targetLevel, window: settings.window, weights: settings.weights,
                                          seed: CheckSeeds(master: settings.seed).target)
    }

    /// The estimators of a sweep when none are chosen: ssm, transformer and the oracle, or for the
    /// window sweep also the fnn (docs/check.md; the cnn only on request, so the documented sweeps
    /// keep their runs).
    public static func defaultEstimators(windowSweep: Bool) -> [CheckEstimator] {
        CheckEstimator.allCases.filter { windowSweep ? $0.descriptor.runsInWindowSweepByDefault : $0.descriptor.runsByDefault }
    }
}
