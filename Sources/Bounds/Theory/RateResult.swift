/// The theory's answer for one (γ type, architecture, class): the quantities of docs/formulas.md, the
/// covering theorem with its provenance, and the conditions (docs/json-schema.md, `results[i]`).
public struct RateResult: Sendable {
    public let gamma: GammaType
    public let architecture: Architecture
    public let functionClass: FunctionClass
    /// The covering theorem; `nil` when none covers this architecture and class.
    public let theorem: Theorem?
    /// Effective smoothness a† (docs/formulas.md).
    public let aDagger: CertifiedValue
    /// `ã = Σ 1/a_k` (anisotropic only).
    public let aTilde: CertifiedValue?
    /// `v = (1/p − 1/2)_+`.
    public let v: Rational
    /// `r = 2(a†−v)/(2(a†−v)+1)`; nil when `a† ≤ v` or no theorem covers the pair.
    public let rateExponent: CertifiedValue?
    /// `T(n) = c · log₂ n`, `c = a†/(2(a†−v)+1)` (O22 Thm 10).
    public let levelCoefficient: CertifiedValue?
    /// `1/r`, so that `n(ε) ≍ ε^{-1/r}`.
    public let samplesExponent: CertifiedValue?
    /// `1 − v/a†`: `‖f − f'‖₂ ≲ 2^{-(1−v/a†)T}` (O22 Thms 9, 13).
    public let approximationExponent: CertifiedValue?
    /// The exponent k of the polylog factor `(log n)^k`, when known.
    public let logExponent: LogExponent?
    /// Every hypothesis, decided exactly.
    public let conditions: [Condition]
    /// Why the theorem does not apply, or other remarks.
    public let notes: [String]
    /// The bound evaluated at a sample size, when `--n` was given.
    public let evaluation: EvaluationAtSampleSize?
    /// O22 Thm 9's network sizes in terms of n (CNN with `--q` only).
    public let networkSize: NetworkSizeScaling?

    /// The theorems whose hypotheses all hold, so that the rate is proven: the covering
    /// theorem when every required condition holds, narrowed to the alternatives (O22
    /// Theorem 10, Theorem 14) whose own conditions hold. Empty: the bound is not proven.
    public var provenBy: [String] {
        guard let theorem, conditions.allSatisfy({ !$0.required || $0.isSatisfied }) else { return [] }
        if theorem.alternatives.isEmpty { return [theorem.name] }
        return theorem.alternatives.filter { alternative in
            conditions.filter { $0.hypothesisOf == alternative }.allSatisfy(\.isSatisfied)
        }
    }

    /// Whether a theorem covers the pair and its hypotheses hold (``provenBy`` is not empty).
    public var theoremApplies: Bool { !provenBy.isEmpty }
}

/// The exponent of a polylog factor and where it comes from (never invented; docs/formulas.md).
public struct LogExponent: Sendable, Equatable {
    public enum Origin: String, Sendable {
        /// O22 Thm 10's `κ = 2/q + 2 + max(4/q, 4)`.
        case stated
        /// Given by the user with `--log-exponent`.
        case userSupplied = "user-supplied"
    }
    public let value: Rational
    public let origin: Origin
}

/// The bound's main term and level at a concrete sample size (`--n N`). These are real
/// numbers (powers and logarithms), so they are decimals, not exact rationals.
public struct EvaluationAtSampleSize: Sendable {
    /// The sample size n.
    public let n: Rational
    /// `n^{-r}` (midpoint of r for enclosures).
    public let mainTerm: Double
    /// `n^{-r} (log n)^k` when the log exponent k is known.
    public let mainTermWithLog: Double?
    /// `T(n) = c · log₂ n`.
    public let level: Double
}
