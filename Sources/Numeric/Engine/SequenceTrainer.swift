import Foundation

/// Trains a SPEC §5 estimator on `data` by minibatch Adam on the masked MSE
/// (`MeanSquaredLoss`), with warm-up + cosine learning rate, global-norm clipping,
/// a seeded validation split and early stopping that keeps the best weights.
///
/// Deterministic: the same seed, data and thread count give identical weights.
/// `progress` is called after every epoch; when `shouldStop` returns true (checked before every
/// minibatch) training ends early and the best weights so far are returned.
public func trainSequenceModel(
    _ model: SequenceModelConfiguration, training: TrainingConfiguration, data: SequenceDataset,
    progress: ((TrainingProgress) -> Void)? = nil, shouldStop: (() -> Bool)? = nil
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
    var stepper = TrainingStep(network: network, batch: batch)
    let stepsPerEpoch = (train.count + batch - 1) / batch
    let totalSteps = stepsPerEpoch * training.epochs
    let warmupSteps = Int(training.warmupFraction * Double(totalSteps))
    var best = Array(network.parameters)
    var bestLoss = Double.infinity
    var trainHistory: [Double] = [], validationHistory: [Double] = []
    var sinceImprovement = 0, step = 0, stopped = false

    let L = data.length, d = data.tokenDimension
    try data.inputs.withUnsafeBufferPointer { inputs in
        try data.targets.withUnsafeBufferPointer { targets in
            let source = SequenceBatchSource(inputs: inputs.baseAddress!, targets: targets.baseAddress!, length: L, tokenDimension: d)
            var epochOrder = [Int](repeating: 0, count: train.count)
            for epoch in 1...training.epochs {
                let shuffle = random.permutation(train.count)
                for i in 0..<train.count { epochOrder[i] = train[shuffle[i]] }
                var lossSum = 0.0, seen = 0
                for s in 0..<stepsPerEpoch {
                    if shouldStop?() == true { stopped = true; break }
                    let lower = s * batch, size = min(batch, train.count - lower)
                    source.gather(epochOrder, lower..<(lower + size), into: stepper)
                    let rate = scheduledLearningRate(step: step, totalSteps: totalSteps, warmupSteps: warmupSteps,
                                                     base: training.learningRate)
                    let loss = stepper.run(size: size, firstTargetPosition: data.firstTargetPosition,
                                           clipNorm: training.clipNorm, learningRate: rate)
                    guard loss.isFinite else { throw EngineError("training diverged (non-finite loss at epoch \(epoch))") }
                    step += 1
                    lossSum += loss * Double(size)
                    seen += size
                }
                if stopped && seen == 0 { break }
                let trainLoss = lossSum / Double(seen)
                let validationLoss = validation.isEmpty ? trainLoss
                    : evaluate(stepper, source, validation, firstTargetPosition: data.firstTargetPosition)
                trainHistory.append(trainLoss)
                validationHistory.append(validationLoss)
                progress?(TrainingProgress(epoch: epoch, epochs: training.epochs, trainLoss: trainLoss, validationLoss: validationLoss))
                if validationLoss < bestLoss {
                    bestLoss = validationLoss
                    best.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: network.parameters) }
                    sinceImprovement = 0
                } else {
                    sinceImprovement += 1
                }
                if stopped || sinceImprovement >= training.patience { break }
            }
        }
    }
    if trainHistory.isEmpty {
        // Stopped before the first step: report the initial weights' loss (finite, so the report encodes).
        let all = validation.isEmpty ? train : validation
        try data.inputs.withUnsafeBufferPointer { inputs in
            try data.targets.withUnsafeBufferPointer { targets in
                let source = SequenceBatchSource(inputs: inputs.baseAddress!, targets: targets.baseAddress!, length: L, tokenDimension: d)
                bestLoss = evaluate(stepper, source, all, firstTargetPosition: data.firstTargetPosition)
                if !bestLoss.isFinite { throw EngineError("the initial model's loss is not finite") }
            }
        }
    }
    let trained = TrainedSequenceModel(configuration: model, parameters: best, tensors: network.layout.tensors)
    let report = TrainingReport(epochsRun: trainHistory.count, bestValidationLoss: bestLoss,
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
