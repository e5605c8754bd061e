/// One SSM block (docs/training-engine.md, NS24): gated convolution `h ← h + (K ∗ W_v h) ⊙ (W_g h)`, then the
/// token-wise FNN residual `h ← h + W₂ ReLU(W₁h + b₁) + b₂`.
struct SSMBlock {
    let value: LinearLayer  // W_v: D -> D
    let gate: LinearLayer   // W_g: D -> D
    let convolution: SSMConvolution
    let feedForward: FeedForward

    /// `lags`: the kernel's window W (lags `0 … W−1`; `length` for the whole causal past).
    /// `freeTaps`: the convolution's kernel is W·D free taps (`ssm-taps`) instead of S4D's parameters.
    init(_ name: String, width: Int, stateSize: Int, hidden: Int, length: Int, lags: Int, freeTaps: Bool = false,
         layout: inout ParameterLayout) {
        value = LinearLayer(name + ".v", inputs: width, outputs: width, layout: &layout)
        gate = LinearLayer(name + ".g", inputs: width, outputs: width, layout: &layout)
        convolution = SSMConvolution(name + ".conv", channels: width, stateSize: stateSize, length: length, lags: lags,
                                     freeTaps: freeTaps, layout: &layout)
        feedForward = FeedForward(name + ".ffn", width: width, hidden: hidden, layout: &layout)
    }

    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        value.initialize(values, random: &random)
        gate.initialize(values, random: &random)
        convolution.initialize(values, random: &random)
        feedForward.initialize(values, random: &random)
    }

    func makeBuffers<T: EngineScalar>(batch: Int, arena: Arena<T>, team: ThreadTeam) -> SSMBlockBuffers<T> {
        let rows = batch * convolution.length, n = rows * value.outputs
        return SSMBlockBuffers(value: arena.take(n), gate: arena.take(n), convolved: arena.take(n),
                               middle: arena.take(n), middleGradient: arena.take(n),
                               valueGradient: arena.take(n), gateGradient: arena.take(n), convolvedGradient: arena.take(n),
                               convolution: convolution.makeBuffers(arena: arena, team: team),
                               feedForward: feedForward.makeBuffers(rows: rows, arena: arena))
    }

    // h: [B, L, D] -> out: [B, L, D]
    func forward<T: EngineScalar>(_ h: UnsafePointer<T>, into out: UnsafeMutablePointer<T>, batch: Int,
                                  _ buffers: SSMBlockBuffers<T>, _ p: ParameterBuffers<T>) {
        let rows = batch * convolution.length, n = rows * value.outputs
        value.forward(h, rows: rows, into: buffers.value, p)
        gate.forward(h, rows: rows, into: buffers.gate, p)
        convolution.forward(buffers.value, into: buffers.convolved, batch: batch, buffers.convolution, p)
        for i in 0..<n { buffers.middle[i] = h[i] + buffers.convolved[i] * buffers.gate[i] }
        feedForward.forward(buffers.middle, into: out, rows: rows, buffers.feedForward, p)
    }

    // dOut: [B, L, D] -> dh: [B, L, D] (dh must not alias dOut)
    func backward<T: EngineScalar>(_ h: UnsafePointer<T>, outputGradient dOut: UnsafePointer<T>,
                                   inputGradient dh: UnsafeMutablePointer<T>, batch: Int,
                                   _ buffers: SSMBlockBuffers<T>, _ p: ParameterBuffers<T>) {
        let rows = batch * convolution.length, n = rows * value.outputs
        let dMiddle = buffers.middleGradient
        // out = FFN(middle)  =>  dmiddle = FFN'(dOut)
        feedForward.backward(buffers.middle, outputGradient: dOut, inputGradient: dMiddle, rows: rows,
                             buffers.feedForward, p)
        // middle = h + convolved ⊙ gate  =>  dgate = dmiddle ⊙ convolved, dconvolved = dmiddle ⊙ gate
        for i in 0..<n {
            buffers.gateGradient[i] = dMiddle[i] * buffers.convolved[i]
            buffers.convolvedGradient[i] = dMiddle[i] * buffers.gate[i]
        }
        // convolved = K ∗ value  =>  dvalue, dK (-> log Δ, log A, B, C)
        convolution.backward(buffers.value, outputGradient: buffers.convolvedGradient,
                             inputGradient: buffers.valueGradient, batch: batch, buffers.convolution, p)
        // middle = h + …  =>  dh = dmiddle (residual path)
        Elementwise.copy(dMiddle, to: dh, count: n)
        // value = h W_v + b_v, gate = h W_g + b_g  =>  dh += dvalue W_vᵀ + dgate W_gᵀ
        value.backward(h, buffers.valueGradient, rows: rows, inputGradient: dh, accumulate: true, p)
        gate.backward(h, buffers.gateGradient, rows: rows, inputGradient: dh, accumulate: true, p)
    }
}

/// Saved activations and gradient scratch of one SSM block for a fixed batch (all `[B, L, D]`).
struct SSMBlockBuffers<T: EngineScalar> {
    let value, gate, convolved, middle: UnsafeMutablePointer<T>
    let middleGradient, valueGradient, gateGradient, convolvedGradient: UnsafeMutablePointer<T>
    let convolution: SSMConvolutionBuffers<T>
    let feedForward: FeedForwardBuffers<T>
}
