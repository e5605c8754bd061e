/// What the report says about the synthetic target of a check (SPEC §5: "Report the number
/// of terms and ‖f‖₂"): shards carry it so that `ratecalc merge` can refuse to combine runs
/// made against different targets.
public struct CheckTargetSummary: Codable, Sendable, Equatable {
    /// Number of trigonometric terms `ψ_l` with a nonzero coefficient (all blocks with
    /// `γ(s) ≤ T_max`).
    public var termCount: Int
    /// `‖f‖₂² = Σ_l c_l²` (Parseval), the MSE of the zero predictor.
    public var squaredNorm: Double
    /// T_max, the largest `γ(s)` of a block in the target.
    public var level: Double

    /// Creates a summary.
    public init(termCount: Int, squaredNorm: Double, level: Double) {
        self.termCount = termCount
        self.squaredNorm = squaredNorm
        self.level = level
    }

    enum CodingKeys: String, CodingKey {
        case termCount = "terms"
        case squaredNorm = "squared_norm"
        case level
    }
}
