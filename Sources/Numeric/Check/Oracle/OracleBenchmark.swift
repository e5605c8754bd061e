import Bounds
import Foundation

/// Wall-clock timings of the three stages of the least-squares oracle (docs/targets-and-oracle.md)
/// on a `check`-sized problem: evaluating the target g at random inputs, drawing a noisy sample,
/// and fitting with the level chosen by validation (`LeastSquaresOracle.fit`). `ratecalc bench
/// oracle` runs it (docs/benchmarks.md, "Oracle").
public struct OracleBenchmark: Sendable {
    /// The smoothness of the target (default a = (1, 2, 4) as a column: 3 positions, d = 1).
    public var smoothness: Smoothness
    /// γ of the target and the oracle's basis.
    public var gamma: GammaType
    /// The target's level is `SyntheticTarget.defaultLevel(…, maxTerms:)`, as `check` chooses it.
    public var maxTerms: Int = 12000
    /// Rows of random inputs g is evaluated at (the evaluation stage).
    public var evaluatedRows: Int = 500_000
    /// n: sequences in the oracle's sample.
    public var sequences: Int = 16384
    /// L: tokens per sequence.
    public var length: Int = 32
    /// V: the target's window.
    public var window: Int = 3
    /// σ: standard deviation of the sample's label noise.
    public var noise: Double = 0.1
    /// Fraction of sequences held out to choose the level.
    public var validationFraction: Double = 0.2
    /// Threads of the evaluation, the sample and the fit (the results do not depend on it).
    public var parallelism: Parallelism = .serial

    /// a = (1, 2, 4) as a column (3 positions, d = 1): the smoothness of the documented timings.
    public static var defaultSmoothness: Smoothness {
        try! Smoothness(entries: [1, 2, 4], rows: 3, columns: 1)   // valid by construction
    }

    /// A benchmark of the oracle on a target of this smoothness and γ, other settings at their defaults.
    public init(smoothness: Smoothness = defaultSmoothness, gamma: GammaType) {
        self.smoothness = smoothness
        self.gamma = gamma
    }

    /// Builds the target (untimed), then times `target.evaluate` on `evaluatedRows` uniform
    /// inputs, `target.sample` of `sequences × length`, and the validated oracle fit.
    /// - Throws: `CheckInputError` for a non-positive size or an invalid target or fit setting.
    public func run() throws -> OracleTimings {
        guard evaluatedRows >= 1 else { throw CheckInputError("evaluated rows must be a positive integer, got \(evaluatedRows)") }
        guard sequences >= 2 else { throw CheckInputError("sequences must be at least 2 (one is held out), got \(sequences)") }
        let level = SyntheticTarget.defaultLevel(smoothness: smoothness, gamma: gamma, maxTerms: maxTerms)
        let target = try SyntheticTarget(smoothness: smoothness, gamma: gamma, functionClass: .gammaSmooth,
                                         level: level, window: window, seed: 1)
        guard length > target.firstTargetPosition else {
            throw CheckInputError("length must exceed the first target position \(target.firstTargetPosition), got \(length)")
        }
        var random = RandomSource(seed: 2)
        let inputs = (0..<(evaluatedRows * target.coordinateCount)).map { _ in random.uniform() }
        let clock = ContinuousClock()
        let evaluation = clock.measure { _ = target.evaluate(coordinates: inputs, rows: evaluatedRows, parallelism: parallelism) }
        var sample: TargetSample?
        let sampling = clock.measure { sample = target.sample(sequences: sequences, length: length, noise: noise, seed: 3, parallelism: parallelism) }
        var fit: OracleFit?
        let fitting = try clock.measure {
            fit = try LeastSquaresOracle.fit(target: target, sample: sample!, levelChoice: .validation(fraction: validationFraction), seed: 4,
                                             parallelism: parallelism)
        }
        return OracleTimings(level: level, termCount: target.termCount, evaluatedRows: evaluatedRows,
                             evaluationSeconds: evaluation.inSeconds, sampleRows: sample!.rows,
                             sampleSeconds: sampling.inSeconds, fit: fit!, fitSeconds: fitting.inSeconds)
    }
}

/// What `OracleBenchmark.run` measured.
public struct OracleTimings: Sendable {
    /// T_max of the target (its blocks have γ(s) ≤ T_max).
    public var level: Double
    /// Terms (trigonometric basis functions) of the target.
    public var termCount: Int
    /// Rows g was evaluated at.
    public var evaluatedRows: Int
    /// Seconds of the evaluation.
    public var evaluationSeconds: Double
    /// Rows (sequences × positions with a target) of the sample.
    public var sampleRows: Int
    /// Seconds to draw the sample.
    public var sampleSeconds: Double
    /// The oracle's fit: chosen level, basis size P, test and validation MSE.
    public var fit: OracleFit
    /// Seconds of the fit.
    public var fitSeconds: Double
}
