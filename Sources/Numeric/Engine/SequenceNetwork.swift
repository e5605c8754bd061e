/// A sequence estimator of docs/training-engine.md over a flat parameter vector, in Float (training) or Double
/// (gradient checks). `ssm`, `transformer` and `cnn` are stacks (`Body.stack`):
/// `h⁰ = x W_emb + b_emb (+ P)`, `h^{i+1} = Block_i(hⁱ)`, `ŷ_t = h^M_t · w_out + b_out`, where the
/// blocks of `ssm`/`transformer` may start with the token-wise pre-FNN (`preFeedForward`, NS24);
/// `fnn` is `WindowedFeedForward`. Every tensor and the exact forward pass are in
/// docs/model-format.md.
final class SequenceNetwork<T: EngineScalar> {
    /// What computes `ŷ` from `x`.
    enum Body {
        /// Embedding, positional encoding (ssm, transformer; none for the shift-equivariant cnn),
        /// residual blocks, readout.
        case stack(embedding: LinearLayer, positional: PositionalEncoding?, blocks: [ResidualBlock], readout: LinearLayer)
        /// The `fnn` baseline on the flattened window.
        case windowed(WindowedFeedForward)
    }

    let configuration: SequenceModelConfiguration
    let layout: ParameterLayout
    let parameters: UnsafeMutableBufferPointer<T>
    /// The gradient the optimiser uses (the sum of the workspaces' gradients; see `TrainingStep`).
    let gradients: UnsafeMutableBufferPointer<T>
    let body: Body

    /// Builds the network and initialises it from `seed` (see each layer's `initialize`).
    init(_ configuration: SequenceModelConfiguration, seed: UInt64) {
        self.configuration = configuration
        var layout = ParameterLayout()
        body = Self.makeBody(configuration, layout: &layout)
        self.layout = layout
        parameters = .allocate(capacity: layout.count)
        parameters.initialize(repeating: 0)
        gradients = .allocate(capacity: layout.count)
        gradients.initialize(repeating: 0)

        var random = RandomSource(seed: seed)
        let values = parameters.baseAddress!
        switch body {
        case .stack(let embedding, let positional, let blocks, let readout):
            embedding.initialize(values, random: &random)
            positional?.initialize(values, random: &random)
            for block in blocks { block.initialize(values, random: &random) }
            readout.initialize(values, random: &random)
        case .windowed(let windowed):
            windowed.initialize(values, random: &random)
        }
    }

    /// The layers of `c`, reserving their tensors in the order of docs/model-format.md.
    private static func makeBody(_ c: SequenceModelConfiguration, layout: inout ParameterLayout) -> Body {
        let (D, L) = (c.width, c.sequenceLength)
        switch c.architecture {
        case .fnn:
            return .windowed(WindowedFeedForward(window: c.window, tokenDimension: c.tokenDimension, length: L,
                                                 hidden: c.hiddenWidth, depth: c.depth, layout: &layout))
        case .ssm, .ssmTaps, .transformer:
            let embedding = LinearLayer("embed", inputs: c.tokenDimension, outputs: D, layout: &layout)
            let positional = PositionalEncoding("pos", length: L, width: D, layout: &layout)
            // NS24's token-wise FNN before the first SSM convolution (TS23's token-wise map for the transformer)
            var blocks: [ResidualBlock] = c.hasPreFeedForward
                ? [.feedForward(FeedForward("pre", width: D, hidden: c.hiddenWidth, layout: &layout))] : []
            blocks += (0..<c.depth).map { i in
                c.architecture.hasSSMBlocks
                    ? .ssm(SSMBlock("blocks.\(i)", width: D, stateSize: c.stateSize, hidden: c.hiddenWidth, length: L,
                                    lags: c.mixingLags, freeTaps: c.architecture == .ssmTaps, layout: &layout))
                    : .attention(AttentionBlock("blocks.\(i)", width: D, heads: c.heads, hidden: c.hiddenWidth, length: L,
                                                lags: c.mixingLags, layout: &layout))
            }
            let readout = LinearLayer("out", inputs: D, outputs: 1, layout: &layout)
            return .stack(embedding: embedding, positional: positional, blocks: blocks, readout: readout)
        case .cnn:
            let embedding = LinearLayer("embed", inputs: c.tokenDimension, outputs: D, layout: &layout)
            var blocks: [ResidualBlock] = (0..<c.convolutionLayers).map { i in
                .convolution(DilatedCausalConvolution("conv.\(i)", width: D, kernel: SequenceModelConfiguration.convolutionKernel,
                                                      dilation: 1 << i, length: L, layout: &layout))
            }
            blocks += (0..<c.depth).map { i in .feedForward(FeedForward("ffn.\(i)", width: D, hidden: c.hiddenWidth, layout: &layout)) }
            let readout = LinearLayer("out", inputs: D, outputs: 1, layout: &layout)
            return .stack(embedding: embedding, positional: nil, blocks: blocks, readout: readout)
        }
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

    // workspace.input: [B, L, d] -> workspace.output: [B, L]
    func forward(batch: Int, _ w: NetworkWorkspace<T>) {
        precondition(batch <= w.batch)
        let p = ParameterBuffers(values: parameters.baseAddress!, gradients: w.gradients)
        let L = configuration.sequenceLength, rows = batch * L
        switch (body, w.buffers) {
        case (.windowed(let windowed), .windowed(let buffers)):
            windowed.forward(w.input, into: w.output, batch: batch, buffers, p)
        case (.stack(let embedding, let positional, let blocks, let readout), .stack(let hidden, _, let buffers)):
            // h⁰ = x W_emb + b_emb (+ P)
            embedding.forward(w.input, rows: rows, into: hidden[0], p)
            positional?.forward(hidden[0], batch: batch, p)
            // h^{i+1} = Block_i(hⁱ)
            for (i, block) in blocks.enumerated() {
                block.forward(hidden[i], into: hidden[i + 1], batch: batch, length: L, buffers[i], p)
            }
            // ŷ = h^M w_out + b_out
            readout.forward(hidden[blocks.count], rows: rows, into: w.output, p)
        default: preconditionFailure("workspace of another network")
        }
    }

    // workspace.outputGradient: [B, L] -> workspace.gradients += ∂loss/∂θ (call after `forward` on the same batch)
    func backward(batch: Int, _ w: NetworkWorkspace<T>) {
        let p = ParameterBuffers(values: parameters.baseAddress!, gradients: w.gradients)
        let L = configuration.sequenceLength, rows = batch * L
        switch (body, w.buffers) {
        case (.windowed(let windowed), .windowed(let buffers)):
            windowed.backward(outputGradient: w.outputGradient, batch: batch, buffers, p)
        case (.stack(let embedding, let positional, let blocks, let readout), .stack(let hidden, let gradient, let buffers)):
            let depth = blocks.count
            // ŷ = h^M w_out + b_out  =>  dh^M = dŷ w_outᵀ
            readout.backward(hidden[depth], w.outputGradient, rows: rows, inputGradient: gradient[depth % 2], p)
            // h^{i+1} = Block_i(hⁱ)  =>  dhⁱ = Block_i'(dh^{i+1}) (two alternating buffers)
            for i in stride(from: depth - 1, through: 0, by: -1) {
                blocks[i].backward(hidden[i], outputGradient: gradient[(i + 1) % 2], inputGradient: gradient[i % 2],
                                   batch: batch, length: L, buffers[i], p)
            }
            // h⁰ = x W_emb + b_emb (+ P)  =>  dP += Σ_b dh⁰, dW_emb += xᵀdh⁰
            positional?.backward(gradient[0], batch: batch, p)
            embedding.backward(w.input, gradient[0], rows: rows, inputGradient: nil, p)
        default: preconditionFailure("workspace of another network")
        }
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
    let buffers: NetworkBuffers<T>
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
        switch network.body {
        case .windowed(let windowed):
            buffers = .windowed(windowed.makeBuffers(batch: batch, arena: arena))
        case .stack(_, _, let blocks, _):
            buffers = .stack(hidden: (0...blocks.count).map { _ in arena.take(rows * c.width) },
                             hiddenGradient: [arena.take(rows * c.width), arena.take(rows * c.width)],
                             blocks: blocks.map { $0.makeBuffers(batch: batch, length: c.sequenceLength, arena: arena, team: team) })
        }
    }

    /// Sets every gradient to zero.
    func zeroGradients() {
        Elementwise.zero(gradients, count: parameterCount)
    }
}

/// The activations of a `SequenceNetwork`'s body (same case as `SequenceNetwork.Body`).
enum NetworkBuffers<T: EngineScalar> {
    /// `hⁱ` for i = 0…M (each `[B, L, D]`), two alternating gradient buffers, and each block's own.
    case stack(hidden: [UnsafeMutablePointer<T>], hiddenGradient: [UnsafeMutablePointer<T>], blocks: [ResidualBlockBuffers<T>])
    case windowed(WindowBuffers<T>)
}
