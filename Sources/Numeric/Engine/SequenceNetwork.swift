/// A sequence estimator of docs/training-engine.md over a flat parameter vector, in Float (training) or Double
/// (gradient checks). For `ssm`/`transformer`:
/// `h⁰ = x W_emb + b_emb + P`, `h^{i+1} = Block_i(hⁱ)`, `ŷ_t = h^M_t · w_out + b_out`;
/// for `fnn` see `WindowedFeedForward`. Every tensor and the exact forward pass are in
/// docs/model-format.md.
final class SequenceNetwork<T: EngineScalar> {
    let configuration: SequenceModelConfiguration
    let layout: ParameterLayout
    let parameters: UnsafeMutableBufferPointer<T>
    /// The gradient the optimiser uses (the sum of the workspaces' gradients; see `TrainingStep`).
    let gradients: UnsafeMutableBufferPointer<T>

    private let embedding: LinearLayer?
    private let positional: PositionalEncoding?
    private let ssmBlocks: [SSMBlock]
    private let attentionBlocks: [AttentionBlock]
    private let windowed: WindowedFeedForward?
    private let readout: LinearLayer?

    /// Builds the network and initialises it from `seed` (see each layer's `initialize`).
    init(_ configuration: SequenceModelConfiguration, seed: UInt64) {
        self.configuration = configuration
        let c = configuration
        var layout = ParameterLayout()
        var ssm: [SSMBlock] = [], attention: [AttentionBlock] = []
        if c.architecture == .fnn {
            embedding = nil; positional = nil; readout = nil
            windowed = WindowedFeedForward(window: c.window, tokenDimension: c.tokenDimension, length: c.sequenceLength,
                                           hidden: c.hiddenWidth, depth: c.depth, layout: &layout)
        } else {
            windowed = nil
            embedding = LinearLayer("embed", inputs: c.tokenDimension, outputs: c.width, layout: &layout)
            positional = PositionalEncoding("pos", length: c.sequenceLength, width: c.width, layout: &layout)
            for i in 0..<c.depth {
                if c.architecture == .ssm {
                    ssm.append(SSMBlock("blocks.\(i)", width: c.width, stateSize: c.stateSize, hidden: c.hiddenWidth,
                                        length: c.sequenceLength, layout: &layout))
                } else {
                    attention.append(AttentionBlock("blocks.\(i)", width: c.width, heads: c.heads, hidden: c.hiddenWidth,
                                                    length: c.sequenceLength, layout: &layout))
                }
            }
            readout = LinearLayer("out", inputs: c.width, outputs: 1, layout: &layout)
        }
        ssmBlocks = ssm
        attentionBlocks = attention
        self.layout = layout
        parameters = .allocate(capacity: layout.count)
        parameters.initialize(repeating: 0)
        gradients = .allocate(capacity: layout.count)
        gradients.initialize(repeating: 0)

        var random = RandomSource(seed: seed)
        let values = parameters.baseAddress!
        embedding?.initialize(values, random: &random)
        positional?.initialize(values, random: &random)
        for block in ssmBlocks { block.initialize(values, random: &random) }
        for block in attentionBlocks { block.initialize(values, random: &random) }
        windowed?.initialize(values, random: &random)
        readout?.initialize(values, random: &random)
    }

    deinit {
        parameters.deallocate()
        gradients.deallocate()
    }

    /// Allocates every buffer needed to run batches of up to `batch` sequences, including a
    /// gradient buffer of its own; `team` runs the convolution and attention loops, one chunk of the batch per thread.
    func makeWorkspace(batch: Int, team: ThreadTeam) -> NetworkWorkspace<T> {
        NetworkWorkspace(network: self, batch: batch, team: team)
    }

    fileprivate func blockBuffers(batch: Int, arena: Arena<T>, team: ThreadTeam) -> ([SSMBlockBuffers<T>], [AttentionBlockBuffers<T>], WindowBuffers<T>?) {
        (ssmBlocks.map { $0.makeBuffers(batch: batch, arena: arena, team: team) },
         attentionBlocks.map { $0.makeBuffers(batch: batch, arena: arena, team: team) },
         windowed?.makeBuffers(batch: batch, arena: arena))
    }

    // workspace.input: [B, L, d] -> workspace.output: [B, L]
    func forward(batch: Int, _ w: NetworkWorkspace<T>) {
        precondition(batch <= w.batch)
        let p = ParameterBuffers(values: parameters.baseAddress!, gradients: w.gradients)
        let rows = batch * configuration.sequenceLength
        if let windowed {
            windowed.forward(w.input, into: w.output, batch: batch, w.window!, p)
            return
        }
        embedding!.forward(w.input, rows: rows, into: w.hidden[0], p)
        positional!.forward(w.hidden[0], batch: batch, p)
        for (i, block) in ssmBlocks.enumerated() {
            block.forward(w.hidden[i], into: w.hidden[i + 1], batch: batch, w.ssm[i], p)
        }
        for (i, block) in attentionBlocks.enumerated() {
            block.forward(w.hidden[i], into: w.hidden[i + 1], batch: batch, w.attention[i], p)
        }
        readout!.forward(w.hidden[configuration.depth], rows: rows, into: w.output, p)
    }

    // workspace.outputGradient: [B, L] -> workspace.gradients += ∂loss/∂θ (call after `forward` on the same batch)
    func backward(batch: Int, _ w: NetworkWorkspace<T>) {
        let p = ParameterBuffers(values: parameters.baseAddress!, gradients: w.gradients)
        let rows = batch * configuration.sequenceLength
        if let windowed {
            windowed.backward(outputGradient: w.outputGradient, batch: batch, w.window!, p)
            return
        }
        let depth = configuration.depth
        readout!.backward(w.hidden[depth], w.outputGradient, rows: rows, inputGradient: w.hiddenGradient[depth % 2], p)
        for i in stride(from: depth - 1, through: 0, by: -1) {
            let dOut = w.hiddenGradient[(i + 1) % 2], dIn = w.hiddenGradient[i % 2]
            if ssmBlocks.isEmpty {
                attentionBlocks[i].backward(w.hidden[i], outputGradient: dOut, inputGradient: dIn, batch: batch, w.attention[i], p)
            } else {
                ssmBlocks[i].backward(w.hidden[i], outputGradient: dOut, inputGradient: dIn, batch: batch, w.ssm[i], p)
            }
        }
        positional!.backward(w.hiddenGradient[0], batch: batch, p)
        embedding!.backward(w.input, w.hiddenGradient[0], rows: rows, inputGradient: nil, p)
    }

}

/// All activations and scratch of one network for batches of up to `batch` sequences,
/// allocated once (the training loop allocates nothing).
final class NetworkWorkspace<T: EngineScalar> {
    let batch: Int
    let input: UnsafeMutablePointer<T>           // [B, L, d]
    let output: UnsafeMutablePointer<T>          // [B, L]
    let outputGradient: UnsafeMutablePointer<T>  // [B, L]
    let targets: UnsafeMutablePointer<T>         // [B, L]
    let gradients: UnsafeMutablePointer<T>       // [parameter count]  ∂loss/∂θ accumulated by `backward`
    let parameterCount: Int
    let hidden: [UnsafeMutablePointer<T>]        // (M+1) × [B, L, D]
    let hiddenGradient: [UnsafeMutablePointer<T>]  // 2 × [B, L, D]
    let ssm: [SSMBlockBuffers<T>]
    let attention: [AttentionBlockBuffers<T>]
    let window: WindowBuffers<T>?
    private let arena = Arena<T>()

    fileprivate init(network: SequenceNetwork<T>, batch: Int, team: ThreadTeam) {
        let c = network.configuration
        self.batch = batch
        let rows = batch * c.sequenceLength
        input = arena.take(rows * c.tokenDimension)
        output = arena.take(rows)
        outputGradient = arena.take(rows)
        targets = arena.take(rows)
        parameterCount = network.layout.count
        gradients = arena.take(parameterCount)
        let arena = self.arena
        if c.architecture == .fnn {
            hidden = []; hiddenGradient = []
        } else {
            hidden = (0...c.depth).map { _ in arena.take(rows * c.width) }
            hiddenGradient = [arena.take(rows * c.width), arena.take(rows * c.width)]
        }
        (ssm, attention, window) = network.blockBuffers(batch: batch, arena: arena, team: team)
    }

    /// Sets every gradient to zero.
    func zeroGradients() {
        Elementwise.zero(gradients, count: parameterCount)
    }
}
