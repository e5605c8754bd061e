/// One layer of a stacked network `h ← Block(h)` on `[B, L, D]` (docs/training-engine.md): an SSM block,
/// a Transformer block, a dilated causal convolution or a token-wise FNN. Every case keeps its
/// input's width, so a network is a list of them between embedding and readout.
enum ResidualBlock {
    case ssm(SSMBlock)
    case attention(AttentionBlock)
    case convolution(DilatedCausalConvolution)
    case feedForward(FeedForward)

    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        switch self {
        case .ssm(let block): block.initialize(values, random: &random)
        case .attention(let block): block.initialize(values, random: &random)
        case .convolution(let layer): layer.initialize(values, random: &random)
        case .feedForward(let layer): layer.initialize(values, random: &random)
        }
    }

    func makeBuffers<T: EngineScalar>(batch: Int, length: Int, arena: Arena<T>, team: ThreadTeam) -> ResidualBlockBuffers<T> {
        switch self {
        case .ssm(let block): .ssm(block.makeBuffers(batch: batch, arena: arena, team: team))
        case .attention(let block): .attention(block.makeBuffers(batch: batch, arena: arena, team: team))
        case .convolution(let layer): .convolution(layer.makeBuffers(batch: batch, arena: arena))
        case .feedForward(let layer): .feedForward(layer.makeBuffers(rows: batch * length, arena: arena))
        }
    }

    // h: [B, L, D] -> out: [B, L, D]
    func forward<T: EngineScalar>(_ h: UnsafePointer<T>, into out: UnsafeMutablePointer<T>, batch: Int, length: Int,
                                  _ buffers: ResidualBlockBuffers<T>, _ p: ParameterBuffers<T>) {
        switch (self, buffers) {
        case (.ssm(let block), .ssm(let b)): block.forward(h, into: out, batch: batch, b, p)
        case (.attention(let block), .attention(let b)): block.forward(h, into: out, batch: batch, b, p)
        case (.convolution(let layer), .convolution(let b)): layer.forward(h, into: out, batch: batch, b, p)
        case (.feedForward(let layer), .feedForward(let b)): layer.forward(h, into: out, rows: batch * length, b, p)
        default: preconditionFailure("buffers of another block")
        }
    }

    // dOut: [B, L, D] -> dh: [B, L, D] (dh must not alias dOut); call after `forward` on the same batch
    func backward<T: EngineScalar>(_ h: UnsafePointer<T>, outputGradient dOut: UnsafePointer<T>,
                                   inputGradient dh: UnsafeMutablePointer<T>, batch: Int, length: Int,
                                   _ buffers: ResidualBlockBuffers<T>, _ p: ParameterBuffers<T>) {
        switch (self, buffers) {
        case (.ssm(let block), .ssm(let b)):
            block.backward(h, outputGradient: dOut, inputGradient: dh, batch: batch, b, p)
        case (.attention(let block), .attention(let b)):
            block.backward(h, outputGradient: dOut, inputGradient: dh, batch: batch, b, p)
        case (.convolution(let layer), .convolution(let b)):
            layer.backward(h, outputGradient: dOut, inputGradient: dh, batch: batch, b, p)
        case (.feedForward(let layer), .feedForward(let b)):
            layer.backward(h, outputGradient: dOut, inputGradient: dh, rows: batch * length, b, p)
        default: preconditionFailure("buffers of another block")
        }
    }
}

/// The saved activations and scratch of one `ResidualBlock` (same case).
enum ResidualBlockBuffers<T: EngineScalar> {
    case ssm(SSMBlockBuffers<T>)
    case attention(AttentionBlockBuffers<T>)
    case convolution(DilatedConvolutionBuffers<T>)
    case feedForward(FeedForwardBuffers<T>)
}
