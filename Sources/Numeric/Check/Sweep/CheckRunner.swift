import Bounds
import Foundation

/// Where a sweep is: reported before every run and after the last.
public struct CheckProgress: Sendable {
    /// Runs finished so far.
    public var finished: Int
    /// Runs this process will do.
    public var total: Int
    /// The run about to start (`nil` after the last one).
    public var current: CheckRunKey?
    /// Seconds since the sweep started.
    public var elapsed: Double
}

/// Executes the runs of a `ratecalc check` sweep (docs/check.md): for each (n, replicate) it draws
/// the training sample and the replicate's test set from the target, then fits each estimator
/// — the neural ones with the Numeric engine (Adam, early stopping on a validation split), the
/// oracle by least squares — and measures the test MSE against the noiseless target.
///
/// Every run is seeded from `CheckSeeds`, so its result does not depend on which other runs
/// the process does (sharding) and is the same on every repeat with the same thread count.
public final class CheckRunner {
    /// The sweep's settings.
    public let settings: CheckSettings
    /// The target function all runs learn.
    public let target: SyntheticTarget
    /// Threads of every parallel loop of a run (data-parallel training, prediction, the oracle's
    /// Gram slabs, target evaluation); results do not depend on it.
    public let threads: Int
    private var parallelism: Parallelism { Parallelism(threads: threads) }
    private let seeds: CheckSeeds
    private let theoryLevelCoefficient: Double
    private let sizing: NetworkSizing
    private var cachedSample: (n: Int, replicate: Int, noiseless: Bool, sample: TargetSample)?
    private var cachedTests: [Int: TargetSample] = [:]

    /// A runner; `theoryLevelCoefficient` is a†/(2a†+1) from Bounds (used when the oracle's
    /// level is `"theory"`: T(N) = coefficient · log₂ N).
    public init(settings: CheckSettings, target: SyntheticTarget, theoryLevelCoefficient: Rational, threads: Int) {
        self.settings = settings
        self.target = target
        self.threads = max(1, threads)
        self.seeds = CheckSeeds(master: settings.seed)
        self.theoryLevelCoefficient = theoryLevelCoefficient.doubleValue
        self.sizing = NetworkSizing(settings: settings, target: target, levelCoefficient: theoryLevelCoefficient.doubleValue)
    }

    /// Runs `keys` in order and returns the finished runs. When `shouldStop` becomes true the
    /// run in progress is abandoned (not recorded) and the finished ones are returned. `finished`
    /// is called with every run as soon as it is done (`check --out` writes it to its shard file).
    public func run(_ keys: [CheckRunKey], progress: (CheckProgress) -> Void = { _ in },
                    shouldStop: @escaping @Sendable () -> Bool = { false },
                    finished: (CheckRunRecord) throws -> Void = { _ in }) throws -> [CheckRunRecord] {
        let started = Date()
        var records: [CheckRunRecord] = []
        for (index, key) in keys.enumerated() {
            if shouldStop() { break }
            progress(CheckProgress(finished: index, total: keys.count, current: key, elapsed: Date().timeIntervalSince(started)))
            let record = try run(key, shouldStop: shouldStop)
            if shouldStop() { break }
            records.append(record)
            try finished(record)
        }
        progress(CheckProgress(finished: records.count, total: keys.count, current: nil, elapsed: Date().timeIntervalSince(started)))
        return records
    }

    /// One run: fit `key.estimator` on the (n, replicate) sample (noiseless labels for a floor run)
    /// and measure its test MSE.
    public func run(_ key: CheckRunKey, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> CheckRunRecord {
        let sample = trainingSample(n: key.n, replicate: key.replicate, noiseless: key.noiseless)
        let seed = seeds.estimator(key.estimator, n: key.n, replicate: key.replicate)
        switch key.estimator.descriptor.fit {
        case .oracle:
            let choice: OracleLevelChoice = settings.oracleLevel == .theory
                ? .fixed(theoryLevelCoefficient * log2(Double(sample.rows)))
                : .validation(fraction: Self.oracleValidationFraction)
            let clock = ContinuousClock.now
            let fit = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: choice, seed: seed,
                                                 parallelism: parallelism)
            let seconds = Self.seconds(since: clock)
            var details: [String: Double] = ["level": fit.level, "basis_size": Double(fit.basisSize)]
            if let validation = fit.validationMSE { details["validation_mse"] = validation }
            return CheckRunRecord(estimator: key.estimator, n: key.n, replicate: key.replicate, testMSE: fit.testMSE,
                                  seconds: seconds, details: details, noiseless: key.noiseless)
        case .network(let architecture, _):
            let size = sizing.width(n: key.n)
            let model = SequenceModelConfiguration(architecture: architecture, tokenDimension: target.tokenDimension,
                                                   sequenceLength: settings.length, width: size.width,
                                                   depth: settings.depth, hiddenWidth: size.hidden, window: settings.window,
                                                   preFeedForward: settings.preFeedForward,
                                                   mixingWindow: settings.mixing == .window ? settings.window : nil)
            let clock = ContinuousClock.now
            // One fit per learning rate of the grid; the lowest validation MSE wins (ties: the smaller rate).
            let baseTraining = Self.training(settings: settings, seed: seed)
            var best: (trained: TrainedSequenceModel, report: TrainingReport, rate: Double)?
            for rate in settings.learningRates {
                var training = baseTraining
                training.learningRate = rate
                let (trained, report) = try trainSequenceModel(model, training: training, data: sample.dataset,
                                                             parallelism: parallelism, shouldStop: shouldStop)
                if best == nil || report.bestValidationLoss < best!.report.bestValidationLoss {
                    best = (trained, report, rate)
                }
                if shouldStop() { break }
            }
            let (trained, report, rate) = best!
            let seconds = Self.seconds(since: clock)
            let test = testSample(replicate: key.replicate)
            let mse = Self.meanSquaredError(of: trained.predict(test.dataset, parallelism: parallelism), against: test)
            let trainingSequences = baseTraining.trainingSequenceCount(of: key.n)
            let record = CheckTrainingRecord(steps: report.steps, stepCap: report.stepCap, stopReason: report.stopReason,
                                             finalTrainMSE: report.finalTrainLoss, bestValidationMSE: report.bestValidationLoss,
                                             trainingRows: trainingSequences * (settings.length - target.firstTargetPosition))
            var details = ["epochs": Double(report.epochsRun), "parameters": Double(trained.parameterCount),
                           "width": Double(size.width), "threads": Double(threads)]
            if settings.learningRates != CheckSettings.legacyLearningRates { details["learning_rate"] = rate }
            return CheckRunRecord(estimator: key.estimator, n: key.n, replicate: key.replicate, testMSE: mse, seconds: seconds,
                                  details: details, training: record, noiseless: key.noiseless)
        }
    }

    /// Steps between validation evaluations (rounded up to whole epochs): small n evaluate every few
    /// epochs, so that the patience window is at least `patience · 100` steps at every n.
    static let evaluationSteps = 100
    /// The share of the sequences the oracle holds out to choose its level (`--oracle-level validation`).
    static let oracleValidationFraction = 0.2

    /// The training of a neural run (docs/check.md, "Training to convergence"): Adam at η = 3e-3 with
    /// warm-up, constant η with a ×0.3 decay at each of the first two plateaus of the validation
    /// error (patience `settings.patience` evaluations, an improvement being a 0.1% decrease), stop
    /// at the third plateau; step cap `max(minSteps, epochs · steps per epoch)`.
    static func training(settings: CheckSettings, seed: UInt64) -> TrainingConfiguration {
        TrainingConfiguration(epochs: settings.epochs, patience: settings.patience, seed: seed,
                              minSteps: settings.minSteps, evaluationSteps: evaluationSteps, schedule: .plateau,
                              maxDecays: 2, minRelativeImprovement: 1e-3)
    }

    /// `(1/rows) Σ_{i, t ≥ t₀} (ŷ_{i,t} − f(X_i)_t)²`: the error against the noiseless target.
    static func meanSquaredError(of predictions: [Float], against test: TargetSample) -> Double {
        MeanSquaredLoss.mean(predictions: predictions, targets: test.clean, count: test.dataset.count,
                             length: test.dataset.length, firstTargetPosition: test.dataset.firstTargetPosition)
    }

    /// The training sample of (n, replicate); a floor run's has the same inputs with noiseless labels.
    private func trainingSample(n: Int, replicate: Int, noiseless: Bool) -> TargetSample {
        if let cached = cachedSample, cached.n == n, cached.replicate == replicate, cached.noiseless == noiseless {
            return cached.sample
        }
        let sample = target.sample(sequences: n, length: settings.length, noise: noiseless ? 0 : settings.noise,
                                   seed: seeds.trainingData(n: n, replicate: replicate), parallelism: parallelism)
        cachedSample = (n, replicate, noiseless, sample)
        return sample
    }

    private func testSample(replicate: Int) -> TargetSample {
        if let cached = cachedTests[replicate] { return cached }
        let sample = target.sample(sequences: settings.testSequences, length: settings.length, noise: 0,
                                   seed: seeds.testData(replicate: replicate), parallelism: parallelism)
        cachedTests[replicate] = sample
        return sample
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
