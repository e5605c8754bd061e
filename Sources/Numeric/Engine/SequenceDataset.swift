/// Sequence-regression data (docs/training-engine.md): `inputs` flat row-major `[count][length][tokenDimension]`,
/// `targets` flat `[count][length]`; only positions `t ≥ firstTargetPosition` carry a target,
/// and losses and errors are averaged over those positions only.
public struct SequenceDataset: Sendable {
    /// n: number of sequences.
    public var count: Int
    /// L: positions per sequence.
    public var length: Int
    /// d: features per token.
    public var tokenDimension: Int
    /// `x[i][t][c]` at `(i·L + t)·d + c`.
    public var inputs: [Float]
    /// `y[i][t]` at `i·L + t` (ignored for `t < firstTargetPosition`).
    public var targets: [Float]
    /// t₀: the first position that carries a target (docs/training-engine.md: `m − 1`).
    public var firstTargetPosition: Int

    public init(count: Int, length: Int, tokenDimension: Int, inputs: [Float], targets: [Float],
                firstTargetPosition: Int) {
        self.count = count
        self.length = length
        self.tokenDimension = tokenDimension
        self.inputs = inputs
        self.targets = targets
        self.firstTargetPosition = firstTargetPosition
    }

    /// Throws `EngineError` when the buffers do not have the declared shape or do not match `model`.
    public func validate(for model: SequenceModelConfiguration) throws {
        if count < 1 { throw EngineError("dataset count must be positive, got \(count)") }
        if length != model.sequenceLength {
            throw EngineError("dataset length \(length) does not match the model's sequenceLength \(model.sequenceLength)")
        }
        if tokenDimension != model.tokenDimension {
            throw EngineError("dataset tokenDimension \(tokenDimension) does not match the model's \(model.tokenDimension)")
        }
        if inputs.count != count * length * tokenDimension {
            throw EngineError("dataset inputs has \(inputs.count) values, expected count·length·tokenDimension = \(count * length * tokenDimension)")
        }
        if targets.count != count * length {
            throw EngineError("dataset targets has \(targets.count) values, expected count·length = \(count * length)")
        }
        if firstTargetPosition < 0 || firstTargetPosition >= length {
            throw EngineError("firstTargetPosition must be in 0..<\(length), got \(firstTargetPosition)")
        }
    }
}
