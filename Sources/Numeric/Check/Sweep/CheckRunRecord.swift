import Bounds

/// One finished (estimator, n, replicate) run of a sweep: the unit that shards write and
/// `ratecalc merge` combines. Every field is a measured number; nothing is derived here.
public struct CheckRunRecord: Codable, Sendable, Equatable {
    /// Which estimator was trained.
    public var estimator: CheckEstimator
    /// n: number of training sequences.
    public var n: Int
    /// Replicate index `0..<R` (R = `CheckSettings.seeds`); the data and the estimator's
    /// initialisation are seeded from (settings seed, n, replicate), so a run is reproducible on
    /// its own. JSON and CSV column `replicate`; older files whose JSON key is `seed` still decode.
    public var replicate: Int
    /// Mean squared error against the noiseless target on a fresh test set (oracle: exact,
    /// by Parseval, from the coefficients).
    public var testMSE: Double
    /// Wall-clock seconds of fitting (data generation excluded).
    public var seconds: Double
    /// Extra measured numbers (e.g. `"level"` T chosen by the oracle, `"basis_size"`,
    /// `"epochs"`, `"parameters"`); keys are snake_case and stable.
    public var details: [String: Double]
    /// How a neural run's training went (steps, why it stopped, final errors); `nil` for the oracle.
    public var training: CheckTrainingRecord?
    /// A floor run: trained on noiseless labels (σ = 0) at the largest n, to measure the network's
    /// approximation floor (docs/check.md, "Approximation floor"); never part of a fit. JSON key
    /// `noiseless`, written only when true.
    public var noiseless: Bool

    /// Creates a record.
    public init(estimator: CheckEstimator, n: Int, replicate: Int, testMSE: Double, seconds: Double,
                details: [String: Double] = [:], training: CheckTrainingRecord? = nil, noiseless: Bool = false) {
        self.estimator = estimator
        self.n = n
        self.replicate = replicate
        self.testMSE = testMSE
        self.seconds = seconds
        self.details = details
        self.training = training
        self.noiseless = noiseless
    }

    enum CodingKeys: String, CodingKey {
        case estimator, n, replicate, seconds, details, training, noiseless
        case testMSE = "test_mse"
        /// The replicate's key before it was named `replicate`; read, never written.
        case legacyReplicate = "seed"
    }

    /// Decodes a record, reading the replicate from `replicate` or, in older files, `seed`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        estimator = try container.decode(CheckEstimator.self, forKey: .estimator)
        n = try container.decode(Int.self, forKey: .n)
        if container.contains(.replicate) || !container.contains(.legacyReplicate) {
            replicate = try container.decode(Int.self, forKey: .replicate)
        } else {
            replicate = try container.decode(Int.self, forKey: .legacyReplicate)
        }
        testMSE = try container.decode(Double.self, forKey: .testMSE)
        seconds = try container.decode(Double.self, forKey: .seconds)
        details = try container.decode([String: Double].self, forKey: .details)
        training = try container.decodeIfPresent(CheckTrainingRecord.self, forKey: .training)
        noiseless = try container.decodeIfPresent(Bool.self, forKey: .noiseless) ?? false
    }

    /// Encodes a record with the key `replicate`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(estimator, forKey: .estimator)
        try container.encode(n, forKey: .n)
        try container.encode(replicate, forKey: .replicate)
        try container.encode(testMSE, forKey: .testMSE)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(details, forKey: .details)
        try container.encodeIfPresent(training, forKey: .training)
        if noiseless { try container.encode(true, forKey: .noiseless) }
    }
}

/// The convergence record of one neural run (docs/check.md, "Training to convergence").
public struct CheckTrainingRecord: Codable, Sendable, Equatable {
    /// Optimiser steps taken.
    public var steps: Int
    /// The run's step cap `max(min_steps, epochs · steps per epoch)`.
    public var stepCap: Int
    /// `plateau` (converged: the validation error stopped improving), `budget` (the cap ended a run
    /// that was still improving) or `interrupted`.
    public var stopReason: TrainingStopReason
    /// MSE of the returned weights on the training split (noisy labels): ≈ σ² for a fit that
    /// neither underfits nor overfits.
    public var finalTrainMSE: Double
    /// Best validation MSE (noisy labels), the one whose weights were kept.
    public var bestValidationMSE: Double
    /// Rows (target positions) of the training split: the sampling error of a training MSE of
    /// pure noise is `σ²·√(2/rows)`.
    public var trainingRows: Int

    /// Creates a record.
    public init(steps: Int, stepCap: Int, stopReason: TrainingStopReason, finalTrainMSE: Double,
                bestValidationMSE: Double, trainingRows: Int) {
        self.steps = steps
        self.stepCap = stepCap
        self.stopReason = stopReason
        self.finalTrainMSE = finalTrainMSE
        self.bestValidationMSE = bestValidationMSE
        self.trainingRows = trainingRows
    }

    enum CodingKeys: String, CodingKey {
        case steps
        case stepCap = "step_cap"
        case stopReason = "stop_reason"
        case finalTrainMSE = "final_train_mse"
        case bestValidationMSE = "best_validation_mse"
        case trainingRows = "training_rows"
    }
}
