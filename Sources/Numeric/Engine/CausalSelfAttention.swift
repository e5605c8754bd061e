/// Multi-head causal softmax self-attention with residual (SPEC §5, TS23), as PyTorch's
/// `nn.MultiheadAttention` with a causal mask: `[Q K V] = h W_in + b_in` (D → 3D), per head
/// `P = softmax_s(Q_t·K_s / √(D/H))` over `s ≤ t`, `O_t = Σ_s P[t,s] V_s`, and
/// `out = h + concat_heads(O) W_out + b_out`.
struct CausalSelfAttention {
    let width: Int
    let heads: Int
    let length: Int
    let projection: LinearLayer  // D -> 3D: columns [Q | K | V], head h uses columns h·D/H ..< (h+1)·D/H of each
    let output: LinearLayer      // D -> D

    init(_ name: String, width: Int, heads: Int, length: Int, layout: inout ParameterLayout) {
        self.width = width
        self.heads = heads
        self.length = length
        projection = LinearLayer(name + ".in_proj", inputs: width, outputs: 3 * width, layout: &layout)
        output = LinearLayer(name + ".out_proj", inputs: width, outputs: width, layout: &layout)
    }

    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        projection.initializeXavier(values, random: &random)
        output.initialize(values, random: &random)
        for j in 0..<width { values[output.bias + j] = 0 }
    }

    func makeBuffers<T: EngineScalar>(batch: Int, arena: Arena<T>) -> AttentionBuffers<T> {
        let rows = batch * length
        let chunks = engineThreadCount
        return AttentionBuffers(qkv: arena.take(rows * 3 * width),
                                probabilities: arena.take(batch * heads * length * length),
                                context: arena.take(rows * width),
                                contextGradient: arena.take(rows * width),
                                qkvGradient: arena.take(rows * 3 * width),
                                rowScratch: arena.take(chunks * length), chunks: chunks)
    }

    // h: [B, L, D] -> out: [B, L, D] = h + Attention(h)
    func forward<T: EngineScalar>(_ h: UnsafePointer<T>, into out: UnsafeMutablePointer<T>, batch: Int,
                                  _ buffers: AttentionBuffers<T>, _ p: ParameterBuffers<T>) {
        let rows = batch * length
        projection.forward(h, rows: rows, into: buffers.qkv, p)
        let (L, D, H) = (length, width, heads)
        let e = D / H
        let scale = 1 / T(e).squareRoot()
        let qkv = UnsafePointer(buffers.qkv), probabilities = buffers.probabilities, context = buffers.context
        forEachChunk(of: batch, chunks: buffers.chunks) { _, range in
            for b in range {
                for head in 0..<H {
                    for t in 0..<L {
                        let q = qkv + (b * L + t) * 3 * D + head * e
                        let prow = probabilities + ((b * H + head) * L + t) * L
                        var largest = -T.infinity
                        for s in 0...t {
                            let key = qkv + (b * L + s) * 3 * D + D + head * e
                            var dot: T = 0
                            for i in 0..<e { dot += q[i] * key[i] }
                            prow[s] = dot * scale
                            if prow[s] > largest { largest = prow[s] }
                        }
                        var total: T = 0
                        for s in 0...t { prow[s] = T.exponential(prow[s] - largest); total += prow[s] }
                        let inverse = 1 / total
                        for s in 0...t { prow[s] *= inverse }
                        for s in (t + 1)..<L { prow[s] = 0 }
                        let o = context + (b * L + t) * D + head * e
                        for i in 0..<e { o[i] = 0 }
                        for s in 0...t {
                            let value = qkv + (b * L + s) * 3 * D + 2 * D + head * e
                            let weight = prow[s]
                            for i in 0..<e { o[i] += weight * value[i] }
                        }
                    }
                }
            }
        }
        Elementwise.copy(h, to: out, count: rows * D)
        output.forward(buffers.context, rows: rows, into: out, accumulate: true, p)
    }

    // dOut: [B, L, D] -> dh: [B, L, D]; softmax backward dS = P ⊙ (dP − Σ_s P dP); dh must not alias dOut
    func backward<T: EngineScalar>(_ h: UnsafePointer<T>, outputGradient dOut: UnsafePointer<T>,
                                   inputGradient dh: UnsafeMutablePointer<T>, batch: Int,
                                   _ buffers: AttentionBuffers<T>, _ p: ParameterBuffers<T>) {
        let rows = batch * length
        output.backward(buffers.context, dOut, rows: rows, inputGradient: buffers.contextGradient, p)
        let (L, D, H) = (length, width, heads)
        let e = D / H
        let scale = 1 / T(e).squareRoot()
        let qkv = UnsafePointer(buffers.qkv), probabilities = UnsafePointer(buffers.probabilities)
        let dContext = UnsafePointer(buffers.contextGradient), dqkv = buffers.qkvGradient
        let scratchBase = buffers.rowScratch
        forEachChunk(of: batch, chunks: buffers.chunks) { chunk, range in
            let dP = scratchBase + chunk * L
            for b in range {
                Elementwise.zero(dqkv + b * L * 3 * D, count: L * 3 * D)
                for head in 0..<H {
                    for t in 0..<L {
                        let prow = probabilities + ((b * H + head) * L + t) * L
                        let dO = dContext + (b * L + t) * D + head * e
                        var weighted: T = 0
                        for s in 0...t {
                            let value = qkv + (b * L + s) * 3 * D + 2 * D + head * e
                            var dot: T = 0
                            for i in 0..<e { dot += dO[i] * value[i] }
                            dP[s] = dot
                            weighted += prow[s] * dot
                        }
                        let q = qkv + (b * L + t) * 3 * D + head * e
                        let dq = dqkv + (b * L + t) * 3 * D + head * e
                        for s in 0...t {
                            let key = qkv + (b * L + s) * 3 * D + D + head * e
                            let dkey = dqkv + (b * L + s) * 3 * D + D + head * e
                            let dvalue = dkey + D
                            let ps = prow[s]
                            let ds = ps * (dP[s] - weighted) * scale
                            for i in 0..<e {
                                dq[i] += ds * key[i]
                                dkey[i] += ds * q[i]
                                dvalue[i] += ps * dO[i]
                            }
                        }
                    }
                }
            }
        }
        Elementwise.copy(dOut, to: dh, count: rows * D)
        projection.backward(h, buffers.qkvGradient, rows: rows, inputGradient: dh, accumulate: true, p)
    }
}

/// Saved activations and scratch of one attention layer for a fixed batch.
struct AttentionBuffers<T: EngineScalar> {
    let qkv: UnsafeMutablePointer<T>              // [B, L, 3D]
    let probabilities: UnsafeMutablePointer<T>    // [B, H, L, L] (zero above the diagonal)
    let context: UnsafeMutablePointer<T>          // [B, L, D]
    let contextGradient: UnsafeMutablePointer<T>  // [B, L, D]
    let qkvGradient: UnsafeMutablePointer<T>      // [B, L, 3D]
    let rowScratch: UnsafeMutablePointer<T>       // [chunks, L]
    let chunks: Int
}
