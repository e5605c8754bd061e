import Testing
@testable import Numeric

/// Every layer's hand-written backward against central finite differences in Float64
/// (relative error < 1e-6 per parameter tensor and for the input gradient).
@Suite struct EngineLayerGradientTests {
    static let tolerance = 1e-6

    /// One row of the table: a layer at small sizes, checked by `GradientCheck.check`.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let errors: @Sendable () -> [String: Double]
        var testDescription: String { name }
    }

    /// A layer `y = F(θ, x)` whose input and output have `inputCount` and `outputCount` scalars;
    /// `makeBuffers` builds its saved activations in a Float64 arena kept alive by the check.
    static func layer<Buffers>(_ name: String, _ layout: ParameterLayout, inputCount: Int, outputCount: Int, checkInput: Bool = true,
                               initialize: @escaping @Sendable (UnsafeMutablePointer<Double>, inout RandomSource) -> Void,
                               makeBuffers: @escaping @Sendable (Arena<Double>) -> Buffers,
                               forward: @escaping @Sendable (ParameterBuffers<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Buffers) -> Void,
                               backward: @escaping @Sendable (ParameterBuffers<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>?, Buffers) -> Void) -> Case {
        Case(name: name) {
            let arena = Arena<Double>()
            let buffers = makeBuffers(arena)
            return GradientCheck.check(layout: layout, inputCount: inputCount, outputCount: outputCount, checkInput: checkInput,
                                       initialize: initialize,
                                       forward: { p, x, y in forward(p, UnsafePointer(x), y, buffers) },
                                       backward: { p, x, dy, dx in backward(p, x, dy, dx, buffers) })
        }
    }

    static func linear() -> Case {
        var layout = ParameterLayout()
        let layer = LinearLayer("lin", inputs: 5, outputs: 3, layout: &layout)
        let rows = 7
        return Self.layer("Linear", layout, inputCount: rows * 5, outputCount: rows * 3,
                          initialize: { layer.initialize($0, random: &$1) }, makeBuffers: { _ in () },
                          forward: { p, x, y, _ in layer.forward(x, rows: rows, into: y, p) },
                          backward: { p, x, dy, dx, _ in layer.backward(x, dy, rows: rows, inputGradient: dx, p) })
    }

    static func relu() -> Case {
        layer("ReLU", ParameterLayout(), inputCount: 40, outputCount: 40, initialize: { _, _ in }, makeBuffers: { _ in () },
              forward: { _, x, y, _ in ReLU.forward(x, y, count: 40) },
              backward: { _, x, dy, dx, _ in ReLU.backward(x, dy, dx!, count: 40) })
    }

    static func positionalEncoding() -> Case {
        var layout = ParameterLayout()
        let layer = PositionalEncoding("pos", length: 4, width: 3, layout: &layout)
        let n = 2 * 4 * 3
        return Self.layer("PositionalEncoding", layout, inputCount: n, outputCount: n,
                          initialize: { layer.initialize($0, random: &$1) }, makeBuffers: { _ in () },
                          forward: { p, x, y, _ in Elementwise.copy(x, to: y, count: n); layer.forward(y, batch: 2, p) },
                          backward: { p, _, dy, dx, _ in Elementwise.copy(dy, to: dx!, count: n); layer.backward(dy, batch: 2, p) })
    }

    /// `lags` 6 is the whole causal past; 3 the finite window (kernel cut to lags 0…2).
    static func ssmConvolution(threads: Int, lags: Int = 6) -> Case {
        var layout = ParameterLayout()
        let layer = SSMConvolution("conv", channels: 3, stateSize: 4, length: 6, lags: lags, layout: &layout)
        let batch = 3, n = batch * 6 * 3
        return Self.layer("SSMConvolution W = \(lags), \(threads) chunks", layout, inputCount: n, outputCount: n,
                          initialize: { layer.initialize($0, random: &$1) },
                          makeBuffers: { arena -> SSMConvolutionBuffers<Double> in layer.makeBuffers(arena: arena, team: ThreadTeam(Parallelism(threads: threads))) },
                          forward: { p, x, y, b in layer.forward(x, into: y, batch: batch, b, p) },
                          backward: { p, x, dy, dx, b in layer.backward(x, outputGradient: dy, inputGradient: dx!, batch: batch, b, p) })
    }

    /// `lags` 5 is the whole causal past; 2 the finite window (row t attends to t−1, t).
    static func causalSelfAttention(threads: Int, lags: Int = 5) -> Case {
        var layout = ParameterLayout()
        let layer = CausalSelfAttention("attn", width: 4, heads: 2, length: 5, lags: lags, layout: &layout)
        let batch = 3, n = batch * 5 * 4
        return Self.layer("CausalSelfAttention W = \(lags), \(threads) chunks", layout, inputCount: n, outputCount: n,
                          initialize: { layer.initialize($0, random: &$1) },
                          makeBuffers: { arena -> AttentionBuffers<Double> in layer.makeBuffers(batch: batch, arena: arena, team: ThreadTeam(Parallelism(threads: threads))) },
                          forward: { p, x, y, b in layer.forward(x, into: y, batch: batch, b, p) },
                          backward: { p, x, dy, dx, b in layer.backward(x, outputGradient: dy, inputGradient: dx!, batch: batch, b, p) })
    }

    static func feedForward() -> Case {
        var layout = ParameterLayout()
        let layer = FeedForward("ffn", width: 4, hidden: 6, layout: &layout)
        let rows = 5
        return Self.layer("FeedForward", layout, inputCount: rows * 4, outputCount: rows * 4,
                          initialize: { layer.initialize($0, random: &$1) },
                          makeBuffers: { arena -> FeedForwardBuffers<Double> in layer.makeBuffers(rows: rows, arena: arena) },
                          forward: { p, x, y, b in layer.forward(x, into: y, rows: rows, b, p) },
                          backward: { p, x, dy, dx, b in layer.backward(x, outputGradient: dy, inputGradient: dx!, rows: rows, b, p) })
    }

    /// A `ResidualBlock` on `[batch, length, width]`.
    static func block(_ name: String, _ block: ResidualBlock, _ layout: ParameterLayout, batch: Int, length: Int, width: Int) -> Case {
        let n = batch * length * width
        return Self.layer(name, layout, inputCount: n, outputCount: n,
                          initialize: { block.initialize($0, random: &$1) },
                          makeBuffers: { arena in block.makeBuffers(batch: batch, length: length, arena: arena, team: .serial) },
                          forward: { p, x, y, b in block.forward(x, into: y, batch: batch, length: length, b, p) },
                          backward: { p, x, dy, dx, b in
                              block.backward(x, outputGradient: dy, inputGradient: dx!, batch: batch, length: length, b, p) })
    }

    static func ssmBlock() -> Case {
        var layout = ParameterLayout()
        let block = SSMBlock("block", width: 4, stateSize: 3, hidden: 5, length: 6, lags: 6, layout: &layout)
        return Self.block("SSMBlock", .ssm(block), layout, batch: 2, length: 6, width: 4)
    }

    static func attentionBlock() -> Case {
        var layout = ParameterLayout()
        let block = AttentionBlock("block", width: 4, heads: 2, hidden: 5, length: 6, lags: 6, layout: &layout)
        return Self.block("AttentionBlock", .attention(block), layout, batch: 2, length: 6, width: 4)
    }

    static func dilatedConvolution(kernel: Int, dilation: Int) -> Case {
        var layout = ParameterLayout()
        let layer = DilatedCausalConvolution("conv", width: 3, kernel: kernel, dilation: dilation, length: 7, layout: &layout)
        return Self.block("DilatedCausalConvolution K = \(kernel), δ = \(dilation)", .convolution(layer), layout,
                          batch: 2, length: 7, width: 3)
    }

    static func windowedFeedForward() -> Case {
        var layout = ParameterLayout()
        let layer = WindowedFeedForward(window: 3, tokenDimension: 2, length: 5, hidden: 6, depth: 2, layout: &layout)
        let batch = 2
        return Self.layer("WindowedFeedForward", layout, inputCount: batch * 5 * 2, outputCount: batch * 5, checkInput: false,
                          initialize: { layer.initialize($0, random: &$1) },
                          makeBuffers: { arena -> WindowBuffers<Double> in layer.makeBuffers(batch: batch, arena: arena) },
                          forward: { p, x, y, b in layer.forward(x, into: y, batch: batch, b, p) },
                          backward: { p, _, dy, _, b in layer.backward(outputGradient: dy, batch: batch, b, p) })
    }

    static let cases: [Case] = [
        linear(), relu(), positionalEncoding(),
        ssmConvolution(threads: 1), ssmConvolution(threads: 2), ssmConvolution(threads: 2, lags: 3),
        causalSelfAttention(threads: 1), causalSelfAttention(threads: 2), causalSelfAttention(threads: 2, lags: 2),
        feedForward(), ssmBlock(), attentionBlock(),
        dilatedConvolution(kernel: 2, dilation: 1), dilatedConvolution(kernel: 2, dilation: 2),
        dilatedConvolution(kernel: 3, dilation: 2), dilatedConvolution(kernel: 2, dilation: 8),
        windowedFeedForward(),
    ]

    /// Every parameter tensor's gradient (and the input's) within `tolerance` of finite differences.
    @Test(arguments: cases)
    func gradientsMatchFiniteDifferences(_ layer: Case) {
        let errors = layer.errors()
        #expect(!errors.isEmpty)
        for (name, error) in errors.sorted(by: { $0.key < $1.key }) {
            #expect(error < Self.tolerance, "\(layer.name) \(name): relative error \(error)")
        }
    }

    /// The convolution is causal: changing token t changes no output before t, and a dilation
    /// δ reaches exactly the lags 0, δ, …, (K−1)δ.
    @Test func dilatedConvolutionIsCausalWithItsLags() {
        var layout = ParameterLayout()
        let layer = DilatedCausalConvolution("conv", width: 2, kernel: 2, dilation: 3, length: 8, layout: &layout)
        let arena = Arena<Double>()
        let buffers: DilatedConvolutionBuffers<Double> = layer.makeBuffers(batch: 1, arena: arena)
        let values = arena.take(layout.count), gradients = arena.take(layout.count)
        var random = RandomSource(seed: 5)
        layer.initialize(values, random: &random)
        for i in 0..<2 { values[layer.linear.bias + i] = 5 }  // bias > 0: every unit active
        let x = arena.take(16), y = arena.take(16), y2 = arena.take(16)
        for i in 0..<16 { x[i] = random.normal() }
        let p = ParameterBuffers(values: values, gradients: gradients)
        layer.forward(x, into: y, batch: 1, buffers, p)
        x[2 * 2] += 1  // token t = 2
        layer.forward(x, into: y2, batch: 1, buffers, p)
        let changed = (0..<8).filter { t in (0..<2).contains { y[t * 2 + $0] != y2[t * 2 + $0] } }
        #expect(changed == [2, 5])
    }

    /// The softmax rows are probabilities and vanish above the diagonal (causality).
    @Test func attentionIsCausal() {
        var layout = ParameterLayout()
        let layer = CausalSelfAttention("attn", width: 4, heads: 2, length: 5, lags: 5, layout: &layout)
        let arena = Arena<Double>()
        let buffers: AttentionBuffers<Double> = layer.makeBuffers(batch: 1, arena: arena, team: .serial)
        let values = arena.take(layout.count), gradients = arena.take(layout.count)
        var random = RandomSource(seed: 3)
        layer.initialize(values, random: &random)
        let x = arena.take(20), y = arena.take(20), y2 = arena.take(20)
        for i in 0..<20 { x[i] = random.normal() }
        let p = ParameterBuffers(values: values, gradients: gradients)
        layer.forward(x, into: y, batch: 1, buffers, p)
        for t in 0..<5 {
            for head in 0..<2 {
                let row = buffers.probabilities + (head * 5 + t) * 5
                var sum = 0.0
                for s in 0..<5 { sum += row[s]; if s > t { #expect(row[s] == 0) } }
                #expect(abs(sum - 1) < 1e-12)
            }
        }
        // Changing the last token leaves every earlier output unchanged.
        for i in 16..<20 { x[i] += 1 }
        layer.forward(x, into: y2, batch: 1, buffers, p)
        for i in 0..<16 { #expect(y[i] == y2[i]) }
        #expect((16..<20).contains { y[$0] != y2[$0] })
    }

    /// With a window W, row t's probabilities vanish outside t−W+1 … t, and an output does not move
    /// when a token W or more positions back changes (the attention and the SSM convolution alike).
    @Test(arguments: [2, 3])
    func windowLimitsMixing(lags: Int) {
        let length = 6, width = 4
        var attentionLayout = ParameterLayout(), convolutionLayout = ParameterLayout()
        let attention = CausalSelfAttention("attn", width: width, heads: 2, length: length, lags: lags, layout: &attentionLayout)
        let convolution = SSMConvolution("conv", channels: width, stateSize: 3, length: length, lags: lags, layout: &convolutionLayout)
        let arena = Arena<Double>()
        let attentionBuffers: AttentionBuffers<Double> = attention.makeBuffers(batch: 1, arena: arena, team: .serial)
        let convolutionBuffers: SSMConvolutionBuffers<Double> = convolution.makeBuffers(arena: arena, team: .serial)
        var random = RandomSource(seed: 5)
        let a = ParameterBuffers(values: arena.take(attentionLayout.count), gradients: arena.take(attentionLayout.count))
        let c = ParameterBuffers(values: arena.take(convolutionLayout.count), gradients: arena.take(convolutionLayout.count))
        attention.initialize(a.values, random: &random)
        convolution.initialize(c.values, random: &random)
        let n = length * width
        let x = arena.take(n), y = arena.take(n), y2 = arena.take(n)
        for i in 0..<n { x[i] = random.normal() }
        attention.forward(x, into: y, batch: 1, attentionBuffers, a)
        for t in 0..<length {
            for head in 0..<2 {
                let row = attentionBuffers.probabilities + (head * length + t) * length
                for s in 0..<length where s > t || s <= t - lags { #expect(row[s] == 0) }
            }
        }
        for layer in 0..<2 {
            func run(_ out: UnsafeMutablePointer<Double>) {
                if layer == 0 { attention.forward(x, into: out, batch: 1, attentionBuffers, a) }
                else { convolution.forward(x, into: out, batch: 1, convolutionBuffers, c) }
            }
            run(y)
            for k in 0..<width { x[k] += 1 }  // token 0
            run(y2)
            for k in 0..<width { x[k] -= 1 }
            for t in lags..<length { for k in 0..<width { #expect(y[t * width + k] == y2[t * width + k], "layer \(layer) t \(t)") } }
            #expect((0..<lags).contains { t in (0..<width).contains { y[t * width + $0] != y2[t * width + $0] } })
        }
    }
}
