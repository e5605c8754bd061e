/// The estimators of docs/training-engine.md.
public enum SequenceArchitecture: String, CaseIterable, Codable, Sendable {
    /// Embedding + positional encoding (→ token-wise pre-FNN) → M × {gated diagonal-SSM convolution; FNN}
    /// → readout (NS24: token-wise FNNs before and after the SSM convolutions).
    case ssm
    /// `ssm` with free kernel taps: the same network, but each block's convolution kernel is
    /// `W·D` free parameters `K[k, j]`, j < W (a finite-window LTI convolution with no SSM
    /// structure), initialised to the S4D-Real kernel of the same draw (docs/training-engine.md,
    /// "Free-tap SSM kernel"). It tells the S4D parameterisation apart from the LTI convolution itself.
    case ssmTaps = "ssm-taps"
    /// Embedding + positional encoding (→ token-wise pre-FNN) → M × {causal multi-head softmax attention; FNN}
    /// → readout (TS23).
    case transformer
    /// Fixed-position baseline: ReLU FNN on the flattened window of the last V tokens.
    case fnn
    /// Embedding → C residual dilated causal convolutions (kernel 2, dilation 1, 2, …, 2^{C−1},
    /// receptive field 2^C ≥ V) → M token-wise FNNs → readout (O22 Theorem 14's dilated CNN).
    case cnn

    /// Whether the architecture can start with NS24's token-wise pre-FNN (`ssm`, `transformer`):
    /// the others see a fixed window and have no block to put it before.
    public var takesPreFeedForward: Bool { self == .ssm || self == .ssmTaps || self == .transformer }

    /// Whether its blocks are SSM blocks (`ssm`, `ssm-taps`), whose kernels the mixing window cuts.
    public var hasSSMBlocks: Bool { self == .ssm || self == .ssmTaps }
}

/// Shape of a sequence estimator (docs/training-engine.md): token dimension d, sequence length L, width D,
/// SSM state size N, attention heads, depth M (blocks, or hidden layers for `fnn`),
/// FNN hidden width, the window V of `fnn` and `cnn`, and whether `ssm` and `transformer` put a
/// token-wise FNN between the embedding and the first block (docs/training-engine.md, "Layouts").
public struct SequenceModelConfiguration: Codable, Sendable, Equatable {
    /// Which estimator.
    public var architecture: SequenceArchitecture
    /// d: features per token.
    public var tokenDimension: Int
    /// L: positions per sequence.
    public var sequenceLength: Int
    /// D: model width (default 32).
    public var width: Int
    /// N: diagonal SSM state size per channel (default 16).
    public var stateSize: Int
    /// Attention heads; must divide D (default 4).
    public var heads: Int
    /// M: blocks (ssm, transformer), hidden layers (fnn) or token-wise FNNs after the convolutions (cnn) (default 2).
    public var depth: Int
    /// Hidden width of every FNN (default 64).
    public var hiddenWidth: Int
    /// V: the fnn baseline sees the last V tokens; the cnn's receptive field covers them (default 8).
    public var window: Int
    /// `ssm`, `transformer`: a residual token-wise FNN `h ← h + W₂ ReLU(W₁h + b₁) + b₂` (hidden width
    /// `hiddenWidth`) after the embedding and before the first SSM or attention block, so that a
    /// non-linear function of each token (NS24's importance μ(x)) exists before the first mixing.
    /// Ignored by `fnn` and `cnn`. Default false (model files without the key are the plain layout).
    public var preFeedForward: Bool
    /// W: `ssm` kernels are cut to the lags `0 … W−1` and `transformer` attention sees only the last
    /// W positions `t−W+1 … t` (docs/training-engine.md, "Mixing window"): NS24's LTI SSM convolution
    /// with a finite window, and the same finite window for the attention. nil (the default, and model
    /// files without the key) mixes over the whole causal past. Ignored by `fnn` and `cnn`.
    public var mixingWindow: Int?
    /// The lags an `ssm` kernel or a `transformer` attention row spans: `min(L, W)`, L without a window.
    public var mixingLags: Int { min(sequenceLength, mixingWindow ?? sequenceLength) }

    /// Whether the network built from this configuration has the pre-FNN (`ssm`, `transformer` only).
    public var hasPreFeedForward: Bool {
        preFeedForward && architecture.takesPreFeedForward
    }

    /// K of every `cnn` convolution (WaveNet's kernel size 2).
    public static let convolutionKernel = 2

    /// C: the `cnn`'s convolution layers, the least C ≥ 1 with receptive field 2^C ≥ V
    /// (layer i has dilation 2^i, so the receptive field is 1 + Σ_i (K−1)·2^i = 2^C for K = 2).
    public var convolutionLayers: Int {
        var layers = 1
        while (1 << layers) < window { layers += 1 }
        return layers
    }

    /// Creates a configuration; every field but the first three has the docs/training-engine.md default.
    public init(architecture: SequenceArchitecture, tokenDimension: Int, sequenceLength: Int,
                width: Int = 32, stateSize: Int = 16, heads: Int = 4, depth: Int = 2,
                hiddenWidth: Int = 64, window: Int = 8, preFeedForward: Bool = false, mixingWindow: Int? = nil) {
        self.architecture = architecture
        self.tokenDimension = tokenDimension
        self.sequenceLength = sequenceLength
        self.width = width
        self.stateSize = stateSize
        self.heads = heads
        self.depth = depth
        self.hiddenWidth = hiddenWidth
        self.window = window
        self.preFeedForward = preFeedForward
        self.mixingWindow = mixingWindow
    }

    enum CodingKeys: String, CodingKey {
        case architecture, tokenDimension, sequenceLength, width, stateSize, heads, depth, hiddenWidth, window
        case preFeedForward, mixingWindow
    }

    /// Decodes a configuration; a model file written before the pre-FNN existed has no
    /// `preFeedForward` key and is the plain layout.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        architecture = try c.decode(SequenceArchitecture.self, forKey: .architecture)
        tokenDimension = try c.decode(Int.self, forKey: .tokenDimension)
        sequenceLength = try c.decode(Int.self, forKey: .sequenceLength)
        width = try c.decode(Int.self, forKey: .width)
        stateSize = try c.decode(Int.self, forKey: .stateSize)
        heads = try c.decode(Int.self, forKey: .heads)
        depth = try c.decode(Int.self, forKey: .depth)
        hiddenWidth = try c.decode(Int.self, forKey: .hiddenWidth)
        window = try c.decode(Int.self, forKey: .window)
        preFeedForward = try c.decodeIfPresent(Bool.self, forKey: .preFeedForward) ?? false
        mixingWindow = try c.decodeIfPresent(Int.self, forKey: .mixingWindow)
    }

    /// Throws `EngineError` naming the first field that cannot describe a network.
    public func validate() throws {
        func positive(_ value: Int, _ name: String) throws {
            if value < 1 { throw EngineError("\(name) must be a positive integer, got \(value)") }
        }
        try positive(tokenDimension, "tokenDimension")
        try positive(sequenceLength, "sequenceLength")
        try positive(width, "width")
        try positive(stateSize, "stateSize")
        try positive(heads, "heads")
        try positive(depth, "depth")
        try positive(hiddenWidth, "hiddenWidth")
        try positive(window, "window")
        if let mixingWindow { try positive(mixingWindow, "mixingWindow") }
        if architecture == .transformer && width % heads != 0 {
            throw EngineError("heads (\(heads)) must divide width (\(width))")
        }
    }
}

/// An input the engine cannot use, with a one-line message naming it.
public struct EngineError: Error, CustomStringConvertible, Sendable {
    /// The message, e.g. "heads (3) must divide width (32)".
    public let description: String
    public init(_ description: String) { self.description = description }
}
