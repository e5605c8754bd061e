/// Training hyper-parameters (SPEC §5 "Training"): Adam with bias correction, minibatches,
/// linear warm-up over `warmupFraction` of the steps then cosine decay to 0, global-norm
/// gradient clipping at `clipNorm`, a random `validationFraction` held out for early stopping
/// after `patience` epochs without improvement (the best weights are kept), and a `seed`
/// fixing initialisation, split and batch order.
public struct TrainingConfiguration: Codable, Sendable, Equatable {
    /// Maximum passes over the training split (default 60).
    public var epochs: Int
    /// Sequences per minibatch (default 64).
    public var batchSize: Int
    /// Peak Adam learning rate η (default 3e-3).
    public var learningRate: Double
    /// Fraction of all steps spent in linear warm-up (default 0.05).
    public var warmupFraction: Double
    /// Maximum global gradient norm (default 1).
    public var clipNorm: Double
    /// Fraction of sequences held out for early stopping (default 0.2).
    public var validationFraction: Double
    /// Epochs without validation improvement before stopping (default 10).
    public var patience: Int
    /// Seeds initialisation, split and batch order (default 0).
    public var seed: UInt64

    public init(epochs: Int = 60, batchSize: Int = 64, learningRate: Double = 3e-3,
                warmupFraction: Double = 0.05, clipNorm: Double = 1, validationFraction: Double = 0.2,
                patience: Int = 10, seed: UInt64 = 0) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.warmupFraction = warmupFraction
        self.clipNorm = clipNorm
        self.validationFraction = validationFraction
        self.patience = patience
        self.seed = seed
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
    /// Epochs completed (early stopping or `shouldStop` may end before `epochs`).
    public var epochsRun: Int
    /// Validation MSE of the returned (best) weights.
    public var bestValidationLoss: Double
    /// Mean minibatch loss of each epoch.
    public var trainLossHistory: [Double]
    /// Validation MSE after each epoch.
    public var validationLossHistory: [Double]
    /// Wall-clock seconds of the run.
    public var seconds: Double

    public init(epochsRun: Int, bestValidationLoss: Double, trainLossHistory: [Double],
                validationLossHistory: [Double], seconds: Double) {
        self.epochsRun = epochsRun
        self.bestValidationLoss = bestValidationLoss
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
