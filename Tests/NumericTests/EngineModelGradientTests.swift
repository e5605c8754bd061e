import Testing
@testable import Numeric

/// Whole-model gradients (masked MSE loss, every parameter tensor) against central finite
/// differences in Float64, relative error < 1e-6.
@Suite struct EngineModelGradientTests {
    /// Every architecture in the plain layout, and ssm and transformer with NS24's pre-FNN, without
    /// and with a mixing window of 3 lags (0 stands for none).
    static let layouts: [(SequenceArchitecture, Bool, Int)] = SequenceArchitecture.allCases.map { ($0, false, 0) }
        + [(.ssm, true, 0), (.transformer, true, 0), (.ssm, true, 3), (.transformer, true, 3), (.ssmTaps, true, 3)]

    @Test(arguments: layouts)
    func wholeModel(architecture: SequenceArchitecture, preFeedForward: Bool, mixingWindow: Int) throws {
        let configuration = SequenceModelConfiguration(
            architecture: architecture, tokenDimension: 2, sequenceLength: 6,
            width: 4, stateSize: 3, heads: 2, depth: 2, hiddenWidth: 5, window: 3, preFeedForward: preFeedForward,
            mixingWindow: mixingWindow > 0 ? mixingWindow : nil)
        let network = SequenceNetwork<Double>(configuration, seed: 7)
        let batch = 3, first = 2
        let workspace = network.makeWorkspace(batch: batch, team: .serial)
        var random = RandomSource(seed: 11)
        for i in 0..<network.layout.count { network.parameters[i] += 0.1 * random.normal() }
        for i in 0..<(batch * 6 * 2) { workspace.input[i] = random.uniform() }
        for i in 0..<(batch * 6) { workspace.targets[i] = random.normal() }
        func loss(gradient: UnsafeMutablePointer<Double>?) -> Double {
            network.forward(batch: batch, workspace)
            return MeanSquaredLoss.evaluate(predictions: workspace.output, targets: workspace.targets, batch: batch,
                                            length: 6, firstTargetPosition: first, gradient: gradient)
        }
        _ = loss(gradient: workspace.outputGradient)
        workspace.zeroGradients()
        network.backward(batch: batch, workspace)
        // Positions before `first` carry no target, so their outputs must not receive gradient.
        for b in 0..<batch { for t in 0..<first { #expect(workspace.outputGradient[b * 6 + t] == 0) } }
        let values = network.parameters.baseAddress!
        for tensor in network.layout.tensors {
            let range = tensor.offset..<(tensor.offset + tensor.count)
            let numeric = GradientCheck.numericGradient(values, range) { loss(gradient: nil) }
            let analytic = Array(UnsafeBufferPointer(start: workspace.gradients + tensor.offset, count: tensor.count))
            let error = GradientCheck.relativeError(analytic, numeric)
            #expect(error < 1e-6, "\(architecture) \(tensor.name): relative error \(error)")
            #expect(analytic.contains { $0 != 0 }, "\(architecture) \(tensor.name): zero gradient")
        }
    }

    /// The parameter table matches the documented tensor list (docs/model-format.md).
    @Test func parameterCountsMatchPyTorchReference() {
        // Canonical configuration; bench/torch_train_step.py and bench/jax_train_step.py report the same (BenchScriptTests).
        let ssm = SequenceNetwork<Float>(SequenceModelConfiguration(architecture: .ssm, tokenDimension: 1, sequenceLength: 32), seed: 0)
        let transformer = SequenceNetwork<Float>(SequenceModelConfiguration(architecture: .transformer, tokenDimension: 1, sequenceLength: 32), seed: 0)
        #expect(ssm.layout.count == 16865)
        // ssm-taps: each block's 32 + 3·32·16 S4D parameters become 32·32 taps.
        let taps = SequenceNetwork<Float>(SequenceModelConfiguration(architecture: .ssmTaps, tokenDimension: 1, sequenceLength: 32), seed: 0)
        #expect(taps.layout.count == 16865 - 2 * (32 + 3 * 32 * 16) + 2 * 32 * 32)
        #expect(taps.layout.tensors.map(\.name).contains("blocks.0.conv.taps"))
        #expect(!taps.layout.tensors.map(\.name).contains("blocks.0.conv.B"))
        #expect(transformer.layout.count == 17953)
        // cnn: embed 64 + 3 convolutions (V = 8) × (2·32·32 + 32) + 2 FNNs × 4192 + readout 33.
        let cnn = SequenceNetwork<Float>(SequenceModelConfiguration(architecture: .cnn, tokenDimension: 1, sequenceLength: 32), seed: 0)
        #expect(cnn.layout.count == 14721)
        #expect(cnn.layout.tensors.map(\.name).prefix(4) == ["embed.weight", "embed.bias", "conv.0.weight", "conv.0.bias"])
    }

    /// ssm-taps starts as the ssm's function: with the same seed every other tensor gets the same
    /// draws and the taps are the S4D kernel those draws give, so the outputs agree bit for bit
    /// (whole past and a window of 3 lags).
    @Test(arguments: [0, 3])
    func freeTapsStartAsTheSSMKernel(mixingWindow: Int) {
        func outputs(_ architecture: SequenceArchitecture) -> [Float] {
            let configuration = SequenceModelConfiguration(architecture: architecture, tokenDimension: 2, sequenceLength: 6, width: 4,
                                                           stateSize: 3, depth: 2, hiddenWidth: 5, preFeedForward: true,
                                                           mixingWindow: mixingWindow > 0 ? mixingWindow : nil)
            let network = SequenceNetwork<Float>(configuration, seed: 5)
            let workspace = network.makeWorkspace(batch: 2, team: .serial)
            var random = RandomSource(seed: 3)
            for i in 0..<(2 * 6 * 2) { workspace.input[i] = Float(random.uniform()) }
            network.forward(batch: 2, workspace)
            return Array(UnsafeBufferPointer(start: workspace.output, count: 2 * 6))
        }
        let ssm = outputs(.ssm), taps = outputs(.ssmTaps)
        #expect(ssm.map(\.bitPattern) == taps.map(\.bitPattern))
        #expect(ssm.contains { $0 != 0 })
    }

    /// The pre-FNN adds one D → hidden → D FNN (2·32·64 + 64 + 32 = 4,192 parameters) between the
    /// positional table and the first block, and only to ssm and transformer.
    @Test func preFeedForwardLayout() {
        for architecture in [SequenceArchitecture.ssm, .transformer] {
            let plain = SequenceNetwork<Float>(SequenceModelConfiguration(architecture: architecture, tokenDimension: 1, sequenceLength: 32), seed: 0)
            let pre = SequenceNetwork<Float>(SequenceModelConfiguration(architecture: architecture, tokenDimension: 1, sequenceLength: 32,
                                                                        preFeedForward: true), seed: 0)
            #expect(pre.layout.count == plain.layout.count + 4192)
            #expect(pre.layout.tensors.map(\.name).prefix(7) == ["embed.weight", "embed.bias", "pos", "pre.fc1.weight", "pre.fc1.bias",
                                                                 "pre.fc2.weight", "pre.fc2.bias"])
        }
        for architecture in [SequenceArchitecture.cnn, .fnn] {
            let plain = SequenceNetwork<Float>(SequenceModelConfiguration(architecture: architecture, tokenDimension: 1, sequenceLength: 32), seed: 0)
            let pre = SequenceNetwork<Float>(SequenceModelConfiguration(architecture: architecture, tokenDimension: 1, sequenceLength: 32,
                                                                        preFeedForward: true), seed: 0)
            #expect(pre.layout.count == plain.layout.count)
        }
    }
}
