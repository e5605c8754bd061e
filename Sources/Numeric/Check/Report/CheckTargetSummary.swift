/// What the report says about the synthetic target of a check (docs/check.md: "Report the number
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
    /// The target's bias–variance profile: for each level of the basis `{γ(s) ≤ g}` (g running over
    /// the target's distinct γ values, ascending, after the empty basis) its size P and the energy
    /// the basis misses; what the ideal projection risk `R(n)` is computed from (`ProjectionRisk`).
    public var levels: [CheckTargetLevel]

    /// Creates a summary.
    public init(termCount: Int, squaredNorm: Double, level: Double, levels: [CheckTargetLevel] = []) {
        self.termCount = termCount
        self.squaredNorm = squaredNorm
        self.level = level
        self.levels = levels
    }

    /// The summary of a target: its size, norm, level and profile.
    public init(_ target: SyntheticTarget) {
        self.init(termCount: target.termCount, squaredNorm: target.squaredNorm, level: target.level,
                  levels: target.levelProfile())
    }

    enum CodingKeys: String, CodingKey {
        case termCount = "terms"
        case squaredNorm = "squared_norm"
        case level, levels
    }
}

/// One level of a target's profile: the basis `{γ(s) ≤ gamma}` has `basisSize` functions and misses
/// `tailEnergy = Σ_{γ(s) > gamma} ‖δ_s f‖²` of the target (the squared bias of projecting on it).
public struct CheckTargetLevel: Codable, Sendable, Equatable {
    /// The largest γ(s) in the basis (0 for the constant alone; −1 marks the empty basis).
    public var gamma: Double
    /// P: number of basis functions.
    public var basisSize: Int
    /// `‖f − Π_P f‖²`.
    public var tailEnergy: Double

    /// Creates a level.
    public init(gamma: Double, basisSize: Int, tailEnergy: Double) {
        self.gamma = gamma
        self.basisSize = basisSize
        self.tailEnergy = tailEnergy
    }

    enum CodingKeys: String, CodingKey {
        case gamma
        case basisSize = "basis_size"
        case tailEnergy = "tail_energy"
    }
}
