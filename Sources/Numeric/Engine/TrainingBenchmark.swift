import Foundation

/// Training throughput of one estimator: optimiser steps per second on random
/// data, as `bench/torch_train_step.py` and `bench/jax_train_step.py` measure PyTorch and JAX (random `x ~ U[0,1]`, `y ~ N(0,1)`,
/// loss over all positions, warm-up steps not timed).
public struct TrainingThroughput: Sendable {
    /// The model timed.
    public var configuration: SequenceModelConfiguration
    /// Sequences per step.
    public var batchSize: Int
    /// Timed steps.
    public var steps: Int
    /// Wall-clock seconds of the timed steps.
    public var seconds: Double
    /// CPU seconds of the process (all threads) during the timed steps: on a loaded machine
    /// this, not the wall time, tells how much work a step is.
    public var cpuSeconds: Double
    /// Trainable scalars of the model.
    public var parameterCount: Int
    /// `steps · batchSize / seconds`.
    public var samplesPerSecond: Double { Double(steps * batchSize) / seconds }
    /// `1000 · seconds / steps`.
    public var millisecondsPerStep: Double { 1000 * seconds / Double(steps) }
    /// `1000 · cpuSeconds / steps`.
    public var cpuMillisecondsPerStep: Double { 1000 * cpuSeconds / Double(steps) }
}

/// Times `steps` full training steps (forward, masked MSE, backward, clipping, Adam) after
/// `warmupSteps` untimed ones, at a fixed batch of `batchSize` sequences, on `parallelism.threads` threads.
public func measureTrainingThroughput(_ model: SequenceModelConfiguration, batchSize: Int = 64, steps: Int = 200,
                                      warmupSteps: Int = 20, seed: UInt64 = 0,
                                      parallelism: Parallelism = .serial) throws -> TrainingThroughput {
    try model.validate()
    guard batchSize >= 1 else { throw EngineError("batch size must be a positive integer, got \(batchSize)") }
    guard steps >= 1 else { throw EngineError("steps must be a positive integer, got \(steps)") }
    var random = RandomSource(seed: seed)
    let network = SequenceNetwork<Float>(model, seed: random.next())
    var step = TrainingStep(network: network, batch: batchSize, parallelism: parallelism)
    let rows = batchSize * model.sequenceLength
    for i in 0..<(rows * model.tokenDimension) { step.input[i] = Float(random.uniform()) }
    for i in 0..<rows { step.targets[i] = Float(random.normal()) }
    for _ in 0..<warmupSteps { _ = step.run(size: batchSize, firstTargetPosition: 0, clipNorm: 1e30, learningRate: 1e-3) }
    let start = DispatchTime.now().uptimeNanoseconds, cpuStart = processCPUSeconds()
    for _ in 0..<steps { _ = step.run(size: batchSize, firstTargetPosition: 0, clipNorm: 1e30, learningRate: 1e-3) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return TrainingThroughput(configuration: model, batchSize: batchSize, steps: steps, seconds: seconds,
                              cpuSeconds: processCPUSeconds() - cpuStart, parameterCount: network.layout.count)
}
