import CKernels
import Testing
@testable import Numeric

/// The per-head attention kernels (`AttentionHeadKernel`, docs/training-engine.md "Kernels and
/// their paths") on every path this CPU has, against the layer's `sgemm` path in Float: the
/// forward's probabilities and output, the backward's input and parameter gradients. (The
/// `sgemm` path itself is checked against finite differences in Float64 by EngineLayerGradientTests.)
@Suite struct AttentionHeadKernelTests {
    /// One layer's forward and backward in Float: probabilities, output, input gradient, parameter gradients.
    struct Run: Equatable {
        var probabilities: [Float], output: [Float], inputGradient: [Float], parameterGradient: [Float]
    }

    static func run(kernels: KernelPath?, width: Int, heads: Int, length: Int, lags: Int? = nil, batch: Int = 3,
                    threads: Int = 1, inputScale: Float = 3) -> Run {
        var layout = ParameterLayout()
        var layer = CausalSelfAttention("attn", width: width, heads: heads, length: length, lags: lags ?? length, layout: &layout)
        layer.headKernels = kernels
        let arena = Arena<Float>()
        let buffers: AttentionBuffers<Float> = layer.makeBuffers(batch: batch, arena: arena, team: ThreadTeam(Parallelism(threads: threads)))
        let values = arena.take(layout.count), gradients = arena.take(layout.count)
        var random = RandomSource(seed: 11)
        layer.initialize(values, random: &random)
        let n = batch * length * width
        let x = arena.take(n), y = arena.take(n), dy = arena.take(n), dx = arena.take(n)
        // Inputs ×3 make the softmax rows peaked as well as flat, which exercises max and exp.
        for i in 0..<n { x[i] = inputScale * Float(random.normal()) }
        for i in 0..<n { dy[i] = Float(random.normal()) }
        let p = ParameterBuffers(values: values, gradients: gradients)
        layer.forward(x, into: y, batch: batch, buffers, p)
        layer.backward(x, outputGradient: dy, inputGradient: dx, batch: batch, buffers, p)
        func array(_ pointer: UnsafeMutablePointer<Float>, _ count: Int) -> [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
        return Run(probabilities: array(buffers.probabilities, batch * heads * length * length), output: array(y, n),
                   inputGradient: array(dx, n), parameterGradient: array(gradients, layout.count))
    }

    /// The largest difference relative to the reference's largest magnitude (at least 1).
    static func relativeError(_ a: [Float], _ reference: [Float]) -> Float {
        let scale = max(1, reference.map(abs).max() ?? 0)
        return zip(a, reference).map { abs($0 - $1) }.max()! / scale
    }

    /// The shapes: the canonical one (D = 32, 4 heads of 8, L = 32), a length with partial 8- and
    /// 16-lane blocks (13), L = 1, the longest the kernel takes (64), and attention windows W
    /// (lags) of 8 (the piecewise default: whole 8-lane blocks before the window), 5 and 20
    /// (windows that start inside a block of 8 and of 16).
    static let shapes: [(width: Int, heads: Int, length: Int, lags: Int?)] = [
        (32, 4, 32, nil), (16, 2, 13, nil), (8, 1, 1, nil), (16, 2, 64, nil), (32, 4, 32, 8), (16, 2, 13, 5), (16, 2, 64, 20),
    ]

    /// Tolerance 1e-4 of the largest magnitude: both sides sum the same ≤ 64-term products in
    /// Float (ε = 1.2e-7) in different orders (sgemm's blocking against the kernel's lanes, FMA or
    /// not) and their `exp` differs by ≤ 1 ulp, so they differ by a few multiples of
    /// 64·ε ≈ 8e-6 of the magnitudes summed; 1e-4 leaves a tenfold margin, while a wrong index, a
    /// missing mask or a lost term moves entries by O(1).
    @Test(arguments: KernelPath.supported)
    func kernelsMatchTheSgemmPath(path: KernelPath) {
        for shape in Self.shapes {
            let reference = Self.run(kernels: nil, width: shape.width, heads: shape.heads, length: shape.length, lags: shape.lags)
            let kernel = Self.run(kernels: path, width: shape.width, heads: shape.heads, length: shape.length, lags: shape.lags)
            let label = "\(path) D=\(shape.width) H=\(shape.heads) L=\(shape.length) W=\(shape.lags ?? shape.length)"
            #expect(Self.relativeError(kernel.probabilities, reference.probabilities) < 1e-4, "\(label) probabilities")
            #expect(Self.relativeError(kernel.output, reference.output) < 1e-4, "\(label) output")
            #expect(Self.relativeError(kernel.inputGradient, reference.inputGradient) < 1e-4, "\(label) input gradient")
            #expect(Self.relativeError(kernel.parameterGradient, reference.parameterGradient) < 1e-4, "\(label) parameter gradient")
            // The kernel ran: its sums round differently from sgemm's somewhere (L = 1 is a plain copy of V).
            if shape.length > 1 { #expect(kernel != reference, "\(label): the sgemm path ran twice") }
            // Causal and windowed: exactly 0 above the diagonal and before t − W + 1.
            let (L, W) = (shape.length, shape.lags ?? shape.length)
            for row in 0..<(kernel.probabilities.count / L) {
                let t = row % L
                for s in 0..<L where s > t || s <= t - W { #expect(kernel.probabilities[row * L + s] == 0, "\(label) row \(row) s \(s)") }
            }
        }
    }

    /// On one path the kernels give the same bits whatever the thread count and on repetition.
    @Test(arguments: KernelPath.supported)
    func kernelsAreReproducible(path: KernelPath) {
        let one = Self.run(kernels: path, width: 32, heads: 4, length: 32, batch: 4, threads: 1)
        let two = Self.run(kernels: path, width: 32, heads: 4, length: 32, batch: 4, threads: 2)
        let again = Self.run(kernels: path, width: 32, heads: 4, length: 32, batch: 4, threads: 1)
        #expect(one == two && one == again)
    }

    /// Shapes the kernels do not take (head size ≠ 8, L > 64, Double) run the sgemm path unchanged.
    @Test func otherShapesTakeTheSgemmPath() {
        #expect(AttentionHeadKernel.supports(headSize: 8, length: 32))
        #expect(!AttentionHeadKernel.supports(headSize: 4, length: 32))
        #expect(!AttentionHeadKernel.supports(headSize: 8, length: 65))
        #expect(!AttentionHeadKernel.supports(headSize: 8, length: 0))
        let path = KernelPath.supported.last!
        #expect(Self.run(kernels: path, width: 8, heads: 2, length: 5) == Self.run(kernels: nil, width: 8, heads: 2, length: 5))
        #expect(Self.run(kernels: path, width: 8, heads: 1, length: 65, batch: 1)
                == Self.run(kernels: nil, width: 8, heads: 1, length: 65, batch: 1))
    }
}
