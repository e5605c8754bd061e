/// How much of a bound ratecalc encodes (SPEC §1).
public enum Provenance: String, Sendable, Codable {
    /// The formula including its polylog factor and network sizes is the theorem's own
    /// (O22 Thms 7, 9, 10, 13, 14).
    case stated
    /// The main exponent is exact; the source states the bound up to a polylogarithmic
    /// factor whose exponent ratecalc does not encode. Printed as `Õ(n^{-r})`.
    case upToPolylog = "up-to-polylog"
}

/// A paper that ratecalc draws a bound from (SPEC §1).
public struct Source: Sendable, Equatable {
    /// Short key used in every report: `O22`, `TS23`, `NS24`.
    public let key: String
    /// BibTeX-style citation key for LaTeX output.
    public let citationKey: String
    /// Full reference.
    public let reference: String

    /// Okumoto & Suzuki, ICLR 2022.
    public static let o22 = Source(
        key: "O22", citationKey: "okumoto2022learnability",
        reference: "Okumoto & Suzuki, Learnability of convolutional neural networks for infinite dimensional input via mixed and anisotropic smoothness, ICLR 2022")
    /// Takakura & Suzuki, ICML 2023.
    public static let ts23 = Source(
        key: "TS23", citationKey: "takakura2023approximation",
        reference: "Takakura & Suzuki, Approximation and estimation ability of Transformers for sequence-to-sequence functions with infinite dimensional input, ICML 2023")
    /// Nishikawa & Suzuki, arXiv 2405.19036 (ICLR 2025).
    public static let ns24 = Source(
        key: "NS24", citationKey: "nishikawa2024state",
        reference: "Nishikawa & Suzuki, State space models are comparable to Transformers in estimating functions with dynamic smoothness, arXiv 2405.19036 (ICLR 2025)")

    /// All sources, in citation order.
    public static let all: [Source] = [.o22, .ts23, .ns24]
}

/// The theorem that covers one (architecture, class, γ type), or the statement that none
/// does (SPEC §1, issue #2 item 4).
public struct Theorem: Sendable, Equatable {
    /// The paper the theorem is from.
    public let source: Source
    /// The theorem as the source names it. For TS23/NS24 ratecalc names the result by its
    /// content rather than a number, because the numbering differs between the papers'
    /// versions (NS24 v1 vs v2).
    public let name: String
    /// Whether the bound is stated exactly or up to a polylog factor.
    public let provenance: Provenance

    /// The registry: which theorem gives the estimation rate for `architecture` on `functionClass`
    /// with γ type `gamma`; `nil` when no theorem covers the pair (piecewise with CNN).
    ///
    /// - O22 Thm 10 (mixed) / Thm 14 (anisotropic): CNN estimation, stated polylog.
    /// - TS23: Transformer estimation for γ-smooth and piecewise γ-smooth, up to polylog.
    /// - NS24: SSM estimation for γ-smooth and piecewise γ-smooth, up to polylog.
    public static func covering(architecture: Architecture, functionClass: FunctionClass, gamma: GammaType) -> Theorem? {
        switch (architecture, functionClass) {
        case (.cnn, .gammaSmooth):
            return Theorem(source: .o22,
                           name: gamma == .mixed ? "Theorem 10 (estimation, mixed smoothness)" : "Theorem 14 (estimation, anisotropic smoothness)",
                           provenance: .stated)
        case (.cnn, .piecewise):
            return nil
        case (.transformer, .gammaSmooth):
            return Theorem(source: .ts23, name: "estimation theorem for γ-smooth targets", provenance: .upToPolylog)
        case (.transformer, .piecewise):
            return Theorem(source: .ts23, name: "estimation theorem for piecewise γ-smooth targets", provenance: .upToPolylog)
        case (.ssm, .gammaSmooth):
            return Theorem(source: .ns24, name: "estimation theorem for γ-smooth targets", provenance: .upToPolylog)
        case (.ssm, .piecewise):
            return Theorem(source: .ns24, name: "estimation theorem for piecewise γ-smooth targets (dynamic smoothness)", provenance: .upToPolylog)
        }
    }
}
