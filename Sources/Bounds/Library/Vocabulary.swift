/// The two ways of combining a smoothness vector into a γ function (docs/formulas.md, O22 §3).
public enum GammaType: String, CaseIterable, Sendable, Codable {
    /// Mixed smoothness `γ(s) = Σ_k a_k s_k`; effective smoothness `a† = ā_1`.
    case mixed
    /// Anisotropic smoothness `γ(s) = max_k a_k s_k`; effective smoothness
    /// `a† = (Σ_k 1/a_k)^{-1}`.
    case anisotropic
}

/// The function class of the target (docs/formulas.md).
public enum FunctionClass: String, CaseIterable, Sendable, Codable {
    /// The γ-smooth class `F^γ_{p,θ}` (O22): fixed, position-dependent smoothness.
    case gammaSmooth = "gamma-smooth"
    /// Piecewise γ-smooth (TS23, NS24): the smoothness follows tokens ranked by an
    /// importance function, i.e. it depends on the input (dynamic smoothness).
    case piecewise = "piecewise-gamma-smooth"
}

/// The estimator architectures whose rates the papers prove (docs/formulas.md).
public enum Architecture: String, CaseIterable, Sendable, Codable {
    /// State space models: SSM convolution layers with token-wise FNNs (NS24).
    case ssm
    /// Transformers: self-attention with token-wise FNNs (TS23).
    case transformer
    /// Dilated CNNs / FNNs of O22 (γ-smooth class only).
    case cnn

    /// Display name for reports.
    public var displayName: String {
        switch self {
        case .ssm: return "SSM"
        case .transformer: return "Transformer"
        case .cnn: return "CNN"
        }
    }
}
