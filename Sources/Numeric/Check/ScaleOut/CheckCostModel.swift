import Bounds
import Foundation

/// A single-core estimate of the seconds one run of a sweep takes (docs/scale-out.md, "The cost
/// estimate"), used by `ratecalc plan` for the time limits and by `--balance cost` to deal runs to
/// shards of equal estimated work.
///
/// - Data: drawing the (n, replicate) sample evaluates the target's `terms` functions at every one of
///   the `n·L` positions: `c_data · n·L·terms`.
/// - Neural run (`ssm`, `transformer`, `cnn`, `fnn`): at most `S = max(minSteps, epochs·⌈n_train/B⌉)` steps
///   (the step cap; B = min(64, n_train), n_train = n minus the 20 % validation split) of B̄ sequences
///   of L positions, B̄ = n_train/⌈n_train/B⌉ the mean batch of an epoch (its last batch is partial):
///   `c_arch · S·B̄·L·(D² + D₀²)/(32² + D₀²)` with D the run's width (`--size`) and
///   D₀ = 24 the width below which the per-position cost stops shrinking like D².
///   Runs usually stop on a plateau before the cap, so this is an upper bound. The constants are for
///   M = 2 blocks, the plain layout and one learning rate; a run costs ×(M + ¼·pre-FNN)/2 (the pre-FNN
///   counted as a quarter block: one FNN of the block's FNN-plus-mixing) and × the number of
///   learning rates it tries (``layoutFactor``; counted, not calibrated).
/// - Oracle: the Gram matrices of the `rows = n·(L − t₀)` positions over the P basis functions they
///   reach cost `c_gram · rows·ΔP²` over the stages, evaluating the basis `c_basis · rows·P_i`, or —
///   where the fit takes its moments route (a small frequency grid, ``TrigonometricMoments``) —
///   `c_moment · rows·grid + c_entry · 2^K·ΔP²/2`, and the Cholesky factors of the search's stages
///   `c_factor · Σ P_i³` (``oracleSeconds(n:)``). With `--oracle-level theory` there is one stage, the
///   theory's level T(N). With `validation` the stages are those of the fit's search
///   (``OracleBasis/nextStage(after:in:)``), whose best level is predicted from the target: the
///   candidate minimising the ideal projection risk `tail(P) + σ²P/N_train` (``ProjectionRisk``), or a
///   larger one whose risk is within one standard error of the held-out comparison,
///   `2σ·√(D/N_held)` with `D = |Δtail| + σ²|ΔP|/N_train`, because validation cannot tell the two apart
///   and the larger search is the one to plan for. The basis is capped at
///   min(``LeastSquaresOracle/defaultMaxBasisSize`` = 8192, N_train/2) as the fit caps it (its memory
///   limit, `32·P²` bytes).
///
/// The constants (``Constants/measured``) were measured on the development machine, one thread.
public struct CheckCostModel: Sendable {
    /// Seconds per unit of work, one core.
    public struct Constants: Sendable, Equatable {
        /// Per sequence-position of one training step at D = 32, per neural estimator; a network
        /// missing here costs its descriptor's measured ``EstimatorDescriptor/stepSeconds``.
        public var neuralStep: [CheckEstimator: Double]
        /// Per row × P² of the oracle's Gram matrix.
        public var oracleGram: Double
        /// Per row × P of the oracle's basis evaluation (and the refit's right-hand side).
        public var oracleBasis: Double
        /// Per P³ of each Cholesky factor (and held-out scoring) of the oracle's search stages.
        public var oracleFactor: Double
        /// Per row × grid point of the oracle's trigonometric moments (its Gram route when the
        /// basis's frequency grid is small, ``CheckCostModel/oracleGramSeconds(rows:from:to:layout:)``).
        public var oracleMoment: Double
        /// Per entry of the Gram matrix × 2^K of its assembly from the moments.
        public var oracleEntry: Double
        /// Per position × target term of drawing a sample.
        public var dataTerm: Double
        /// Fixed seconds per run (test set, bookkeeping).
        public var run: Double

        /// Creates constants.
        public init(neuralStep: [CheckEstimator: Double], oracleGram: Double, oracleBasis: Double, oracleFactor: Double,
                    oracleMoment: Double = 0, oracleEntry: Double = 0, dataTerm: Double, run: Double) {
            self.neuralStep = neuralStep
            self.oracleGram = oracleGram
            self.oracleBasis = oracleBasis
            self.oracleFactor = oracleFactor
            self.oracleMoment = oracleMoment
            self.oracleEntry = oracleEntry
            self.dataTerm = dataTerm
            self.run = run
        }

        /// Measured on the development machine (2-core Xeon, release build, `--threads 1`) from the
        /// runs of calibration sweeps: the networks' per-position costs (each descriptor's
        /// ``EstimatorDescriptor/stepSeconds``: the median over n of measured / modelled), the oracle
        /// and data terms, as CPU seconds of one free core (docs/scale-out.md, "The cost estimate").
        /// The oracle's moment, entry and factor constants were measured on a 2-core AMD EPYC
        /// (OpenBLAS core SkylakeX) from fixed-level fits at P = 1,323 and 5,715, n = 4096 and 16384
        /// (docs/scale-out.md, "The oracle's search").
        public static let measured = Constants(
            neuralStep: Dictionary(uniqueKeysWithValues: CheckEstimator.allCases.compactMap { estimator in
                estimator.descriptor.stepSeconds.map { (estimator, $0) }
            }),
            oracleGram: 5.4e-12, oracleBasis: 1.6e-8, oracleFactor: 8e-12, oracleMoment: 2.2e-10,
            oracleEntry: 3.4e-9, dataTerm: 5.5e-10, run: 0.05)
    }

    /// Width below which the per-position cost of a network no longer shrinks like D².
    static let widthFloor = 24.0
    /// The oracle's largest basis (`LeastSquaresOracle.fit`'s `maxBasisSize`).
    static let oracleBasisCap = LeastSquaresOracle.defaultMaxBasisSize

    /// The sweep's settings.
    public let settings: CheckSettings
    /// The constants in use.
    public let constants: Constants
    let target: SyntheticTarget
    /// The target's bias profile (basis size and missed energy per level), for the oracle's search.
    private let targetLevels: [CheckTargetLevel]
    let sizing: NetworkSizing
    /// The training of the sweep's neural runs (`CheckRunner.training`; the seed does not change the cost).
    private let training: TrainingConfiguration

    /// The model for `settings` and its `target`; `levelCoefficient` is a†/(2a†+1) (the theory's
    /// level T(N) = coefficient · log₂ N).
    public init(settings: CheckSettings, target: SyntheticTarget, levelCoefficient: Double, constants: Constants = .measured) {
        self.settings = settings
        self.target = target
        self.targetLevels = target.levelProfile()
        self.constants = constants
        self.sizing = NetworkSizing(settings: settings, target: target, levelCoefficient: levelCoefficient)
        self.training = CheckRunner.training(settings: settings, seed: 0)
    }

    /// Estimated single-core seconds of `key`, data generation included.
    public func seconds(_ key: CheckRunKey) -> Double {
        let positions = Double(key.n * settings.length)
        let data = constants.dataTerm * positions * Double(target.termCount)
        switch key.estimator.descriptor.fit {
        case .oracle:
            return constants.run + data + oracleSeconds(n: key.n)
        case .network(_, let measuredStep):
            let stepsPerEpoch = training.stepsPerEpoch(sequences: key.n)
            let steps = Double(training.stepCap(stepsPerEpoch: stepsPerEpoch))
            // The mean batch of an epoch, n_train / ⌈n_train/B⌉: the last batch of an epoch is partial
            // (at n = 256, 205 sequences run as 64, 64, 64, 13, a mean of 51).
            let batch = Double(training.trainingSequenceCount(of: key.n)) / Double(stepsPerEpoch)
            let width = Double(sizing.width(n: key.n).width)
            let floor = Self.widthFloor * Self.widthFloor
            let scale = (width * width + floor) / (32 * 32 + floor)
            let perPosition = constants.neuralStep[key.estimator] ?? measuredStep
            return constants.run + data + perPosition * steps * batch * Double(settings.length) * scale * layoutFactor(key.estimator)
        }
    }

    /// `(M + ¼·[pre-FNN])/2 · |learning rates|`: the network's cost relative to the calibrated
    /// M = 2, plain, one-rate configuration (the pre-FNN only on ssm and transformer).
    func layoutFactor(_ estimator: CheckEstimator) -> Double {
        let pre = settings.preFeedForward && estimator.descriptor.takesPreFeedForward ? 0.25 : 0
        return (Double(settings.depth) + pre) / 2 * Double(settings.learningRates.count)
    }

    /// ``seconds(_:)`` of every run, computed once per (estimator, n): the replicate does not
    /// change a run's cost.
    public func seconds(of runs: [CheckRunKey]) -> [Double] {
        var memo: [CheckRunKey: Double] = [:]
        return runs.map { key in
            let representative = CheckRunKey(estimator: key.estimator, n: key.n, replicate: 0)
            if let known = memo[representative] { return known }
            let cost = seconds(representative)
            memo[representative] = cost
            return cost
        }
    }

    /// `max(minSteps, epochs · ⌈n_train / B⌉)`: the step cap of a neural run at n (as the trainer computes it).
    public func stepCap(n: Int) -> Int {
        training.stepCap(stepsPerEpoch: training.stepsPerEpoch(sequences: n))
    }

    /// The largest basis the oracle's Gram matrices reach at n (the last of ``oracleStages(n:)``).
    public func oracleBasisSize(n: Int) -> Int {
        oracleStages(n: n).last ?? 0
    }

    /// The basis sizes at which the oracle factors its Gram matrix at n, in order: the theory's
    /// level alone, or the predicted stages of the validation search (see the type's documentation).
    public func oracleStages(n: Int) -> [Int] {
        let positions = sizing.positionsPerSequence
        let held = validationSequenceCount(of: n, fraction: CheckRunner.oracleValidationFraction)
        let trainRows = oracleRows(n: n).train
        if settings.oracleLevel == .theory {
            return [min(sizing.basisSize(n: n), Self.oracleBasisCap, n * positions)]
        }
        let cap = LeastSquaresOracle.validationBasisCap(trainingRows: trainRows, maxBasisSize: Self.oracleBasisCap)
        let candidates = OracleBasis.candidates(target: target, cap: cap)
            .reachable(coordinateCount: target.coordinateCount, route: .automatic).candidates
        guard candidates.count > 1 else { return [] }
        let variance = settings.noise * settings.noise
        // The energy each candidate misses: the target's level of that size (levels and candidates
        // share the (γ(s), s) order); a candidate past the target's last term misses nothing.
        let tails = candidates.map { candidate in targetLevels.last { $0.basisSize <= candidate.size }!.tailEnergy }
        let risks = zip(candidates, tails).map { $1 + variance * Double($0.size) / Double(trainRows) }
        // The best candidate among the first `scored`, or a larger one within one standard error.
        func plannedBest(scored: Int) -> Int {
            let minimum = (0..<scored).min { risks[$0] < risks[$1] }!
            return (minimum..<scored).last { index in
                let distance = abs(tails[index] - tails[minimum])
                    + variance * Double(candidates[index].size - candidates[minimum].size) / Double(trainRows)
                return risks[index] - risks[minimum] <= 2 * settings.noise * (distance / Double(held * positions)).squareRoot()
            }!
        }
        var stages: [Int] = []
        var reached = 0
        while reached + 1 < candidates.count {
            reached = OracleBasis.nextStage(after: reached, in: candidates)
            stages.append(candidates[reached].size)
            let best = plannedBest(scored: reached + 1)
            if OracleBasis.searchIsDone(stageSize: candidates[reached].size, bestSize: candidates[best].size,
                                        scoredBeyondBest: best < reached) { break }
        }
        return stages
    }
}

extension CheckCostModel {
    /// The model for `settings` alone: the target is rebuilt from the master seed and the level
    /// coefficient from the smoothness (as `merge` does to validate a shard).
    /// - Throws: `CheckSettingsError` for invalid settings or a failed condition a† > v; `CheckInputError` when the target cannot be built.
    public init(settings: CheckSettings, constants: Constants = .measured) throws {
        let sweep = try CheckSweep(settings: settings)
        self.init(settings: settings, target: sweep.target, levelCoefficient: sweep.levelCoefficient.doubleValue,
                  constants: constants)
    }
}
