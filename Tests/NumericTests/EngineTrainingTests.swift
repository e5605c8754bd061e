import Foundation
import Testing
@testable import Numeric

/// Training loop: determinism, fitting a known target, input validation.
@Suite struct EngineTrainingTests {
    /// `y_t = x_{t−2}` on uniform scalar tokens; targets from position 2 on.
    static func shiftDataset(count: Int, length: Int, seed: UInt64) -> SequenceDataset {
        var random = RandomSource(seed: seed)
        let inputs = (0..<(count * length)).map { _ in Float(random.uniform()) }
        var targets = [Float](repeating: 0, count: count * length)
        for i in 0..<count { for t in 2..<length { targets[i * length + t] = inputs[i * length + t - 2] } }
        return SequenceDataset(count: count, length: length, tokenDimension: 1, inputs: inputs, targets: targets,
                               firstTargetPosition: 2)
    }

    static func small(_ architecture: SequenceArchitecture, length: Int = 8) -> SequenceModelConfiguration {
        SequenceModelConfiguration(architecture: architecture, tokenDimension: 1, sequenceLength: length,
                                   width: 8, stateSize: 4, heads: 2, depth: 2, hiddenWidth: 16, window: 4)
    }

    @Test(arguments: SequenceArchitecture.allCases)
    func sameSeedSameWeights(architecture: SequenceArchitecture) throws {
        let data = Self.shiftDataset(count: 40, length: 8, seed: 1)
        let training = TrainingConfiguration(epochs: 3, batchSize: 8, seed: 42)
        let (first, firstReport) = try trainSequenceModel(Self.small(architecture), training: training, data: data)
        let (second, secondReport) = try trainSequenceModel(Self.small(architecture), training: training, data: data)
        #expect(first.parameters == second.parameters)
        #expect(firstReport.trainLossHistory == secondReport.trainLossHistory)
        var other = training
        other.seed = 43
        let (third, _) = try trainSequenceModel(Self.small(architecture), training: other, data: data)
        #expect(first.parameters != third.parameters)
    }

    /// Two blocks are needed: a single gated SSM block with this small kernel stays near MSE 0.05,
    /// as does the PyTorch reference model (checked with bench/torch_train_step.py's modules).
    @Test(arguments: SequenceArchitecture.allCases)
    func learnsDelayedCopy(architecture: SequenceArchitecture) throws {
        let data = Self.shiftDataset(count: 256, length: 8, seed: 2)
        let test = Self.shiftDataset(count: 128, length: 8, seed: 3)
        let training = TrainingConfiguration(epochs: 100, batchSize: 16, learningRate: 3e-2, patience: 100, seed: 5)
        let (model, report) = try trainSequenceModel(Self.small(architecture), training: training, data: data)
        let error = model.meanSquaredError(on: test)
        // Predicting the mean gives Var U[0,1] = 1/12 ≈ 0.083; ask for 20× better.
        #expect(error < 0.083 / 20, "\(architecture): test MSE \(error) after \(report.epochsRun) epochs")
        #expect(report.validationLossHistory.min()! == report.bestValidationLoss)
    }

    @Test func earlyStoppingKeepsBestWeights() throws {
        let data = Self.shiftDataset(count: 64, length: 8, seed: 4)
        let training = TrainingConfiguration(epochs: 30, batchSize: 8, learningRate: 0.5, patience: 2, seed: 1)
        var epochs = 0
        let (model, report) = try trainSequenceModel(Self.small(.fnn), training: training, data: data,
                                                     progress: { _ in epochs += 1 })
        #expect(report.epochsRun == epochs)
        #expect(report.epochsRun < 30)
        // The returned weights are those of the best epoch: their validation loss is the best seen.
        var random = RandomSource(seed: 1)
        let order = random.permutation(64)
        let validationIndices = order[0..<13]
        var subset = data
        subset.count = 13
        subset.inputs = validationIndices.flatMap { Array(data.inputs[($0 * 8)..<($0 * 8 + 8)]) }
        subset.targets = validationIndices.flatMap { Array(data.targets[($0 * 8)..<($0 * 8 + 8)]) }
        #expect(abs(model.meanSquaredError(on: subset) - report.bestValidationLoss) < 1e-6 * max(1, report.bestValidationLoss))
    }

    @Test func stopRequestEndsTraining() throws {
        let data = Self.shiftDataset(count: 64, length: 8, seed: 4)
        var calls = 0
        let (_, report) = try trainSequenceModel(Self.small(.ssm), training: TrainingConfiguration(epochs: 50, batchSize: 8),
                                                 data: data, shouldStop: { calls += 1; return calls > 10 })
        #expect(report.epochsRun == 2)
    }

    @Test func stopBeforeFirstStepReportsInitialLoss() throws {
        let data = Self.shiftDataset(count: 16, length: 8, seed: 4)
        let (_, report) = try trainSequenceModel(Self.small(.transformer), training: TrainingConfiguration(epochs: 5, batchSize: 4),
                                                 data: data, shouldStop: { true })
        #expect(report.epochsRun == 0)
        #expect(report.bestValidationLoss.isFinite && report.bestValidationLoss > 0)
        _ = try JSONEncoder().encode(report)
    }

    @Test func singleSequenceTrainsWithoutValidationSplit() throws {
        let data = Self.shiftDataset(count: 1, length: 8, seed: 4)
        let (model, report) = try trainSequenceModel(Self.small(.ssm), training: TrainingConfiguration(epochs: 3), data: data)
        #expect(report.epochsRun == 3)
        #expect(report.validationLossHistory == report.trainLossHistory)
        #expect(model.predict(data).count == 8)
    }

    @Test func benchmarkRunsTheTrainingStep() throws {
        let result = try measureTrainingThroughput(Self.small(.ssm), batchSize: 4, steps: 2, warmupSteps: 1)
        #expect(result.steps == 2 && result.samplesPerSecond > 0 && result.parameterCount > 0)
        #expect(result.cpuSeconds > 0 && result.cpuMillisecondsPerStep.isFinite)
        #expect(throws: EngineError.self) { try measureTrainingThroughput(Self.small(.ssm), steps: 0) }
    }

    @Test func rejectsMismatchedData() {
        let data = Self.shiftDataset(count: 4, length: 8, seed: 1)
        #expect(throws: EngineError.self) {
            try trainSequenceModel(Self.small(.ssm, length: 9), training: TrainingConfiguration(), data: data)
        }
        var bad = data
        bad.targets.removeLast()
        #expect(throws: EngineError.self) { try trainSequenceModel(Self.small(.ssm), training: TrainingConfiguration(), data: bad) }
        var heads = Self.small(.transformer)
        heads.heads = 3
        #expect(throws: EngineError.self) { try trainSequenceModel(heads, training: TrainingConfiguration(), data: data) }
        #expect(throws: EngineError.self) {
            try trainSequenceModel(Self.small(.fnn), training: TrainingConfiguration(epochs: 0), data: data)
        }
    }
}

/// Data-parallel training steps: the batch is split into a fixed number of pieces (a function of
/// the batch alone), so any thread count gives bit-identical losses and gradients, equal (up to
/// rounding) to the gradient of the batch in one piece.
@Suite struct EngineDataParallelTests {
    @Test(arguments: [SequenceArchitecture.ssm, .transformer, .cnn])
    func piecesDoNotDependOnTheThreadCount(architecture: SequenceArchitecture) {
        let configuration = EngineTrainingTests.small(architecture)
        let data = EngineTrainingTests.shiftDataset(count: 70, length: 8, seed: 3)
        var gradients: [[Float]] = []
        var losses: [Double] = []
        for threads in [1, 2, 3] {
            let network = SequenceNetwork<Float>(configuration, seed: 1)
            let step = TrainingStep(network: network, batch: 70, parallelism: Parallelism(threads: threads))
            #expect(step.replicas.count == 3)   // ⌈70 / 32⌉
            step.input.update(from: data.inputs, count: data.inputs.count)
            step.targets.update(from: data.targets, count: data.targets.count)
            losses.append(step.evaluate(size: 70, firstTargetPosition: 2, train: true))
            gradients.append(Array(network.gradients))
        }
        #expect(losses[1] == losses[0] && losses[2] == losses[0])
        #expect(gradients[1] == gradients[0] && gradients[2] == gradients[0])
        // One piece (the first 32 sequences, batch 32) against the same 32 sequences split in two (batch 33 … 64 → 2 pieces).
        func firstThirtyTwo(batch: Int, pieces: Int) -> (loss: Double, network: SequenceNetwork<Float>) {
            let network = SequenceNetwork<Float>(configuration, seed: 1)
            let step = TrainingStep(network: network, batch: batch, parallelism: Parallelism(threads: pieces))
            #expect(step.replicas.count == pieces)
            step.input.update(from: data.inputs, count: 32 * 8)
            step.targets.update(from: data.targets, count: 32 * 8)
            return (step.evaluate(size: 32, firstTargetPosition: 2, train: true), network)
        }
        let (singleLoss, whole) = firstThirtyTwo(batch: 32, pieces: 1)
        let (splitLoss, split) = firstThirtyTwo(batch: 64, pieces: 2)
        #expect(abs(splitLoss - singleLoss) < 1e-6 * singleLoss)
        let error = GradientCheck.relativeError(Array(split.gradients).map(Double.init), Array(whole.gradients).map(Double.init))
        #expect(error < 1e-5, "\(architecture): split gradient differs by \(error)")
    }
}

/// The thread team (the engine's one parallel-for) runs every piece exactly once per loop, on the
/// slot the rule assigns, with any team size, and runs a nested loop on the caller.
@Suite struct ThreadTeamTests {
    final class Counts: @unchecked Sendable {
        let values: UnsafeMutablePointer<Int>
        let count: Int
        init(_ count: Int) {
            self.count = count
            values = .allocate(capacity: count)
            values.initialize(repeating: 0, count: count)
        }
        deinit { values.deallocate() }
        var array: [Int] { Array(UnsafeBufferPointer(start: values, count: count)) }
    }

    @Test(arguments: [1, 2, 3, 5])
    func runsEachPieceOnce(threads: Int) {
        let team = ThreadTeam(Parallelism(threads: threads))
        let counts = Counts(7)
        for _ in 0..<100 { team.forEachPiece(7) { counts.values[$0] += $0 + 1 } }
        team.forEachPiece(2) { counts.values[$0] += 1 }
        #expect(counts.array == [101, 201, 300, 400, 500, 600, 700])
    }

    @Test func chunksDependOnlyOnTheCount() {
        for threads in [1, 2, 4] {
            let counts = Counts(10)
            ThreadTeam(Parallelism(threads: threads)).forEachChunk(of: 10, chunks: 3) { chunk, range in
                for i in range { counts.values[i] = chunk }
            }
            #expect(counts.array == [0, 0, 0, 1, 1, 1, 2, 2, 2, 2])
        }
    }

    @Test func nestedLoopRunsOnTheCaller() {
        let team = ThreadTeam(Parallelism(threads: 2))
        let counts = Counts(4)
        team.forEachPiece(2) { outer in
            team.forEachPiece(2) { inner in counts.values[outer * 2 + inner] += 1 }
        }
        #expect(counts.array == [1, 1, 1, 1])
    }
}
