/// The `fnn` baseline (docs/training-engine.md): a ReLU FNN applied at every position t to the flattened
/// window of the last V tokens, `z_t = [x_{t−V+1}, …, x_t] ∈ ℝ^{V·d}` (tokens before the start
/// are zero), `ŷ_t = W_{M+1} ReLU(… ReLU(W₁ z_t + b₁) …) + b_{M+1}` with M hidden layers of width H.
/// No token selection: the position of each input in `z_t` is fixed.
struct WindowedFeedForward {
    let window: Int
    let tokenDimension: Int
    let length: Int
    let layers: [LinearLayer]  // V·d -> H, (H -> H) × (M−1), H -> 1

    init(window: Int, tokenDimension: Int, length: Int, hidden: Int, depth: Int, layout: inout ParameterLayout) {
        self.window = window
        self.tokenDimension = tokenDimension
        self.length = length
        var layers = [LinearLayer("fnn.0", inputs: window * tokenDimension, outputs: hidden, layout: &layout)]
        for i in 1..<max(depth, 1) { layers.append(LinearLayer("fnn.\(i)", inputs: hidden, outputs: hidden, layout: &layout)) }
        layers.append(LinearLayer("fnn.\(max(depth, 1))", inputs: hidden, outputs: 1, layout: &layout))
        self.layers = layers
    }

    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        for layer in layers { layer.initialize(values, random: &random) }
    }

    func makeBuffers<T: EngineScalar>(batch: Int, arena: Arena<T>) -> WindowBuffers<T> {
        let rows = batch * length, hidden = layers[0].outputs
        let hiddenLayers = layers.count - 1
        return WindowBuffers(windows: arena.take(rows * window * tokenDimension),
                             preActivations: (0..<hiddenLayers).map { _ in arena.take(rows * hidden) },
                             activations: (0..<hiddenLayers).map { _ in arena.take(rows * hidden) },
                             gradients: [arena.take(rows * hidden), arena.take(rows * hidden)])
    }

    // x: [B, L, d] -> y: [B, L]
    func forward<T: EngineScalar>(_ x: UnsafePointer<T>, into y: UnsafeMutablePointer<T>, batch: Int,
                                  _ buffers: WindowBuffers<T>, _ p: ParameterBuffers<T>) {
        let (L, d, V) = (length, tokenDimension, window)
        for b in 0..<batch {
            for t in 0..<L {
                let z = buffers.windows + (b * L + t) * V * d
                for j in 0..<V {
                    let source = t - V + 1 + j
                    for c in 0..<d { z[j * d + c] = source >= 0 ? x[(b * L + source) * d + c] : 0 }
                }
            }
        }
        let rows = batch * L, hidden = layers[0].outputs
        var input = UnsafePointer(buffers.windows)
        for i in 0..<(layers.count - 1) {
            layers[i].forward(input, rows: rows, into: buffers.preActivations[i], p)
            ReLU.forward(buffers.preActivations[i], buffers.activations[i], count: rows * hidden)
            input = UnsafePointer(buffers.activations[i])
        }
        layers[layers.count - 1].forward(input, rows: rows, into: y, p)
    }

    // dy: [B, L] -> parameter gradients
    func backward<T: EngineScalar>(outputGradient dy: UnsafePointer<T>, batch: Int,
                                   _ buffers: WindowBuffers<T>, _ p: ParameterBuffers<T>) {
        let rows = batch * length, hidden = layers[0].outputs
        let top = layers.count - 1
        var gradient = buffers.gradients[0]
        // y = a_{M−1} W_M + b_M  =>  da_{M−1} = dy W_Mᵀ
        layers[top].backward(buffers.activations[top - 1], dy, rows: rows, inputGradient: gradient, p)
        for i in stride(from: top - 1, through: 0, by: -1) {
            // a_i = ReLU(pre_i), pre_i = a_{i−1} W_i + b_i (a_{−1} = z)  =>  dpre_i = da_i ⊙ 1[pre_i > 0], da_{i−1} = dpre_i W_iᵀ
            ReLU.backward(buffers.preActivations[i], gradient, gradient, count: rows * hidden)
            let input = i == 0 ? UnsafePointer(buffers.windows) : UnsafePointer(buffers.activations[i - 1])
            let next = buffers.gradients[(top - i) % 2]
            layers[i].backward(input, gradient, rows: rows, inputGradient: i == 0 ? nil : next, p)
            gradient = next
        }
    }
}

/// Window features, saved activations and two gradient buffers of the `fnn` baseline.
struct WindowBuffers<T: EngineScalar> {
    let windows: UnsafeMutablePointer<T>           // [B·L, V·d]
    let preActivations: [UnsafeMutablePointer<T>]  // M × [B·L, H]
    let activations: [UnsafeMutablePointer<T>]     // M × [B·L, H]
    let gradients: [UnsafeMutablePointer<T>]       // 2 × [B·L, H]
}
