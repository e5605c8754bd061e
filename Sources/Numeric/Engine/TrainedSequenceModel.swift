/// A trained estimator: its configuration and its parameter vector (docs/training-engine.md). Predictions run
/// the exact forward pass of docs/model-format.md in Float32.
public final class TrainedSequenceModel: @unchecked Sendable {
    /// The architecture and sizes the weights belong to.
    public let configuration: SequenceModelConfiguration
    /// Number of trainable scalars.
    public var parameterCount: Int { parameters.count }
    /// Flat parameters in the order of `tensors` (see docs/model-format.md).
    let parameters: [Float]
    let tensors: [ParameterTensor]

    init(configuration: SequenceModelConfiguration, parameters: [Float], tensors: [ParameterTensor]) {
        self.configuration = configuration
        self.parameters = parameters
        self.tensors = tensors
    }

    /// Predictions `ŷ` for every sequence and position, flat `[count][length]` (forward pass of
    /// docs/model-format.md). `data` must have the model's length and token dimension
    /// (a programming error otherwise; `SequenceDataset.validate(for:)` checks it). The sequences
    /// of a batch are split over `parallelism.threads` threads; the result does not depend on it.
    public func predict(_ data: SequenceDataset, parallelism: Parallelism = .serial) -> [Float] {
        precondition(data.length == configuration.sequenceLength && data.tokenDimension == configuration.tokenDimension,
                     "dataset shape does not match the model")
        let network = SequenceNetwork<Float>(configuration, seed: 0)
        _ = network.parameters.update(fromContentsOf: parameters)
        let batch = min(data.count, 256)
        let workspace = network.makeWorkspace(batch: batch, team: ThreadTeam(parallelism))
        let L = data.length, d = data.tokenDimension
        var predictions = [Float](repeating: 0, count: data.count * L)
        data.inputs.withUnsafeBufferPointer { inputs in
            predictions.withUnsafeMutableBufferPointer { out in
                var start = 0
                while start < data.count {
                    let size = min(batch, data.count - start)
                    workspace.input.update(from: inputs.baseAddress! + start * L * d, count: size * L * d)
                    network.forward(batch: size, workspace)
                    (out.baseAddress! + start * L).update(from: workspace.output, count: size * L)
                    start += size
                }
            }
        }
        return predictions
    }

    /// `(1/(n·(L−t₀))) Σ_i Σ_{t ≥ t₀} (ŷ_{i,t} − y_{i,t})²` over the target positions of `data`.
    public func meanSquaredError(on data: SequenceDataset, parallelism: Parallelism = .serial) -> Double {
        MeanSquaredLoss.mean(predictions: predict(data, parallelism: parallelism), targets: data.targets,
                             count: data.count, length: data.length, firstTargetPosition: data.firstTargetPosition)
    }
}
