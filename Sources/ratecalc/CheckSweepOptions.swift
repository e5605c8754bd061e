import ArgumentParser
import Bounds
import Foundation
import Numeric

/// `--arch` of `check`: a comma-separated list of estimators.
struct EstimatorList: ExpressibleByArgument {
    let estimators: [CheckEstimator]

    init?(argument: String) {
        var list: [CheckEstimator] = []
        for token in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let name = token.trimmingCharacters(in: .whitespaces)
            guard let estimator = CheckEstimator(rawValue: name), !list.contains(estimator) else { return nil }
            list.append(estimator)
        }
        guard !list.isEmpty else { return nil }
        estimators = list
    }

    static var defaultCompletionKind: CompletionKind { .list(CheckEstimator.allCases.map(\.rawValue)) }

    /// Shown as the default in `--help`: `ssm,transformer,oracle`.
    var defaultValueDescription: String { estimators.map(\.rawValue).joined(separator: ",") }
}

/// The γ type of a check (one per sweep).
enum CheckGamma: String, ExpressibleByArgument, CaseIterable {
    case anisotropic, mixed
    var gamma: GammaType { self == .mixed ? .mixed : .anisotropic }
}

/// The design of a `check` sweep: smoothness, class, estimators, n grid, seeds, data and
/// training options (docs/check.md). Defaults are calibrated in docs/check.md.
struct CheckSweepOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Smoothness: a finite vector 1,2,4 or matrix 1,2;3,4 (rows = positions or ranks, columns = features).", valueName: "entries"))
    var smoothness: String

    @Option(help: "γ type: anisotropic or mixed.")
    var gamma: CheckGamma = .anisotropic

    @Option(name: .customLong("class"), help: "Function class: gamma (γ-smooth) or piecewise (dynamic smoothness).")
    var functionClass: ClassChoice = .gamma

    @Option(help: ArgumentHelp("Estimators, comma-separated: ssm, transformer, cnn, fnn, oracle (default: ssm,transformer,oracle; the window sweep: ssm,transformer,fnn,oracle).", valueName: "list"))
    var arch: EstimatorList?

    @Option(name: .customLong("n-min"), help: "Smallest n (training sequences).")
    var nMin: Int = 512

    @Option(name: .customLong("n-max"), help: "Largest n.")
    var nMax: Int = 16384

    @Option(help: "Points of the geometric n grid.")
    var points: Int = 6

    @Option(help: "R: replicates (data and initialisation seeds) per n.")
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
    var windows: WindowList = WindowList(argument: "8")!

    /// V of a single check (the largest V of a window sweep, against which --length is checked).
    var window: Int { windows.values.max()! }

    @Option(name: .customLong("target-level"), parsing: .unconditional, help: ArgumentHelp("T_max: the target holds every block with γ(s) ≤ T_max (default: the largest level with at most --max-terms terms).", valueName: "T"))
    var targetLevel: Double?

    @Option(name: .customLong("max-terms"), help: "Term budget of the default target level.")
    var maxTerms: Int = 12000

    @Option(help: "Target block weights: unit (w_s = 1) or summable (w_s = ∏(1+s_k)^(−1), θ = 2 norm finite).")
    var weights: TargetWeights = .unit

    @Option(name: .customLong("oracle-level"), help: "Oracle level T: validation (chosen on a split) or theory (T(N) = a†/(2a†+1)·log₂ N).")
    var oracleLevel: OracleLevelOption = .validation

    @Option(name: .customLong("test-sequences"), help: "Fresh test sequences per replicate for the neural estimators' error.")
    var testSequences: Int = 512

    @Option(name: .customLong("log-band"), parsing: .unconditional, help: ArgumentHelp("K of the polylog band [r − K/ln n̄, r].", valueName: "K"))
    var logBand: Double = 2

    /// Everything a sweep needs, validated.
    struct Setup {
        let settings: CheckSettings
        let smoothness: Smoothness
        let target: SyntheticTarget
        let theoryRate: Rational
        let levelCoefficient: Rational
    }

    /// Validates the options and builds the target and the theory's exact exponent.
    func setup() throws -> Setup {
        if smoothness.contains("(") {
            throw CheckInputError("check needs a finite smoothness vector or matrix, not a family: '\(smoothness)'")
        }
        let parsed = try Smoothness.parse(smoothness)
        try positive(seeds, "--seeds"); try positive(length, "--length"); try positive(width, "--width")
        try positive(epochs, "--epochs"); try positive(minSteps, "--min-steps"); try positive(window, "--window")
        try positive(patience, "--patience")
        guard oracleBelow >= 0 && oracleBelow <= 20 else { throw CheckInputError("--oracle-below must be an integer from 0 to 20, got \(oracleBelow)") }
        try positive(testSequences, "--test-sequences"); try positive(maxTerms, "--max-terms")
        guard noise.isFinite && noise >= 0 else { throw CheckInputError("--noise must be a finite number ≥ 0, got \(noise)") }
        guard logBand.isFinite && logBand >= 0 else { throw CheckInputError("--log-band must be a finite number ≥ 0, got \(logBand)") }
        if let targetLevel, !(targetLevel.isFinite && targetLevel >= 0) {
            throw CheckInputError("--target-level must be a finite number ≥ 0, got \(targetLevel)")
        }
        let sorted = parsed.sortedEntries
        if gamma == .mixed, sorted.count >= 2, !(sorted[0] < sorted[1]) {
            throw CheckInputError("mixed smoothness needs ā₁ < ā₂ strictly (O22 Thm 10): the two smallest entries are \(sorted[0]) and \(sorted[1])")
        }
        let quantities = RateQuantities.compute(entries: parsed.entries, gamma: gamma.gamma, p: nil)
        guard let rate = quantities.rateExponent, let coefficient = quantities.levelCoefficient else {
            throw CheckInputError("the theorem's condition a† > v fails for '\(smoothness)'")
        }
        let fclass = functionClass.functionClass
        if fclass == .piecewise && window < parsed.rows {
            throw CheckInputError("--window (\(window)) must be at least the number of ranked tokens, the smoothness rows (\(parsed.rows))")
        }
        if length <= (fclass == .piecewise ? window - 1 : parsed.rows - 1) {
            throw CheckInputError("--length (\(length)) leaves no position with a target (the window needs \(fclass == .piecewise ? window : parsed.rows) tokens)")
        }
        let level = targetLevel ?? SyntheticTarget.defaultLevel(smoothness: parsed, gamma: gamma.gamma, maxTerms: maxTerms)
        let chosen = arch?.estimators ?? (windows.isSweep ? [.ssm, .transformer, .fnn, .oracle] : [.ssm, .transformer, .oracle])
        let estimators = CheckEstimator.allCases.filter(chosen.contains)
        let settings = CheckSettings(
            smoothness: smoothness, gamma: gamma.gamma, functionClass: fclass, estimators: estimators,
            sampleSizes: windows.isSweep ? [nMax] : try SampleSizeGrid.geometric(from: nMin, to: nMax, points: points), seeds: seeds, seed: seed,
            noise: noise, length: length, width: width, epochs: epochs, logBand: logBand, window: window,
            targetLevel: level, testSequences: testSequences, minSteps: minSteps,
            oracleLevel: oracleLevel.rawValue, weights: weights.rawValue, patience: patience, size: size,
            oracleSizesBelow: oracleBelow)
        let target = try SyntheticTarget(smoothness: parsed, gamma: gamma.gamma, functionClass: fclass, level: level,
                                         window: window, weights: weights, seed: CheckSeeds(master: seed).target)
        return Setup(settings: settings, smoothness: parsed, target: target, theoryRate: rate, levelCoefficient: coefficient)
    }

    private func positive(_ value: Int, _ name: String) throws {
        if value < 1 { throw CheckInputError("\(name) must be a positive integer, got \(value)") }
    }
}

/// `--oracle-level`.
enum OracleLevelOption: String, ExpressibleByArgument, CaseIterable {
    case validation, theory
}

extension TargetWeights: ExpressibleByArgument {}
extension CheckNetworkSize: ExpressibleByArgument {}
