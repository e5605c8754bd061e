/// Token-wise FNN with residual (docs/training-engine.md): `h ← h + W₂ ReLU(W₁h + b₁) + b₂`, width D → hidden → D.
struct FeedForward {
    let first: LinearLayer
    let second: LinearLayer

    init(_ name: String, width: Int, hidden: Int, layout: inout ParameterLayout) {
        first = LinearLayer(name + ".fc1", inputs: width, outputs: hidden, layout: &layout)
        second = LinearLayer(name + ".fc2", inputs: hidden, outputs: width, layout: &layout)
    }

    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        first.initialize(values, random: &random)
        second.initialize(values, random: &random)
    }

    func makeBuffers<T: EngineScalar>(rows: Int, arena: Arena<T>) -> FeedForwardBuffers<T> {
        let hidden = first.outputs * rows
        return FeedForwardBuffers(preActivation: arena.take(hidden), activation: arena.take(hidden),
                                  activationGradient: arena.take(hidden))
    }

    // h: [rows, D] -> out: [rows, D]
    func forward<T: EngineScalar>(_ h: UnsafePointer<T>, into out: UnsafeMutablePointer<T>, rows: Int,
                                  _ buffers: FeedForwardBuffers<T>, _ p: ParameterBuffers<T>) {
        first.forward(h, rows: rows, into: buffers.preActivation, p)
        ReLU.forward(buffers.preActivation, buffers.activation, count: rows * first.outputs)
        second.forward(buffers.activation, rows: rows, into: out, residual: h, p)
    }

    // dOut: [rows, D] -> dh: [rows, D] = dOut + W₁-backward(ReLU'(·) ⊙ W₂-backward(dOut)); dh must not alias dOut
    func backward<T: EngineScalar>(_ h: UnsafePointer<T>, outputGradient dOut: UnsafePointer<T>,
                                   inputGradient dh: UnsafeMutablePointer<T>, rows: Int,
                                   _ buffers: FeedForwardBuffers<T>, _ p: ParameterBuffers<T>) {
        // out = h + a W₂ + b₂  =>  dW₂ += aᵀ dOut, db₂ += Σ dOut, da = dOut W₂ᵀ
        second.backward(buffers.activation, dOut, rows: rows, inputGradient: buffers.activationGradient, p)
        // a = ReLU(pre)  =>  dpre = da ⊙ 1[pre > 0]
        ReLU.backward(buffers.preActivation, buffers.activationGradient, buffers.activationGradient,
                      count: rows * first.outputs)
        // out = h + …  =>  dh = dOut (residual path)
        Elementwise.copy(dOut, to: dh, count: rows * first.inputs)
        // pre = h W₁ + b₁  =>  dW₁ += hᵀ dpre, db₁ += Σ dpre, dh += dpre W₁ᵀ
        first.backward(h, buffers.activationGradient, rows: rows, inputGradient: dh, accumulate: true, p)
    }
}

/// Saved activations and scratch of one `FeedForward` for a fixed number of rows.
struct FeedForwardBuffers<T: EngineScalar> {
    let preActivation: UnsafeMutablePointer<T>       // [rows, hidden]  W₁h + b₁
    let activation: UnsafeMutablePointer<T>          // [rows, hidden]  ReLU(·)
    let activationGradient: UnsafeMutablePointer<T>  // [rows, hidden]
}
