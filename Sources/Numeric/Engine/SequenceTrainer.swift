import Foundation

/// Trains an estimator (docs/training-engine.md) on `data` by minibatch Adam on the masked MSE
/// (`MeanSquaredLoss`), with linear warm-up then the configured schedule (cosine over the step
/// cap, or constant with decays on plateaus), global-norm clipping, a seeded validation split
/// and early stopping that keeps the best weights. The report says how many steps ran and why
/// training ended (`plateau`, `budget` or `interrupted`), with the best validation MSE and the
/// training-split MSE of the returned weights.
///
/// Deterministic: the same seed and data give identical weights, whatever `parallelism` is (it only
/// schedules the fixed pieces of each batch: `TrainingStep`).
/// `progress` is called after every evaluation; when `shouldStop` returns true (checked before every
/// minibatch) training ends early and the best weights so far are returned.
public func trainSequenceModel(
    _ model: SequenceModelConfiguration, training: TrainingConfiguration, data: SequenceDataset,
    parallelism: Parallelism = .serial, progress: ((TrainingProgress) -> Void)? = nil, shouldStop: (() -> Bool)? = nil
) throws -> (TrainedSequenceModel, TrainingReport) {
    try model.validate()
    try training.validate()
    try data.validate(for: model)
    let started = Date()

    var random = RandomSource(seed: training.seed)
    let order = random.permutation(data.count)
    let validationCount = validationSequenceCount(of: data.count, fraction: training.validationFraction)
    let validation = Array(order[0..<validationCount])
    let train = Array(order[validationCount...])

    let network = SequenceNetwork<Float>(model, seed: random.next())
    let batch = min(training.batchSize, train.count)
    var stepper = TrainingStep(network: network, batch: batch, parallelism: parallelism)
    let stepsPerEpoch = training.stepsPerEpoch(sequences: data.count)   // ⌈train.count / batch⌉
    let stepCap = training.stepCap(stepsPerEpoch: stepsPerEpoch)
    let evaluationPeriod = training.evaluationPeriod(stepsPerEpoch: stepsPerEpoch)
    let capEpochs = (stepCap + stepsPerEpoch - 1) / stepsPerEpoch
    let warmupSteps = Int(training.warmupFraction * Double(stepCap))
    var best = Array(network.parameters)
    var bestLoss = Double.infinity
    var trainHistory: [Double] = [], validationHistory: [Double] = []
    var sinceImprovement = 0, step = 0, epoch = 0, decays = 0
    var stopReason = TrainingStopReason.budget

    /// The learning rate of `step`: warm-up, then cosine over the cap or `η·decayFactor^decays`.
    func learningRate(_ step: Int) -> Double {
        switch training.schedule {
        case .cosine:
            return scheduledLearningRate(step: step, totalSteps: stepCap, warmupSteps: warmupSteps, base: training.learningRate)
        case .plateau:
            let base = training.learningRate * Foundation.pow(training.decayFactor, Double(decays))
            return step < warmupSteps ? base * Double(step + 1) / Double(warmupSteps) : base
        }
    }

    let L = data.length, d = data.tokenDimension
    let finalTrainLoss: Double = try data.inputs.withUnsafeBufferPointer { inputs in
        try data.targets.withUnsafeBufferPointer { targets in
            let source = SequenceBatchSource(inputs: inputs.baseAddress!, targets: targets.baseAddress!, length: L, tokenDimension: d)
            var epochOrder = [Int](repeating: 0, count: train.count)
            var lossSum = 0.0, seen = 0
            training: while step < stepCap {
                epoch += 1
                let shuffle = random.permutation(train.count)
                for i in 0..<train.count { epochOrder[i] = train[shuffle[i]] }
                for s in 0..<stepsPerEpoch where step < stepCap {
                    if shouldStop?() == true { stopReason = .interrupted; break }
                    let lower = s * batch, size = min(batch, train.count - lower)
                    source.gather(epochOrder, lower..<(lower + size), into: stepper)
                    let loss = stepper.run(size: size, firstTargetPosition: data.firstTargetPosition,
                                           clipNorm: training.clipNorm, learningRate: learningRate(step))
                    guard loss.isFinite else { throw EngineError("training diverged (non-finite loss at epoch \(epoch))") }
                    step += 1
                    lossSum += loss * Double(size)
                    seen += size
                }
                let interrupted = stopReason == .interrupted
                if interrupted && seen == 0 { epoch -= 1; break }
                guard interrupted || epoch % evaluationPeriod == 0 || step >= stepCap else { continue }
                let trainLoss = lossSum / Double(seen)
                lossSum = 0; seen = 0
                let validationLoss = validation.isEmpty ? trainLoss
                    : evaluate(stepper, source, validation, firstTargetPosition: data.firstTargetPosition)
                trainHistory.append(trainLoss)
                validationHistory.append(validationLoss)
                progress?(TrainingProgress(epoch: epoch, epochs: capEpochs, trainLoss: trainLoss, validationLoss: validationLoss))
                if validationLoss < bestLoss * (1 - training.minRelativeImprovement) {
                    sinceImprovement = 0
                } else {
                    sinceImprovement += 1
                }
                if validationLoss < bestLoss {
                    bestLoss = validationLoss
                    best.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: network.parameters) }
                }
                if interrupted { break training }
                if sinceImprovement >= training.patience {
                    if training.schedule == .plateau && decays < training.maxDecays {
                        decays += 1
                        sinceImprovement = 0
                    } else {
                        stopReason = .plateau
                        break training
                    }
                }
            }
            if trainHistory.isEmpty {
                // Stopped before the first step: report the initial weights' loss (finite, so the report encodes).
                bestLoss = evaluate(stepper, source, validation.isEmpty ? train : validation,
                                    firstTargetPosition: data.firstTargetPosition)
                if !bestLoss.isFinite { throw EngineError("the initial model's loss is not finite") }
            }
            _ = network.parameters.update(fromContentsOf: best)
            return evaluate(stepper, source, train, firstTargetPosition: data.firstTargetPosition)
        }
    }
    let trained = TrainedSequenceModel(configuration: model, parameters: best, tensors: network.layout.tensors)
    let report = TrainingReport(epochsRun: epoch, steps: step, stepCap: stepCap, stopReason: stopReason,
                                bestValidationLoss: bestLoss, finalTrainLoss: finalTrainLoss,
                                trainLossHistory: trainHistory, validationLossHistory: validationHistory,
                                seconds: Date().timeIntervalSince(started))
    return (trained, report)
}

/// Mean loss over the sequences `indices`, in batch-sized pieces (forward only).
private func evaluate(_ stepper: TrainingStep, _ source: SequenceBatchSource, _ indices: [Int],
                      firstTargetPosition: Int) -> Double {
    var total = 0.0, lower = 0
    while lower < indices.count {
        let size = min(stepper.batch, indices.count - lower)
        source.gather(indices, lower..<(lower + size), into: stepper)
        total += Double(size) * stepper.evaluate(size: size, firstTargetPosition: firstTargetPosition, train: false)
        lower += size
    }
    return total / Double(indices.count)
}

/// Copies selected sequences of a dataset into a training step's staging buffers.
struct SequenceBatchSource {
    let inputs: UnsafePointer<Float>
    let targets: UnsafePointer<Float>
    let length: Int
    let tokenDimension: Int

    func gather(_ indices: [Int], _ range: Range<Int>, into step: TrainingStep) {
        let tokens = length * tokenDimension
        for (slot, position) in range.enumerated() {
            let sequence = indices[position]
            (step.input + slot * tokens).update(from: inputs + sequence * tokens, count: tokens)
            (step.targets + slot * length).update(from: targets + sequence * length, count: length)
        }
    }
}
