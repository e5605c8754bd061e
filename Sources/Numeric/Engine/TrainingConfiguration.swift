/// How the learning rate moves after the linear warm-up.
public enum LearningRateSchedule: String, Codable, Sendable, CaseIterable {
    /// Cosine decay from η to 0 over the step cap (a fixed budget; early stopping may end sooner).
    case cosine
    /// Constant η; after `patience` evaluations without improvement η ← `decayFactor`·η, at most
    /// `maxDecays` times; the next plateau stops training ("reduce on plateau" + early stopping,
    /// for training to convergence without knowing the number of steps in advance).
    case plateau
}

/// Why a training run ended.
public enum TrainingStopReason: String, Codable, Sendable, CaseIterable {
    /// The validation error stopped improving (after the schedule's learning-rate decays): converged.
    case plateau
    /// The step cap was reached while the validation error was still improving within the patience window.
    case budget
    /// `shouldStop` asked for it (Ctrl-C).
    case interrupted
}

/// Training hyper-parameters (docs/training-engine.md): Adam with bias correction, minibatches,
/// linear warm-up over `warmupFraction` of the step cap, then the `schedule`, global-norm
/// gradient clipping at `clipNorm`, a random `validationFraction` held out for early stopping
/// (the best weights are kept), and a `seed` fixing initialisation, split and batch order.
///
/// Step cap: `max(minSteps, epochs · steps per epoch)`. The validation error is measured every
/// `max(1, ⌈evaluationSteps / steps per epoch⌉)` epochs (and at the cap); an evaluation counts as an
/// improvement when it is below `(1 − minRelativeImprovement)` times the best so far; `patience`
/// evaluations without one end training (`.cosine`) or decay the learning rate (`.plateau`).
public struct TrainingConfiguration: Codable, Sendable, Equatable {
    /// Maximum passes over the training split (default 60), unless `minSteps` asks for more.
    public var epochs: Int
    /// Sequences per minibatch (default 64).
    public var batchSize: Int
    /// Peak Adam learning rate η (default 3e-3).
    public var learningRate: Double
    /// Fraction of the step cap spent in linear warm-up (default 0.05).
    public var warmupFraction: Double
    /// Maximum global gradient norm (default 1).
    public var clipNorm: Double
    /// Fraction of sequences held out for early stopping (default 0.2).
    public var validationFraction: Double
    /// Evaluations without improvement before stopping or decaying η (default 10).
    public var patience: Int
    /// Seeds initialisation, split and batch order (default 0).
    public var seed: UInt64
    /// The step cap is at least this many optimiser steps (default 0).
    public var minSteps: Int
    /// Optimiser steps between validation evaluations, rounded up to whole epochs (default 0: every epoch).
    public var evaluationSteps: Int
    /// Learning-rate schedule after warm-up (default `.cosine`).
    public var schedule: LearningRateSchedule
    /// `.plateau`: factor applied to η at each plateau (default 0.3).
    public var decayFactor: Double
    /// `.plateau`: decays before the next plateau stops training (default 2).
    public var maxDecays: Int
    /// Relative decrease of the validation error that counts as an improvement (default 0).
    public var minRelativeImprovement: Double

    public init(epochs: Int = 60, batchSize: Int = 64, learningRate: Double = 3e-3,
                warmupFraction: Double = 0.05, clipNorm: Double = 1, validationFraction: Double = 0.2,
                patience: Int = 10, seed: UInt64 = 0, minSteps: Int = 0, evaluationSteps: Int = 0,
                schedule: LearningRateSchedule = .cosine, decayFactor: Double = 0.3, maxDecays: Int = 2,
                minRelativeImprovement: Double = 0) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.warmupFraction = warmupFraction
        self.clipNorm = clipNorm
        self.validationFraction = validationFraction
        self.patience = patience
        self.seed = seed
        self.minSteps = minSteps
        self.evaluationSteps = evaluationSteps
        self.schedule = schedule
        self.decayFactor = decayFactor
        self.maxDecays = maxDecays
        self.minRelativeImprovement = minRelativeImprovement
    }

    /// `n_train = sequences − validationSequenceCount(of: sequences, fraction: validationFraction)`,
    /// at least 1: the sequences `trainSequenceModel` trains on.
    public func trainingSequenceCount(of sequences: Int) -> Int {
        max(1, sequences - validationSequenceCount(of: sequences, fraction: validationFraction))
    }

    /// Optimiser steps per epoch on `sequences` sequences: `⌈n_train / B⌉` with n_train =
    /// ``trainingSequenceCount(of:)`` and `B = min(batchSize, n_train)` (what `trainSequenceModel` runs).
    public func stepsPerEpoch(sequences: Int) -> Int {
        let training = trainingSequenceCount(of: sequences)
        let batch = min(batchSize, training)
        return (training + batch - 1) / batch
    }

    /// The step cap for `stepsPerEpoch` steps per epoch: `max(minSteps, epochs · stepsPerEpoch)`.
    public func stepCap(stepsPerEpoch: Int) -> Int { max(minSteps, epochs * stepsPerEpoch) }

    /// Epochs between validation evaluations: `max(1, ⌈evaluationSteps / stepsPerEpoch⌉)`.
    public func evaluationPeriod(stepsPerEpoch: Int) -> Int {
        max(1, (evaluationSteps + stepsPerEpoch - 1) / max(1, stepsPerEpoch))
    }

    /// Throws `EngineError` naming the first unusable field.
    public func validate() throws {
        if epochs < 1 { throw EngineError("epochs must be a positive integer, got \(epochs)") }
        if batchSize < 1 { throw EngineError("batchSize must be a positive integer, got \(batchSize)") }
        if !(learningRate > 0 && learningRate.isFinite) { throw EngineError("learningRate must be positive, got \(learningRate)") }
        if !(warmupFraction >= 0 && warmupFraction < 1) { throw EngineError("warmupFraction must be in [0, 1), got \(warmupFraction)") }
        if !(clipNorm > 0) { throw EngineError("clipNorm must be positive, got \(clipNorm)") }
        if !(validationFraction >= 0 && validationFraction < 1) {
            throw EngineError("validationFraction must be in [0, 1), got \(validationFraction)")
        }
        if patience < 1 { throw EngineError("patience must be a positive integer, got \(patience)") }
        if minSteps < 0 { throw EngineError("minSteps must be ≥ 0, got \(minSteps)") }
        if evaluationSteps < 0 { throw EngineError("evaluationSteps must be ≥ 0, got \(evaluationSteps)") }
        if !(decayFactor > 0 && decayFactor < 1) { throw EngineError("decayFactor must be in (0, 1), got \(decayFactor)") }
        if maxDecays < 0 { throw EngineError("maxDecays must be ≥ 0, got \(maxDecays)") }
        if !(minRelativeImprovement >= 0 && minRelativeImprovement < 1) {
            throw EngineError("minRelativeImprovement must be in [0, 1), got \(minRelativeImprovement)")
        }
    }
}

/// Reported once per epoch while training.
public struct TrainingProgress: Sendable {
    /// Epochs finished so far (1-based).
    public var epoch: Int
    /// The configured maximum number of epochs.
    public var epochs: Int
    /// Mean training loss (MSE over target positions) of the epoch's minibatches.
    public var trainLoss: Double
    /// MSE on the validation split (the training loss when there is none).
    public var validationLoss: Double

    public init(epoch: Int, epochs: Int, trainLoss: Double, validationLoss: Double) {
        self.epoch = epoch
        self.epochs = epochs
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
    }
}

/// Summary of one training run.
public struct TrainingReport: Codable, Sendable {
    /// Epochs started (the last may be partial when the step cap or `shouldStop` ends it).
    public var epochsRun: Int
    /// Optimiser steps taken.
    public var steps: Int
    /// The step cap `max(minSteps, epochs · steps per epoch)`.
    public var stepCap: Int
    /// Why training ended.
    public var stopReason: TrainingStopReason
    /// Validation MSE of the returned (best) weights.
    public var bestValidationLoss: Double
    /// MSE of the returned weights on the training split (forward pass, no update): near σ² for a
    /// fit that neither underfits nor overfits.
    public var finalTrainLoss: Double
    /// Mean minibatch loss of each evaluation period.
    public var trainLossHistory: [Double]
    /// Validation MSE at each evaluation.
    public var validationLossHistory: [Double]
    /// Wall-clock seconds of the run.
    public var seconds: Double

    public init(epochsRun: Int, steps: Int, stepCap: Int, stopReason: TrainingStopReason, bestValidationLoss: Double,
                finalTrainLoss: Double, trainLossHistory: [Double], validationLossHistory: [Double], seconds: Double) {
        self.epochsRun = epochsRun
        self.steps = steps
        self.stepCap = stepCap
        self.stopReason = stopReason
        self.bestValidationLoss = bestValidationLoss
        self.finalTrainLoss = finalTrainLoss
        self.trainLossHistory = trainLossHistory
        self.validationLossHistory = validationLossHistory
        self.seconds = seconds
    }
}

/// Sequences held out for validation out of `count`: `round(fraction · count)`, at least one and
/// leaving at least one for training; none when `count < 2` or `fraction = 0`. The one rule for
/// the trainer's early-stopping split, the check's step budget and the oracle's level choice.
func validationSequenceCount(of count: Int, fraction: Double) -> Int {
    guard count > 1, fraction > 0 else { return 0 }
    return min(count - 1, max(1, Int((Double(count) * fraction).rounded())))
}
