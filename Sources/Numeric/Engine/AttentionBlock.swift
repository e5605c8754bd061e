/// One Transformer block (docs/training-engine.md, TS23): multi-head causal softmax self-attention with
/// residual, then the token-wise FNN residual `h ← h + W₂ ReLU(W₁h + b₁) + b₂`.
struct AttentionBlock {
    let attention: CausalSelfAttention
    let feedForward: FeedForward

    /// `lags`: the attention's window W (positions `t−W+1 … t`; `length` for the whole causal past).
    init(_ name: String, width: Int, heads: Int, hidden: Int, length: Int, lags: Int, layout: inout ParameterLayout) {
        attention = CausalSelfAttention(name + ".attn", width: width, heads: heads, length: length, lags: lags,
                                        layout: &layout)
        feedForward = FeedForward(name + ".ffn", width: width, hidden: hidden, layout: &layout)
    }

    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        attention.initialize(values, random: &random)
        feedForward.initialize(values, random: &random)
    }

    func makeBuffers<T: EngineScalar>(batch: Int, arena: Arena<T>, team: ThreadTeam) -> AttentionBlockBuffers<T> {
        let rows = batch * attention.length, n = rows * attention.width
        return AttentionBlockBuffers(middle: arena.take(n), middleGradient: arena.take(n),
                                     attention: attention.makeBuffers(batch: batch, arena: arena, team: team),
                                     feedForward: feedForward.makeBuffers(rows: rows, arena: arena))
    }

    // h: [B, L, D] -> out: [B, L, D]
    func forward<T: EngineScalar>(_ h: UnsafePointer<T>, into out: UnsafeMutablePointer<T>, batch: Int,
                                  _ buffers: AttentionBlockBuffers<T>, _ p: ParameterBuffers<T>) {
        attention.forward(h, into: buffers.middle, batch: batch, buffers.attention, p)
        feedForward.forward(buffers.middle, into: out, rows: batch * attention.length, buffers.feedForward, p)
    }

    // dOut: [B, L, D] -> dh: [B, L, D] (dh must not alias dOut)
    func backward<T: EngineScalar>(_ h: UnsafePointer<T>, outputGradient dOut: UnsafePointer<T>,
                                   inputGradient dh: UnsafeMutablePointer<T>, batch: Int,
                                   _ buffers: AttentionBlockBuffers<T>, _ p: ParameterBuffers<T>) {
        // out = FFN(middle)  =>  dmiddle = FFN'(dOut)
        feedForward.backward(buffers.middle, outputGradient: dOut, inputGradient: buffers.middleGradient,
                             rows: batch * attention.length, buffers.feedForward, p)
        // middle = h + Attention(h)  =>  dh = dmiddle + Attention'(dmiddle)
        attention.backward(h, outputGradient: buffers.middleGradient, inputGradient: dh, batch: batch,
                           buffers.attention, p)
    }
}

/// Saved activations and gradient scratch of one Transformer block for a fixed batch.
struct AttentionBlockBuffers<T: EngineScalar> {
    let middle, middleGradient: UnsafeMutablePointer<T>  // [B, L, D]
    let attention: AttentionBuffers<T>
    let feedForward: FeedForwardBuffers<T>
}
