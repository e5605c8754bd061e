import Foundation

/// Causal diagonal SSM convolution (docs/training-engine.md, NS24): per channel k,
/// `y[b, t, k] = Σ_{j=0}^{min(t, W−1)} K[k, j] · u[b, t − j, k]` with the kernel
/// `K[k, j] = Σ_n C[k,n] B[k,n] exp(−Δ_k A[k,n] j)`, `Δ = exp(logΔ)`, `A = exp(logA)` (so Δ, A > 0),
/// cut to the window of `lags` = W lags (NS24's finite-window LTI convolution; W = L is the whole
/// causal past, and then every sum is the uncut one, term for term).
///
/// Computed by direct summation: at the sizes used (L ≤ 64) it costs `B·L(L+1)/2·D`
/// multiply-adds over contiguous channel vectors, cheaper than a length-2L FFT per channel.
struct SSMConvolution {
    let channels: Int   // D
    let stateSize: Int  // N
    let length: Int     // L
    let lags: Int       // W ≤ L: the kernel's window
    let logStep: Int    // [D]     logΔ
    let logRate: Int    // [D, N]  logA
    let inputWeight: Int   // [D, N]  B
    let outputWeight: Int  // [D, N]  C
    /// `ssm-taps`: the offset of the free kernel `taps[j, k] = K[k, j]`, `[W, D]` (lag-major, as the
    /// kernel buffer); the four S4D offsets above then index a scratch vector of `s4dCount` values
    /// that exists only while initialising (the taps start as the S4D-Real kernel of the same draw).
    let taps: Int?
    /// The S4D parameters' count: the network's, or the initialisation scratch's for `ssm-taps`.
    let s4dCount: Int
    /// The kernel path of the convolution sums (`SSMConvolutionKernel`, Float); nil runs the Swift
    /// loops below (the tests' reference; the `baseline` path computes the same bits).
    var kernelPath: KernelPath? = KernelPath.current

    /// `freeTaps`: the kernel is `[W, D]` free parameters (`<name>.taps`) instead of S4D's four tensors.
    init(_ name: String, channels: Int, stateSize: Int, length: Int, lags: Int, freeTaps: Bool = false,
         layout: inout ParameterLayout) {
        self.channels = channels
        self.stateSize = stateSize
        self.length = length
        self.lags = min(max(1, lags), length)
        var scratch = ParameterLayout()
        func reserve(_ suffix: String, _ shape: [Int]) -> Int {
            freeTaps ? scratch.reserve(suffix, shape) : layout.reserve(name + suffix, shape)
        }
        logStep = reserve(".log_dt", [channels])
        logRate = reserve(".log_a", [channels, stateSize])
        inputWeight = reserve(".B", [channels, stateSize])
        outputWeight = reserve(".C", [channels, stateSize])
        taps = freeTaps ? layout.reserve(name + ".taps", [self.lags, channels]) : nil
        s4dCount = freeTaps ? scratch.count : 0
    }

    /// S4D-Real initialisation (Gu, Gupta, Goel & Ré, "On the Parameterization and Initialization
    /// of Diagonal State Space Models", NeurIPS 2022): decay rates spread over the state index,
    /// `A[k, n] = n + 1` (n = 0…N−1), and a step `Δ_k` log-uniform in `[Δ_min, Δ_max] = [1e-3, 1e-1]`
    /// per channel, so the kernels `exp(−Δ_k (n+1) j)` range from local (`Δ·A` up to 1.6: the
    /// weight falls 5× per lag) to nearly flat over the sequence; `B, C ~ N(0, 1/N)`.
    /// See docs/training-engine.md ("SSM initialisation").
    /// `ssm-taps`: the same draws into the scratch vector, and the taps set to the kernel they give.
    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        guard let taps else { return initializeS4D(values, random: &random) }
        let scratch = UnsafeMutablePointer<T>.allocate(capacity: s4dCount + lags * channels)
        defer { scratch.deallocate() }
        scratch.initialize(repeating: 0, count: s4dCount + lags * channels)
        initializeS4D(scratch, random: &random)
        s4dKernel(scratch + s4dCount, scratch)
        (values + taps).update(from: scratch + s4dCount, count: lags * channels)
    }

    private func initializeS4D<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        let logMin = Foundation.log(Self.stepRange.lowerBound), logMax = Foundation.log(Self.stepRange.upperBound)
        for k in 0..<channels { values[logStep + k] = T(logMin + random.uniform() * (logMax - logMin)) }
        let scale = 1 / Double(stateSize).squareRoot()
        for k in 0..<channels {
            for n in 0..<stateSize { values[logRate + k * stateSize + n] = T(Foundation.log(Double(n + 1))) }
        }
        for i in 0..<(channels * stateSize) { values[inputWeight + i] = T(random.normal() * scale) }
        for i in 0..<(channels * stateSize) { values[outputWeight + i] = T(random.normal() * scale) }
    }

    /// `[Δ_min, Δ_max]` of the S4D initialisation.
    static let stepRange = 1e-3...1e-1

    func makeBuffers<T: EngineScalar>(arena: Arena<T>, team: ThreadTeam) -> SSMConvolutionBuffers<T> {
        return SSMConvolutionBuffers(kernel: arena.take(length * channels),
                                     kernelGradientPartials: arena.take(team.threads * length * channels), team: team)
    }

    /// Fills `kernel[j, k] = K[k, j]` (lag-major, `[L, D]`) for `j < W`, 0 beyond: the free taps
    /// (`ssm-taps`), or S4D's sum with `exp(−ΔA j)` by repeated products.
    func computeKernel<T: EngineScalar>(_ kernel: UnsafeMutablePointer<T>, _ p: ParameterBuffers<T>) {
        Elementwise.zero(kernel, count: length * channels)
        if let taps { return kernel.update(from: p.values + taps, count: lags * channels) }
        s4dKernel(kernel, p.values)
    }

    /// `kernel[j, k] += Σ_n C B e^{−ΔA j}` for `j < W`, from the S4D parameters in `values`.
    private func s4dKernel<T: EngineScalar>(_ kernel: UnsafeMutablePointer<T>, _ values: UnsafeMutablePointer<T>) {
        for k in 0..<channels {
            let delta = T.exponential(values[logStep + k])
            for n in 0..<stateSize {
                let i = k * stateSize + n
                let ratio = T.exponential(-delta * T.exponential(values[logRate + i]))
                var decay: T = 1
                let cb = values[outputWeight + i] * values[inputWeight + i]
                for j in 0..<lags {
                    kernel[j * channels + k] += cb * decay
                    decay *= ratio
                }
            }
        }
    }

    // u: [B, L, D] -> y: [B, L, D]
    func forward<T: EngineScalar>(_ u: UnsafePointer<T>, into y: UnsafeMutablePointer<T>, batch: Int,
                                  _ buffers: SSMConvolutionBuffers<T>, _ p: ParameterBuffers<T>) {
        computeKernel(buffers.kernel, p)
        let kernel = UnsafePointer(buffers.kernel)
        let (L, D, W) = (length, channels, lags)
        buffers.team.forEachChunk(of: batch, chunks: buffers.chunks) { _, range in
            for b in range {
                let ub = u + b * L * D, yb = y + b * L * D
                if SSMConvolutionKernel.forward(on: kernelPath, kernel: kernel, u: ub, into: yb, length: L, lags: W, channels: D) { continue }
                for t in 0..<L {
                    // yr[k] = Σ_{j=0}^{min(t, W−1)} kernel[j, k] · u[b, t − j, k], summed in increasing j
                    ChannelLanes.sum(into: yb + t * D, channels: D, terms: min(t + 1, W)) { j in (kernel + j * D, ub + (t - j) * D) }
                }
            }
        }
    }

    // dy: [B, L, D] -> du[b, s, k] = Σ_{j} K[k, j] dy[b, s+j, k];  dK[k, j] = Σ_{b,t} dy[b,t,k] u[b,t−j,k] -> params
    func backward<T: EngineScalar>(_ u: UnsafePointer<T>, outputGradient dy: UnsafePointer<T>,
                                   inputGradient du: UnsafeMutablePointer<T>, batch: Int,
                                   _ buffers: SSMConvolutionBuffers<T>, _ p: ParameterBuffers<T>) {
        let kernel = UnsafePointer(buffers.kernel)
        let (L, D, W) = (length, channels, lags)
        let partials = buffers.kernelGradientPartials
        buffers.team.forEachChunk(of: batch, chunks: buffers.chunks) { chunk, range in
            let dk = partials + chunk * L * D
            for i in 0..<(L * D) { dk[i] = 0 }
            for b in range {
                let ub = u + b * L * D, dyb = dy + b * L * D, dub = du + b * L * D
                if SSMConvolutionKernel.backward(on: kernelPath, kernel: kernel, u: ub, outputGradient: dyb, inputGradient: dub,
                                                 kernelGradient: dk, length: L, lags: W, channels: D) { continue }
                for s in 0..<L {
                    // du[b, s, k] = Σ_{j=0}^{min(L−1−s, W−1)} kernel[j, k] · dy[b, s + j, k], summed in increasing j
                    ChannelLanes.sum(into: dub + s * D, channels: D, terms: min(L - s, W)) { j in (kernel + j * D, dyb + (s + j) * D) }
                }
                for j in 0..<W {
                    // dk[j, k] += Σ_{t=j}^{L−1} dy[b, t, k] · u[b, t − j, k], summed in increasing t
                    ChannelLanes.sum(into: dk + j * D, channels: D, terms: L - j, accumulate: true) { i in
                        (dyb + (j + i) * D, ub + i * D)
                    }
                }
            }
        }
        let used = max(1, min(buffers.chunks, batch))
        for chunk in 1..<max(used, 1) { Elementwise.add(partials + chunk * L * D, to: partials, count: L * D) }
        kernelBackward(partials, p)
    }

    /// Chain rule through `K[k,j] = Σ_n C B e^{−ΔA j}`: with `g = dK[j, k]`,
    /// `dC += B Σ_j g e`, `dB += C Σ_j g e`, `d logA = d logΔ-part = −ΔA·CB Σ_j g e j`.
    /// `ssm-taps`: `d taps[j, k] += dK[j, k]` for `j < W`.
    func kernelBackward<T: EngineScalar>(_ dKernel: UnsafePointer<T>, _ p: ParameterBuffers<T>) {
        if let taps { return Elementwise.add(dKernel, to: p.gradients + taps, count: lags * channels) }
        for k in 0..<channels {
            let delta = T.exponential(p.values[logStep + k])
            var dLogStep: T = 0
            for n in 0..<stateSize {
                let i = k * stateSize + n
                let rate = T.exponential(p.values[logRate + i])
                let ratio = T.exponential(-delta * rate)
                var decay: T = 1
                var sum: T = 0, weightedSum: T = 0
                for j in 0..<lags {
                    let g = dKernel[j * channels + k] * decay
                    sum += g
                    weightedSum += g * T(j)
                    decay *= ratio
                }
                let b = p.values[inputWeight + i], c = p.values[outputWeight + i]
                p.gradients[outputWeight + i] += b * sum
                p.gradients[inputWeight + i] += c * sum
                let dLog = -delta * rate * c * b * weightedSum
                p.gradients[logRate + i] += dLog
                dLogStep += dLog
            }
            p.gradients[logStep + k] += dLogStep
        }
    }
}

/// The kernel of the current forward pass and per-chunk partial kernel gradients.
struct SSMConvolutionBuffers<T: EngineScalar> {
    let kernel: UnsafeMutablePointer<T>                  // [L, D]
    let kernelGradientPartials: UnsafeMutablePointer<T>  // [chunks, L, D]
    /// Runs the per-sequence loops; one gradient partial per thread.
    let team: ThreadTeam
    var chunks: Int { team.threads }
}

/// The channel-vector dot products of the SSM convolution, with the running sums kept in SIMD
/// registers: `out[k] (+)= Σ_{i<terms} x_i[k] · y_i[k]` for every channel k, where
/// `(x_i, y_i) = rows(i)`. Each channel's terms are added in increasing i, one multiply and one
/// add at a time, exactly as the scalar loop `out[k] += x[k] * y[k]` does, so the results are
/// bit-identical to it; only the loads and stores of `out` leave the inner loop.
enum ChannelLanes {
    @inline(__always)
    static func sum<T: EngineScalar>(into out: UnsafeMutablePointer<T>, channels: Int, terms: Int, accumulate: Bool = false,
                                     _ rows: (Int) -> (UnsafePointer<T>, UnsafePointer<T>)) {
        typealias Lanes = SIMD16<T>
        var k = 0
        while k + Lanes.scalarCount <= channels {
            var sum = accumulate ? UnsafeRawPointer(out + k).loadUnaligned(as: Lanes.self) : Lanes(repeating: 0)
            for i in 0..<terms {
                let (x, y) = rows(i)
                let product = UnsafeRawPointer(x + k).loadUnaligned(as: Lanes.self) * UnsafeRawPointer(y + k).loadUnaligned(as: Lanes.self)
                sum = sum + product
            }
            UnsafeMutableRawPointer(out + k).storeBytes(of: sum, as: Lanes.self)
            k += Lanes.scalarCount
        }
        if k < channels {
            if !accumulate { for c in k..<channels { out[c] = 0 } }
            for i in 0..<terms {
                let (x, y) = rows(i)
                for c in k..<channels { out[c] += x[c] * y[c] }
            }
        }
    }
}
