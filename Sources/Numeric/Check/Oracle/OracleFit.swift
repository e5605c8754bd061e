/// How the oracle chooses its level T (basis `{ψ_l : γ(s) < T}`), docs/check.md.
public enum OracleLevelChoice: Sendable, Equatable {
    /// Hold out this fraction of the sequences (seeded permutation), fit every candidate level on
    /// the rest, keep the level with the smallest validation MSE against the noisy targets, then
    /// refit on all sequences.
    case validation(fraction: Double)
    /// Use the basis `γ(s) < T` for this T.
    case fixed(Double)
}

/// The result of one least-squares oracle fit.
public struct OracleFit: Sendable {
    /// `‖ĝ − g‖₂²` exactly by Parseval: `Σ_{l∈basis}(ĉ_l − c_l)² + Σ_{l∈target∖basis} c_l²`.
    public var testMSE: Double
    /// T: the basis is `{ψ_l : γ(s(l)) < T}`.
    public var level: Double
    /// P: number of basis functions.
    public var basisSize: Int
    /// Validation MSE of the chosen level against the noisy held-out targets (`nil` for `.fixed`).
    public var validationMSE: Double?
    /// The fitted coefficients `ĉ_l` in basis order (blocks ascending in `(γ(s), s)`).
    var coefficients: [Double] = []
    /// The basis sizes at which the fit factored its Gram matrices, in order (one for `.fixed`; the
    /// validation search's stages otherwise): what the cost model predicts (`CheckCostModel.oracleStages`).
    var stageSizes: [Int] = []

    /// Creates a fit record.
    public init(testMSE: Double, level: Double, basisSize: Int, validationMSE: Double?) {
        self.testMSE = testMSE
        self.level = level
        self.basisSize = basisSize
        self.validationMSE = validationMSE
    }
}
