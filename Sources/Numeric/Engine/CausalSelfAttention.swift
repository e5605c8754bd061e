/// Multi-head causal softmax self-attention with residual (docs/training-engine.md, TS23), as PyTorch's
/// `nn.MultiheadAttention` with a causal mask: `[Q K V] = h W_in + b_in` (D → 3D), per head
/// `P = softmax_s(Q_t·K_s / √(D/H))` over `t−W < s ≤ t`, `O_t = Σ_s P[t,s] V_s`, and
/// `out = h + concat_heads(O) W_out + b_out`. W = `lags` is the attention window (docs/training-engine.md,
/// "Mixing window"); W = L is the whole causal past, computed exactly as without a window.
struct CausalSelfAttention {
    let width: Int
    let heads: Int
    let length: Int
    let lags: Int  // W ≤ L: row t attends to t−W+1 … t
    let projection: LinearLayer  // D -> 3D: columns [Q | K | V], head h uses columns h·D/H ..< (h+1)·D/H of each
    let output: LinearLayer      // D -> D
    /// The kernel path of the per-head products (`AttentionHeadKernel`, Float with head size 8 and
    /// L ≤ 64); nil takes the `sgemm` path for every shape (the tests' reference).
    var headKernels: KernelPath? = KernelPath.current

    init(_ name: String, width: Int, heads: Int, length: Int, lags: Int, layout: inout ParameterLayout) {
        self.width = width
        self.heads = heads
        self.length = length
        self.lags = min(max(1, lags), length)
        projection = LinearLayer(name + ".in_proj", inputs: width, outputs: 3 * width, layout: &layout)
        output = LinearLayer(name + ".out_proj", inputs: width, outputs: width, layout: &layout)
    }

    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        projection.initializeXavier(values, random: &random)
        output.initialize(values, random: &random)
        for j in 0..<width { values[output.bias + j] = 0 }
    }

    func makeBuffers<T: EngineScalar>(batch: Int, arena: Arena<T>, team: ThreadTeam) -> AttentionBuffers<T> {
        let rows = batch * length
        return AttentionBuffers(qkv: arena.take(rows * 3 * width),
                                probabilities: arena.take(batch * heads * length * length),
                                context: arena.take(rows * width),
                                contextGradient: arena.take(rows * width),
                                qkvGradient: arena.take(rows * 3 * width),
                                rowScratch: arena.take(team.threads * length * length), team: team)
    }

    // h: [B, L, D] -> out: [B, L, D] = h + Attention(h)
    func forward<T: EngineScalar>(_ h: UnsafePointer<T>, into out: UnsafeMutablePointer<T>, batch: Int,
                                  _ buffers: AttentionBuffers<T>, _ p: ParameterBuffers<T>) {
        let rows = batch * length
        projection.forward(h, rows: rows, into: buffers.qkv, p)
        let (L, D, H, W) = (length, width, heads, lags)
        let e = D / H
        let scale = 1 / T(e).squareRoot()
        let qkv = UnsafePointer(buffers.qkv), probabilities = buffers.probabilities, context = buffers.context
        buffers.team.forEachChunk(of: batch, chunks: buffers.chunks) { _, range in
            for b in range {
                for head in 0..<H {
                    let q = qkv + b * L * 3 * D + head * e, key = q + D, value = q + 2 * D
                    let scores = probabilities + (b * H + head) * L * L
                    if AttentionHeadKernel.forward(on: headKernels, q: q, key: key, value: value, stride: 3 * D, headSize: e,
                                                   length: L, window: W, scale: scale, probabilities: scores,
                                                   context: context + b * L * D + head * e, contextStride: D) { continue }
                    // S = Q Kᵀ / √e  (full L×L; the causal mask is applied in the softmax)
                    T.gemm(transposeA: false, transposeB: true, m: L, n: L, k: e, alpha: scale, a: q, lda: 3 * D,
                           b: key, ldb: 3 * D, beta: 0, c: scores, ldc: L)
                    for t in 0..<L { Self.causalSoftmax(scores + t * L, row: t, length: L, window: W) }
                    // O = P V
                    T.gemm(transposeA: false, transposeB: false, m: L, n: e, k: L, alpha: 1, a: scores, lda: L,
                           b: value, ldb: 3 * D, beta: 0, c: context + b * L * D + head * e, ldc: D)
                }
            }
        }
        output.forward(buffers.context, rows: rows, into: out, residual: h, p)
    }

    // dOut: [B, L, D] -> dh: [B, L, D]; softmax backward dS = P ⊙ (dP − Σ_s P dP); dh must not alias dOut
    func backward<T: EngineScalar>(_ h: UnsafePointer<T>, outputGradient dOut: UnsafePointer<T>,
                                   inputGradient dh: UnsafeMutablePointer<T>, batch: Int,
                                   _ buffers: AttentionBuffers<T>, _ p: ParameterBuffers<T>) {
        let rows = batch * length
        // out = h + context W_o + b_o  =>  dcontext = dOut W_oᵀ, dW_o += contextᵀ dOut
        output.backward(buffers.context, dOut, rows: rows, inputGradient: buffers.contextGradient, p)
        let (L, D, H, W) = (length, width, heads, lags)
        let e = D / H
        let scale = 1 / T(e).squareRoot()
        let qkv = UnsafePointer(buffers.qkv), probabilities = UnsafePointer(buffers.probabilities)
        let dContext = UnsafePointer(buffers.contextGradient), dqkv = buffers.qkvGradient
        let scratchBase = buffers.rowScratch
        buffers.team.forEachChunk(of: batch, chunks: buffers.chunks) { chunk, range in
            let dS = scratchBase + chunk * L * L
            for b in range {
                for head in 0..<H {
                    let q = qkv + b * L * 3 * D + head * e, key = q + D, value = q + 2 * D
                    let dq = dqkv + b * L * 3 * D + head * e, dkey = dq + D, dvalue = dq + 2 * D
                    let dO = dContext + b * L * D + head * e
                    let P = probabilities + (b * H + head) * L * L
                    if AttentionHeadKernel.backward(on: headKernels, q: q, key: key, value: value, stride: 3 * D, headSize: e,
                                                    length: L, scale: scale, probabilities: P, contextGradient: dO,
                                                    contextStride: D, dq: dq, dkey: dkey, dvalue: dvalue) { continue }
                    // dP = dO Vᵀ, then dS = P ⊙ (dP − Σ_s P dP) / √e row by row
                    T.gemm(transposeA: false, transposeB: true, m: L, n: L, k: e, alpha: 1, a: dO, lda: D,
                           b: value, ldb: 3 * D, beta: 0, c: dS, ldc: L)
                    for t in 0..<L {
                        let prow = P + t * L, drow = dS + t * L
                        var weighted: T = 0
                        for s in max(0, t - W + 1)...t { weighted += prow[s] * drow[s] }  // P is 0 outside the window
                        for s in 0..<L { drow[s] = prow[s] * (drow[s] - weighted) * scale }
                    }
                    // dQ = dS K, dK = dSᵀ Q, dV = Pᵀ dO
                    T.gemm(transposeA: false, transposeB: false, m: L, n: e, k: L, alpha: 1, a: dS, lda: L,
                           b: key, ldb: 3 * D, beta: 0, c: dq, ldc: 3 * D)
                    T.gemm(transposeA: true, transposeB: false, m: L, n: e, k: L, alpha: 1, a: dS, lda: L,
                           b: q, ldb: 3 * D, beta: 0, c: dkey, ldc: 3 * D)
                    T.gemm(transposeA: true, transposeB: false, m: L, n: e, k: L, alpha: 1, a: P, lda: L,
                           b: dO, ldb: D, beta: 0, c: dvalue, ldc: 3 * D)
                }
            }
        }
        // out = h + …  =>  dh = dOut (residual path)
        Elementwise.copy(dOut, to: dh, count: rows * D)
        // qkv = h W_in + b_in  =>  dh += dqkv W_inᵀ
        projection.backward(h, buffers.qkvGradient, rows: rows, inputGradient: dh, accumulate: true, p)
    }
}

extension CausalSelfAttention {
    /// In place on one score row `t` with window W: `p_s = e^{x_s − max} / Σ_{t−W < s' ≤ t} e^{x_{s'} − max}`
    /// for `t−W < s ≤ t`, 0 for every other s (W ≥ t + 1: the whole causal row).
    @inline(__always)
    static func causalSoftmax<T: EngineScalar>(_ fullRow: UnsafeMutablePointer<T>, row fullT: Int, length: Int, window: Int) {
        let start = max(0, fullT - window + 1)
        for s in 0..<start { fullRow[s] = 0 }
        causalSoftmax(fullRow + start, row: fullT - start, length: length - start)
    }

    /// In place on one score row `t`: `p_s = e^{x_s − max} / Σ_{s' ≤ t} e^{x_{s'} − max}` for `s ≤ t`, 0 for `s > t`.
    @inline(__always)
    static func causalSoftmax<T: EngineScalar>(_ row: UnsafeMutablePointer<T>, row t: Int, length: Int) {
        // The maximum in four independent running maxima (no loop-carried chain of compares); it
        // does not depend on the order of comparison, so this is the plain scan's value.
        var (m0, m1, m2, m3) = (row[0], row[0], row[0], row[0])
        var s = 1
        while s + 3 <= t {
            if row[s] > m0 { m0 = row[s] }
            if row[s + 1] > m1 { m1 = row[s + 1] }
            if row[s + 2] > m2 { m2 = row[s + 2] }
            if row[s + 3] > m3 { m3 = row[s + 3] }
            s += 4
        }
        while s <= t {
            if row[s] > m0 { m0 = row[s] }
            s += 1
        }
        var largest = m0
        for m in [m1, m2, m3] where m > largest { largest = m }
        var total: T = 0
        for s in 0...t { row[s] -= largest }
        T.exponentials(row, count: t + 1)
        for s in 0...t { total += row[s] }
        let inverse = 1 / total
        for s in 0...t { row[s] *= inverse }
        for s in (t + 1)..<length { row[s] = 0 }
    }
}

/// Saved activations and scratch of one attention layer for a fixed batch.
struct AttentionBuffers<T: EngineScalar> {
    let qkv: UnsafeMutablePointer<T>              // [B, L, 3D]
    let probabilities: UnsafeMutablePointer<T>    // [B, H, L, L] (zero above the diagonal)
    let context: UnsafeMutablePointer<T>          // [B, L, D]
    let contextGradient: UnsafeMutablePointer<T>  // [B, L, D]
    let qkvGradient: UnsafeMutablePointer<T>      // [B, L, 3D]
    let rowScratch: UnsafeMutablePointer<T>       // [chunks, L, L]  dP then dS of one (sequence, head)
    /// Runs the per-sequence loops; one scratch slot per thread.
    let team: ThreadTeam
    var chunks: Int { team.threads }
}
