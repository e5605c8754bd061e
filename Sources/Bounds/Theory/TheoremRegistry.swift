/// How much of a bound ratecalc encodes (docs/formulas.md).
public enum Provenance: String, Sendable, Codable {
    /// The formula including its polylog factor and network sizes is the theorem's own
    /// (O22 Thms 7, 9, 10, 13, 14).
    case stated
    /// The main exponent is exact; the source states the bound up to a polylogarithmic
    /// factor whose exponent ratecalc does not encode. Printed as `Õ(n^{-r})`.
    case upToPolylog = "up-to-polylog"
}

/// A paper that ratecalc draws a bound from (docs/formulas.md).
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
/// does (docs/formulas.md, "Theorem registry").
public struct Theorem: Sendable, Equatable {
    public let source: Source
    /// The theorem as the source names it. For TS23/NS24 ratecalc names the result by its
    /// content rather than a number, because the numbering differs between the papers'
    /// versions (NS24 v1 vs v2).
    public let name: String
    public let provenance: Provenance
    /// Theorems of the source that each give the rate under their own hypothesis
    /// (conditions with ``Condition/hypothesisOf`` naming them); empty when the result
    /// has one theorem whose hypotheses are the required conditions.
    public let alternatives: [String]
    /// The optional argument of `\cite[…]{key}` (e.g. `Thms.~10, 14`), when the theorem has a number.
    public let citationDetail: String?

    public init(source: Source, name: String, provenance: Provenance, alternatives: [String] = [], citationDetail: String? = nil) {
        self.source = source
        self.name = name
        self.provenance = provenance
        self.alternatives = alternatives
        self.citationDetail = citationDetail
    }

    /// O22's Theorem 10: the CNN estimation rate for both mixed and anisotropic smoothness
    /// under Assumption 8 (ordinary CNN).
    public static let o22OrdinaryCNN = "Theorem 10"
    /// O22's Theorem 14: the same rate for both cases under Assumption 12 (dilated CNN,
    /// depth ∝ log n).
    public static let o22DilatedCNN = "Theorem 14"

    /// The registry: which theorem gives the estimation rate for `architecture` on `functionClass`
    /// with γ type `gamma`; `nil` when no theorem covers the pair (piecewise with CNN).
    /// O22's numbering is that of the ICLR 2022 version.
    ///
    /// - O22 Theorem 10 (ordinary CNN, Assumption 8) and Theorem 14 (dilated CNN,
    ///   Assumption 12): each gives the rate for mixed **and** anisotropic smoothness,
    ///   with a stated polylog factor; either suffices.
    /// - TS23: Transformer estimation for γ-smooth and piecewise γ-smooth, up to polylog.
    /// - NS24: SSM estimation for γ-smooth and piecewise γ-smooth, up to polylog.
    public static func covering(architecture: Architecture, functionClass: FunctionClass, gamma: GammaType) -> Theorem? {
        switch (architecture, functionClass) {
        case (.cnn, .gammaSmooth):
            return Theorem(source: .o22,
                           name: "Theorem 10 (CNN, Assumption 8) or Theorem 14 (dilated CNN, Assumption 12)",
                           provenance: .stated, alternatives: [o22OrdinaryCNN, o22DilatedCNN], citationDetail: "Thms.~10, 14")
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
