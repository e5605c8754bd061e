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
    /// Runs in progress (several with runs at once; `current` is the one started last).
    public var running: Int = 1
}

/// Executes the runs of a `ratecalc check` sweep (docs/check.md): for each (n, replicate) it draws
/// the training sample and the replicate's test set from the target, then fits each estimator
/// — the neural ones with the Numeric engine (Adam, early stopping on a validation split), the
/// oracle by least squares — and measures the test MSE against the noiseless target.
///
/// Every run is seeded from `CheckSeeds`, so its result does not depend on which other runs
/// the process does (sharding), nor on the thread count, nor on which runs go at once.
/// With `threads` T > 1 and several runs, up to T runs go at once on ⌊T / C⌋ threads each
/// (``RunSchedule``; docs/check.md, "Runs at once").
public final class CheckRunner {
    /// The sweep's settings.
    public let settings: CheckSettings
    /// The target function all runs learn.
    public let target: SyntheticTarget
    /// Threads of the whole sweep, shared by the runs that go at once (data-parallel training,
    /// prediction, the oracle's Gram slabs, target evaluation); results do not depend on it.
    public let threads: Int
    private let seeds: CheckSeeds
    private let theoryLevelCoefficient: Double
    private let sizing: NetworkSizing
    let samples = CheckSampleCache()

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

    /// Runs `keys` and returns the finished runs in the order of `keys`. Up to ``RunSchedule``'s
    /// `concurrent` runs go at once, started in the order of `keys`. When `shouldStop` becomes true
    /// the runs in progress are abandoned (not recorded) and the finished ones are returned.
    /// `finished` is called on the calling thread with every run as soon as it is done (`check
    /// --out` writes it to its shard file, which keeps its runs in plan order) — in the order of
    /// `keys` when one run goes at a time, in the order they finish otherwise. `progress` is called
    /// on the calling thread before each run, or when a run starts or ends.
    public func run(_ keys: [CheckRunKey], progress: (CheckProgress) -> Void = { _ in },
                    shouldStop: @escaping @Sendable () -> Bool = { false },
                    finished: (CheckRunRecord) throws -> Void = { _ in }) throws -> [CheckRunRecord] {
        samples.register(keys)
        let schedule = RunSchedule(threads: threads, runs: keys.count)
        if schedule.concurrent > 1 {
            return try runConcurrently(keys, schedule: schedule, progress: progress, shouldStop: shouldStop, finished: finished)
        }
        let started = Date()
        var records: [CheckRunRecord] = []
        for (index, key) in keys.enumerated() {
            if shouldStop() { break }
            progress(CheckProgress(finished: index, total: keys.count, current: key, elapsed: Date().timeIntervalSince(started)))
            let record = try run(key, threads: schedule.threadsPerRun, shouldStop: shouldStop)
            if shouldStop() { break }
            records.append(record)
            try finished(record)
        }
        progress(CheckProgress(finished: records.count, total: keys.count, current: nil, elapsed: Date().timeIntervalSince(started)))
        return records
    }

    /// One run on all of the runner's threads (see ``run(_:threads:shouldStop:)``).
    public func run(_ key: CheckRunKey, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> CheckRunRecord {
        try run(key, threads: threads, shouldStop: shouldStop)
    }

    /// One run on `threads` threads: fit `key.estimator` on the (n, replicate) sample (noiseless
    /// labels for a floor run) and measure its test MSE. Safe to call from several threads at once.
    func run(_ key: CheckRunKey, threads: Int, shouldStop: @escaping @Sendable () -> Bool) throws -> CheckRunRecord {
        let parallelism = Parallelism(threads: threads)
        let sample = trainingSample(n: key.n, replicate: key.replicate, noiseless: key.noiseless, parallelism: parallelism)
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
            let test = testSample(replicate: key.replicate, parallelism: parallelism)
            let mse = Self.meanSquaredError(of: trained.predict(test.dataset, parallelism: parallelism), against: test)
            let trainingSequences = baseTraining.trainingSequenceCount(of: key.n)
            let record = CheckTrainingRecord(steps: report.steps, stepCap: report.stepCap, stopReason: report.stopReason,
                                             finalTrainMSE: report.finalTrainLoss, bestValidationMSE: report.bestValidationLoss,
                                             trainingRows: trainingSequences * (settings.length - target.firstTargetPosition))
            var details = ["epochs": Double(report.epochsRun), "parameters": Double(trained.parameterCount),
                           "width": Double(size.width), "threads": Double(parallelism.threads)]
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
    private func trainingSample(n: Int, replicate: Int, noiseless: Bool, parallelism: Parallelism) -> TargetSample {
        samples.trainingSample(.init(n: n, replicate: replicate, noiseless: noiseless)) {
            target.sample(sequences: n, length: settings.length, noise: noiseless ? 0 : settings.noise,
                          seed: seeds.trainingData(n: n, replicate: replicate), parallelism: parallelism)
        }
    }

    private func testSample(replicate: Int, parallelism: Parallelism) -> TargetSample {
        samples.testSample(replicate: replicate) {
            target.sample(sequences: settings.testSequences, length: settings.length, noise: 0,
                          seed: seeds.testData(replicate: replicate), parallelism: parallelism)
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
