import CKernels

/// One residual dilated causal convolution layer of the `cnn` estimator (docs/training-engine.md, O22
/// Theorem 14's dilated CNN): with kernel size K and dilation δ,
/// `h_t ← h_t + ReLU(Σ_{j=0}^{K−1} h_{t − jδ} W_j + b)` per sequence, `h_{t−jδ} = 0` before the start.
///
/// Computed as one matrix product over gathered windows ("im2col"): `z_t = [h_t, h_{t−δ}, …, h_{t−(K−1)δ}]
/// ∈ ℝ^{K·D}`, `pre_t = z_t W + b` with `W` stored `[K·D, D]` (row `j·D + c` multiplies channel c at lag jδ;
/// docs/model-format.md gives the PyTorch `Conv1d` equivalent).
struct DilatedCausalConvolution {
    let width: Int     // D
    let kernel: Int    // K
    let dilation: Int  // δ
    let length: Int    // L
    let linear: LinearLayer  // W: [K·D, D], b: [D]

    init(_ name: String, width: Int, kernel: Int, dilation: Int, length: Int, layout: inout ParameterLayout) {
        self.width = width
        self.kernel = kernel
        self.dilation = dilation
        self.length = length
        linear = LinearLayer(name, inputs: kernel * width, outputs: width, layout: &layout)
    }

    /// PyTorch's `Conv1d` default: `W, b ~ U(−1/√(K·D), 1/√(K·D))` (fan-in K·D).
    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        linear.initialize(values, random: &random)
    }

    func makeBuffers<T: EngineScalar>(batch: Int, arena: Arena<T>) -> DilatedConvolutionBuffers<T> {
        let rows = batch * length
        return DilatedConvolutionBuffers(windows: arena.take(rows * kernel * width), preActivation: arena.take(rows * width),
                                         preActivationGradient: arena.take(rows * width),
                                         windowsGradient: arena.take(rows * kernel * width))
    }

    // h: [B, L, D] -> out: [B, L, D]
    func forward<T: EngineScalar>(_ h: UnsafePointer<T>, into out: UnsafeMutablePointer<T>, batch: Int,
                                  _ buffers: DilatedConvolutionBuffers<T>, _ p: ParameterBuffers<T>) {
        let (L, D, K) = (length, width, kernel)
        // z[b, t, j·D + c] = h[b, t − jδ, c]  (0 when t − jδ < 0)
        if T.self == Float.self {
            rc_gather_windows_f32_on(KernelPath.current.cValue, float(h), float(buffers.windows), batch, L, D, K, dilation)
        } else {
            for b in 0..<batch {
                for t in 0..<L {
                    let z = buffers.windows + (b * L + t) * K * D
                    for j in 0..<K {
                        let source = t - j * dilation
                        if source >= 0 { Elementwise.copy(h + (b * L + source) * D, to: z + j * D, count: D) }
                        else { Elementwise.zero(z + j * D, count: D) }
                    }
                }
            }
        }
        let rows = batch * L, n = rows * D
        // pre = z W + b
        linear.forward(buffers.windows, rows: rows, into: buffers.preActivation, p)
        // out = h + ReLU(pre)
        ReLU.residualForward(h, buffers.preActivation, into: out, count: n)
    }

    // dOut: [B, L, D] -> dh: [B, L, D] (dh must not alias dOut); dW, db -> params
    func backward<T: EngineScalar>(_ h: UnsafePointer<T>, outputGradient dOut: UnsafePointer<T>,
                                   inputGradient dh: UnsafeMutablePointer<T>, batch: Int,
                                   _ buffers: DilatedConvolutionBuffers<T>, _ p: ParameterBuffers<T>) {
        let (L, D, K) = (length, width, kernel)
        let rows = batch * L, n = rows * D
        // out = h + ReLU(pre)  =>  dpre = dOut ⊙ 1[pre > 0],  dh = dOut (+ the window path below)
        ReLU.backward(buffers.preActivation, dOut, buffers.preActivationGradient, count: n, copyingGradientTo: dh)
        // pre = z W + b  =>  dW += zᵀ dpre, db += Σ dpre, dz = dpre Wᵀ
        linear.backward(buffers.windows, buffers.preActivationGradient, rows: rows,
                        inputGradient: buffers.windowsGradient, p)
        // z[b, t, j·D + c] = h[b, t − jδ, c]  =>  dh[b, t − jδ, c] += dz[b, t, j·D + c]  (t, then j, ascending)
        if T.self == Float.self {
            rc_scatter_windows_add_f32_on(KernelPath.current.cValue, float(buffers.windowsGradient), float(dh), batch, L, D, K, dilation)
            return
        }
        for b in 0..<batch {
            for t in 0..<L {
                let dz = UnsafePointer(buffers.windowsGradient) + (b * L + t) * K * D
                for j in 0..<K where t - j * dilation >= 0 {
                    Elementwise.add(dz + j * D, to: dh + (b * L + t - j * dilation) * D, count: D)
                }
            }
        }
    }
}

/// Gathered windows, saved pre-activations and gradient scratch of one convolution layer for a fixed batch.
struct DilatedConvolutionBuffers<T: EngineScalar> {
    let windows: UnsafeMutablePointer<T>                // [B·L, K·D]  z
    let preActivation: UnsafeMutablePointer<T>          // [B·L, D]    z W + b
    let preActivationGradient: UnsafeMutablePointer<T>  // [B·L, D]
    let windowsGradient: UnsafeMutablePointer<T>        // [B·L, K·D]
}
