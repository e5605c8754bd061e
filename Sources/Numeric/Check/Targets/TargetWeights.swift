/// Block weights `w_s` of the synthetic target (docs/check.md): block s gets `‖δ_s f‖₂ = 2^{−γ(s)}·w_s`.
public enum TargetWeights: String, Sendable, Codable, CaseIterable {
    /// `w_s = 1`: every block sits exactly on the boundary of the γ-smooth ball (θ = ∞).
    case unit
    /// `w_s = ∏_k (1 + s_k)^{−1}`: `Σ_s (2^{γ(s)}‖δ_s f‖₂)² = Σ_s ∏_k (1+s_k)^{−2} < ∞`, so the
    /// θ = 2 norm stays finite as `T_max → ∞`.
    case summable

    /// `w_s` for the block `s`.
    func weight(_ s: [Int]) -> Double {
        switch self {
        case .unit: return 1
        case .summable: return s.reduce(1.0) { $0 / Double(1 + $1) }
        }
    }
}
