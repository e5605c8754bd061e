import Testing
@testable import Numeric

/// The SSM convolution's C kernels (`SSMConvolutionKernel`, docs/training-engine.md "Kernels and
/// their paths") on every path this CPU has, against the layer's Swift loops in Float.
@Suite struct SSMConvolutionKernelTests {
    struct Run: Equatable { var output: [Float], inputGradient: [Float], parameterGradient: [Float] }

    static func run(kernels: KernelPath?, channels: Int, length: Int, lags: Int? = nil, batch: Int = 3, threads: Int = 1) -> Run {
        var layout = ParameterLayout()
        var layer = SSMConvolution("conv", channels: channels, stateSize: 4, length: length, lags: lags ?? length, layout: &layout)
        layer.kernelPath = kernels
        let arena = Arena<Float>()
        let buffers: SSMConvolutionBuffers<Float> = layer.makeBuffers(arena: arena, team: ThreadTeam(Parallelism(threads: threads)))
        let values = arena.take(layout.count), gradients = arena.take(layout.count)
        var random = RandomSource(seed: 12)
        layer.initialize(values, random: &random)
        let n = batch * length * channels
        let x = arena.take(n), y = arena.take(n), dy = arena.take(n), dx = arena.take(n)
        for i in 0..<n { x[i] = Float(random.normal()) }
        for i in 0..<n { dy[i] = Float(random.normal()) }
        let p = ParameterBuffers(values: values, gradients: gradients)
        layer.forward(x, into: y, batch: batch, buffers, p)
        layer.backward(x, outputGradient: dy, inputGradient: dx, batch: batch, buffers, p)
        func array(_ pointer: UnsafeMutablePointer<Float>, _ count: Int) -> [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
        return Run(output: array(y, n), inputGradient: array(dx, n), parameterGradient: array(gradients, layout.count))
    }

    /// Channel counts with full vectors only (32), partial ones on every path (13) and none (3), and
    /// kernels cut to a window of 8, 5, 4 and 1 lags (the C kernels and the Swift loops both stop at
    /// the window; 5 and 1 leave blocks of fewer than four lag rows).
    static let shapes: [(channels: Int, length: Int, lags: Int?)] = [(32, 32, nil), (13, 9, nil), (3, 1, nil), (32, 32, 8),
                                                                       (13, 9, 4), (32, 32, 5), (13, 9, 1)]

    /// Baseline is the Swift loops bit for bit (the same multiply and add per term in the same
    /// order). The vector paths fuse each multiply-add (same order), so they differ in rounding only: at most a few ulps of the ≤ L-term sums, i.e. within
    /// L·ε ≈ 4e-6 of the magnitudes summed for L = 32; 1e-4 of the largest magnitude leaves a
    /// 25-fold margin, while a lost or shifted term moves entries by O(1).
    @Test(arguments: KernelPath.supported)
    func kernelsMatchTheSwiftLoops(path: KernelPath) {
        for shape in Self.shapes {
            let reference = Self.run(kernels: nil, channels: shape.channels, length: shape.length, lags: shape.lags)
            let kernel = Self.run(kernels: path, channels: shape.channels, length: shape.length, lags: shape.lags)
            if path == .baseline {
                #expect(kernel == reference, "D=\(shape.channels) L=\(shape.length)")
            } else {
                let pairs = [(kernel.output, reference.output), (kernel.inputGradient, reference.inputGradient),
                             (kernel.parameterGradient, reference.parameterGradient)]
                for (a, b) in pairs {
                    #expect(AttentionHeadKernelTests.relativeError(a, b) < 1e-4, "\(path) D=\(shape.channels) L=\(shape.length)")
                }
            }
        }
    }

    /// On one path the kernels give the same bits on repetition, and the per-sequence results (output,
    /// input gradient) the same whatever the thread count. (The layer's kernel gradient sums one
    /// partial per chunk of its team; training fixes those pieces from the batch alone.)
    @Test(arguments: KernelPath.supported)
    func kernelsAreReproducible(path: KernelPath) {
        let one = Self.run(kernels: path, channels: 32, length: 32, batch: 4, threads: 1)
        let two = Self.run(kernels: path, channels: 32, length: 32, batch: 4, threads: 2)
        #expect(one == Self.run(kernels: path, channels: 32, length: 32, batch: 4, threads: 1))
        #expect(one.output == two.output && one.inputGradient == two.inputGradient)
    }

    /// AVX2 and AVX-512 run the same FMA per channel and term in the same order: the same bits.
    @Test func vectorPathsAgreeBitForBit() {
        let vector = KernelPath.supported.filter { $0 != .baseline }
        guard vector.count == 2 else { return }
        for shape in Self.shapes {
            #expect(Self.run(kernels: vector[0], channels: shape.channels, length: shape.length, lags: shape.lags)
                    == Self.run(kernels: vector[1], channels: shape.channels, length: shape.length, lags: shape.lags))
        }
    }

    /// The C kernels apply the window themselves: lags at or past W are never read (here they hold
    /// large values that would show), the sums stop at min(t + 1, W) and min(L − s, W) terms, and the
    /// kernel-gradient rows j ≥ W are left as they were.
    @Test(arguments: KernelPath.supported)
    func kernelsIgnoreTheLagsPastTheWindow(path: KernelPath) {
        let (L, D, W) = (11, 5, 3)
        var random = RandomSource(seed: 4)
        var kernel = (0..<(L * D)).map { _ in Float(random.normal()) }
        for j in W..<L { for k in 0..<D { kernel[j * D + k] = 1e6 } }
        let u = (0..<(L * D)).map { _ in Float(random.normal()) }
        let dy = (0..<(L * D)).map { _ in Float(random.normal()) }
        var y = [Float](repeating: 0, count: L * D), du = y
        var dk = [Float](repeating: 7, count: L * D)
        #expect(SSMConvolutionKernel.forward(on: path, kernel: kernel, u: u, into: &y, length: L, lags: W, channels: D))
        #expect(SSMConvolutionKernel.backward(on: path, kernel: kernel, u: u, outputGradient: dy, inputGradient: &du,
                                              kernelGradient: &dk, length: L, lags: W, channels: D))
        for t in 0..<L {
            for k in 0..<D {
                let expectedY = (0...min(t, W - 1)).reduce(Float(0)) { $0 + kernel[$1 * D + k] * u[(t - $1) * D + k] }
                let expectedDu = (0..<min(L - t, W)).reduce(Float(0)) { $0 + kernel[$1 * D + k] * dy[(t + $1) * D + k] }
                #expect(abs(y[t * D + k] - expectedY) < 1e-4 && abs(du[t * D + k] - expectedDu) < 1e-4, "\(path) t=\(t) k=\(k)")
                let expectedDk: Float = t < W ? 7 + (0..<(L - t)).reduce(Float(0)) { $0 + dy[(t + $1) * D + k] * u[$1 * D + k] } : 7
                #expect(abs(dk[t * D + k] - expectedDk) < 1e-4, "\(path) j=\(t) k=\(k)")
            }
        }
    }
}
