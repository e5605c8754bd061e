import ArgumentParser
import Bounds
import Numeric

/// The design of a `check` sweep: smoothness, class, estimators, n grid, seeds, data and
/// training options (docs/check.md). Defaults are calibrated in docs/check.md.
struct CheckSweepOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Smoothness: a finite vector 1,2,4 or matrix 1,2;3,4 (rows = positions or ranks, columns = features).", valueName: "entries"))
    var smoothness: String

    @Option(help: "γ type: anisotropic or mixed.")
    var gamma: GammaType = .anisotropic

    @Option(name: .customLong("class"), help: "Function class: gamma (γ-smooth) or piecewise (dynamic smoothness).")
    var functionClass: FunctionClass = .gammaSmooth

    @Option(help: ArgumentHelp("Estimators, comma-separated: ssm, transformer, cnn, fnn, oracle (default: ssm,transformer,oracle; the window sweep: ssm,transformer,fnn,oracle).", valueName: "list"))
    var arch: EstimatorList?

    @Option(name: .customLong("n-min"), help: "Smallest n (training sequences).")
    var nMin: Int = 512

    @Option(name: .customLong("n-max"), help: "Largest n.")
    var nMax: Int = 16384

    @Option(help: "Points of the geometric n grid.")
    var points: Int = 6

    @Option(help: "R: the number of replicates per n (each with its own data and initialisation seeds, derived from --seed).")
    var seeds: Int = 3

    @Option(help: "Master seed; every run derives its seeds from it.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "σ: standard deviation of the label noise.")
    var noise: Double = 1

    @Option(help: "L: positions per sequence.")
    var length: Int = 32

    @Option(help: "D: width of the neural estimators.")
    var width: Int = 32

    @Option(help: "Epoch cap of a neural run: training stops on a plateau of the validation error, or at max(min-steps, epochs · steps per epoch) steps (then the run counts as not converged).")
    var epochs: Int = 100

    @Option(name: .customLong("min-steps"), help: "The step cap is at least this many optimiser steps (small n).")
    var minSteps: Int = 4000

    @Option(help: "Validation evaluations (every ≥ 100 steps) without a 0.1% improvement before the learning rate decays (×0.3, twice); the third plateau ends training.")
    var patience: Int = 4

    @Option(help: "Network width: fixed (D = --width at every n) or theory (parameters ∝ the oracle's basis size at the theory's level T(n)).")
    var size: CheckNetworkSize = .fixed

    @Option(name: .customLong("oracle-below"), help: "Extra oracle sizes below --n-min (the grid continued downwards), for the networks' oracle-equivalent sample sizes.")
    var oracleBelow: Int = 5

    @Option(name: .customLong("window"), help: ArgumentHelp("V: window of the piecewise target (tokens ranked by importance) and of fnn; several (4,8,16) run the window sweep at n = --n-max.", valueName: "V[,V…]"))
    var windows = WindowList(values: [8])

    @Option(parsing: .unconditional, help: ArgumentHelp("O22's weak-ℓ^q exponent q > 0 of the smoothness: the cnn theory line states its polylog exponent κ exactly (changes no run).", valueName: "Q"),
            transform: Rational.argument)
    var q: Rational?

    /// V of a single check (the largest V of a window sweep, against which --length is checked).
    var window: Int { windows.values.max()! }

    @Option(name: .customLong("target-level"), parsing: .unconditional, help: ArgumentHelp("T_max: the target holds every block with γ(s) ≤ T_max (default: the largest level with at most --max-terms terms).", valueName: "T"))
    var targetLevel: Double?

    @Option(name: .customLong("max-terms"), help: "Term budget of the default target level.")
    var maxTerms: Int = 12000

    @Option(help: "Target block weights: unit (w_s = 1) or summable (w_s = ∏(1+s_k)^(−1), θ = 2 norm finite).")
    var weights: TargetWeights = .unit

    @Option(name: .customLong("oracle-level"), help: "Oracle level T: validation (chosen on a split) or theory (T(N) = a†/(2a†+1)·log₂ N).")
    var oracleLevel: CheckOracleLevel = .validation

    @Option(name: .customLong("test-sequences"), help: "Fresh test sequences per replicate for the neural estimators' error.")
    var testSequences: Int = 512

    @Option(name: .customLong("log-band"), parsing: .unconditional, help: ArgumentHelp("K of the polylog band [r − K/ln n̄, r].", valueName: "K"))
    var logBand: Double = 2

    /// The library's settings for these flags, validated (`CheckSettings.validate()`), with
    /// T_max resolved (`--target-level`, else the `--max-terms` budget). Errors name flags.
    func settings() throws -> CheckSettings {
        try CheckFlagNames.mapped {
            let estimators = arch?.values ?? CheckSweep.defaultEstimators(windowSweep: windows.isSweep)
            var settings = CheckSettings(
                smoothness: smoothness, gamma: gamma, functionClass: functionClass,
                estimators: CheckEstimator.allCases.filter(estimators.contains),
                sampleSizes: windows.isSweep ? [nMax] : try SampleSizeGrid.geometric(from: nMin, to: nMax, points: points),
                seeds: seeds, seed: seed, noise: noise, length: length, width: width, epochs: epochs, logBand: logBand,
                window: window, targetLevel: targetLevel ?? 0, testSequences: testSequences, minSteps: minSteps,
                oracleLevel: oracleLevel, weights: weights, patience: patience, size: size, oracleSizesBelow: oracleBelow)
            settings.cnnQ = q?.description
            try settings.validate()
            if targetLevel == nil { settings.targetLevel = try settings.defaultTargetLevel(maxTerms: maxTerms) }
            return settings
        }
    }

    /// The validated sweep: settings, parsed smoothness, target and the theorem's exponent.
    func sweep() throws -> CheckSweep {
        let settings = try settings()
        return try CheckFlagNames.mapped { try CheckSweep(settings: settings) }
    }
}
