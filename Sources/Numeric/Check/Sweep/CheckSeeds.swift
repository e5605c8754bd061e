/// Seeds of every random choice of a sweep, derived from the master seed so that any single
/// run can be repeated on its own (and shards agree with an unsharded run):
/// `seed(tag, a, b) = SplitMix64(master ⊕ mix(tag, a, b))`.
public struct CheckSeeds: Sendable {
    /// The master seed (`--seed`).
    public let master: UInt64

    /// Creates the derivation for `master`.
    public init(master: UInt64) { self.master = master }

    /// The target function's coefficients (one target per sweep).
    public var target: UInt64 { derive(1, 0, 0) }
    /// Training data (inputs and noise) of replicate `replicate` at size `n`.
    public func trainingData(n: Int, replicate: Int) -> UInt64 { derive(2, n, replicate) }
    /// The fresh test set of replicate `replicate` (shared by all n, so errors at different n are comparable).
    public func testData(replicate: Int) -> UInt64 { derive(3, 0, replicate) }
    /// Initialisation, validation split and batch order of a neural run, or the oracle's split.
    public func estimator(_ estimator: CheckEstimator, n: Int, replicate: Int) -> UInt64 {
        derive(4 + estimator.seedSalt, n, replicate)
    }

    private func derive(_ tag: UInt64, _ a: Int, _ b: Int) -> UInt64 {
        var z = master ^ (tag &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(a) &* 0xBF58_476D_1CE4_E5B9) ^ (UInt64(b) &* 0x94D0_49BB_1331_11EB)
        z &+= 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
