import Testing
@testable import Numeric

/// Every layer's hand-written backward against central finite differences in Float64
/// (relative error < 1e-6 per parameter tensor and for the input gradient).
@Suite struct EngineLayerGradientTests {
    static let tolerance = 1e-6

    func expectSmall(_ errors: [String: Double], _ label: String) {
        #expect(!errors.isEmpty)
        for (name, error) in errors.sorted(by: { $0.key < $1.key }) {
            #expect(error < Self.tolerance, "\(label) \(name): relative error \(error)")
        }
    }

    @Test func linear() {
        var layout = ParameterLayout()
        let layer = LinearLayer("lin", inputs: 5, outputs: 3, layout: &layout)
        let rows = 7
        let errors = GradientCheck.check(
            layout: layout, inputCount: rows * 5, outputCount: rows * 3,
            initialize: { layer.initialize($0, random: &$1) },
            forward: { p, x, y in layer.forward(x, rows: rows, into: y, p) },
            backward: { p, x, dy, dx in layer.backward(x, dy, rows: rows, inputGradient: dx, p) })
        expectSmall(errors, "Linear")
    }

    @Test func relu() {
        let layout = ParameterLayout()
        let errors = GradientCheck.check(
            layout: layout, inputCount: 40, outputCount: 40,
            initialize: { _, _ in },
            forward: { _, x, y in ReLU.forward(x, y, count: 40) },
            backward: { _, x, dy, dx in ReLU.backward(x, dy, dx!, count: 40) })
        expectSmall(errors, "ReLU")
    }

    @Test func positionalEncoding() {
        var layout = ParameterLayout()
        let layer = PositionalEncoding("pos", length: 4, width: 3, layout: &layout)
        let n = 2 * 4 * 3
        let errors = GradientCheck.check(
            layout: layout, inputCount: n, outputCount: n,
            initialize: { layer.initialize($0, random: &$1) },
            forward: { p, x, y in Elementwise.copy(x, to: y, count: n); layer.forward(y, batch: 2, p) },
            backward: { p, _, dy, dx in Elementwise.copy(dy, to: dx!, count: n); layer.backward(dy, batch: 2, p) })
        expectSmall(errors, "PositionalEncoding")
    }

    @Test(arguments: [1, 2]) func ssmConvolution(threads: Int) {
        var layout = ParameterLayout()
        let layer = SSMConvolution("conv", channels: 3, stateSize: 4, length: 6, layout: &layout)
        let arena = Arena<Double>()
        let buffers: SSMConvolutionBuffers<Double> = layer.makeBuffers(arena: arena, team: ThreadTeam(Parallelism(threads: threads)))
        let batch = 3, n = batch * 6 * 3
        let errors = GradientCheck.check(
            layout: layout, inputCount: n, outputCount: n,
            initialize: { layer.initialize($0, random: &$1) },
            forward: { p, x, y in layer.forward(x, into: y, batch: batch, buffers, p) },
            backward: { p, x, dy, dx in layer.backward(x, outputGradient: dy, inputGradient: dx!, batch: batch, buffers, p) })
        expectSmall(errors, "SSMConvolution")
    }

    @Test(arguments: [1, 2]) func causalSelfAttention(threads: Int) {
        var layout = ParameterLayout()
        let layer = CausalSelfAttention("attn", width: 4, heads: 2, length: 5, layout: &layout)
        let arena = Arena<Double>()
        let batch = 3, n = batch * 5 * 4
        let buffers: AttentionBuffers<Double> = layer.makeBuffers(batch: batch, arena: arena, team: ThreadTeam(Parallelism(threads: threads)))
        let errors = GradientCheck.check(
            layout: layout, inputCount: n, outputCount: n,
            initialize: { layer.initialize($0, random: &$1) },
            forward: { p, x, y in layer.forward(x, into: y, batch: batch, buffers, p) },
            backward: { p, x, dy, dx in layer.backward(x, outputGradient: dy, inputGradient: dx!, batch: batch, buffers, p) })
        expectSmall(errors, "CausalSelfAttention")
    }

    @Test func feedForward() {
        var layout = ParameterLayout()
        let layer = FeedForward("ffn", width: 4, hidden: 6, layout: &layout)
        let arena = Arena<Double>()
        let rows = 5
        let buffers: FeedForwardBuffers<Double> = layer.makeBuffers(rows: rows, arena: arena)
        let errors = GradientCheck.check(
            layout: layout, inputCount: rows * 4, outputCount: rows * 4,
            initialize: { layer.initialize($0, random: &$1) },
            forward: { p, x, y in layer.forward(x, into: y, rows: rows, buffers, p) },
            backward: { p, x, dy, dx in layer.backward(x, outputGradient: dy, inputGradient: dx!, rows: rows, buffers, p) })
        expectSmall(errors, "FeedForward")
    }

    @Test func ssmBlock() {
        var layout = ParameterLayout()
        let block = SSMBlock("block", width: 4, stateSize: 3, hidden: 5, length: 6, layout: &layout)
        let arena = Arena<Double>()
        let batch = 2, n = batch * 6 * 4
        let buffers: SSMBlockBuffers<Double> = block.makeBuffers(batch: batch, arena: arena, team: .serial)
        let errors = GradientCheck.check(
            layout: layout, inputCount: n, outputCount: n,
            initialize: { block.initialize($0, random: &$1) },
            forward: { p, x, y in block.forward(x, into: y, batch: batch, buffers, p) },
            backward: { p, x, dy, dx in block.backward(x, outputGradient: dy, inputGradient: dx!, batch: batch, buffers, p) })
        expectSmall(errors, "SSMBlock")
    }

    @Test func attentionBlock() {
        var layout = ParameterLayout()
        let block = AttentionBlock("block", width: 4, heads: 2, hidden: 5, length: 6, layout: &layout)
        let arena = Arena<Double>()
        let batch = 2, n = batch * 6 * 4
        let buffers: AttentionBlockBuffers<Double> = block.makeBuffers(batch: batch, arena: arena, team: .serial)
        let errors = GradientCheck.check(
            layout: layout, inputCount: n, outputCount: n,
            initialize: { block.initialize($0, random: &$1) },
            forward: { p, x, y in block.forward(x, into: y, batch: batch, buffers, p) },
            backward: { p, x, dy, dx in block.backward(x, outputGradient: dy, inputGradient: dx!, batch: batch, buffers, p) })
        expectSmall(errors, "AttentionBlock")
    }

    @Test func windowedFeedForward() {
        var layout = ParameterLayout()
        let layer = WindowedFeedForward(window: 3, tokenDimension: 2, length: 5, hidden: 6, depth: 2, layout: &layout)
        let arena = Arena<Double>()
        let batch = 2
        let buffers: WindowBuffers<Double> = layer.makeBuffers(batch: batch, arena: arena)
        let errors = GradientCheck.check(
            layout: layout, inputCount: batch * 5 * 2, outputCount: batch * 5, checkInput: false,
            initialize: { layer.initialize($0, random: &$1) },
            forward: { p, x, y in layer.forward(x, into: y, batch: batch, buffers, p) },
            backward: { p, _, dy, _ in layer.backward(outputGradient: dy, batch: batch, buffers, p) })
        expectSmall(errors, "WindowedFeedForward")
    }

    /// The softmax rows are probabilities and vanish above the diagonal (causality).
    @Test func attentionIsCausal() {
        var layout = ParameterLayout()
        let layer = CausalSelfAttention("attn", width: 4, heads: 2, length: 5, layout: &layout)
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
}
