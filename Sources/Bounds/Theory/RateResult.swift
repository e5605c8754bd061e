import Foundation

/// The theory's answer for one (γ type, architecture, class): the quantities of docs/formulas.md, the
/// covering theorem with its provenance, and the conditions (docs/json-schema.md, `results[i]`).
public struct RateResult: Sendable {
    /// The γ type (mixed or anisotropic).
    public let gamma: GammaType
    /// The estimator architecture.
    public let architecture: Architecture
    /// The function class of the target.
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
    /// Where a polylog exponent comes from.
    public enum Origin: String, Sendable {
        /// O22 Thm 10's `κ = 2/q + 2 + max(4/q, 4)`.
        case stated
        /// Given by the user with `--log-exponent`.
        case userSupplied = "user-supplied"
    }
    /// The exponent k of `(log n)^k`.
    public let value: Rational
    /// Stated by the source or supplied by the user.
    public let origin: Origin
}

/// The bound's main term and level at a concrete sample size (`--n N`). These are real
/// numbers (powers and logarithms), held by certified enclosures of rationals so that any
/// representable n evaluates (no floating-point overflow).
public struct EvaluationAtSampleSize: Sendable {
    /// The sample size n.
    public let n: Rational
    /// `n^{-r}` (midpoint of r for enclosures).
    public let mainTerm: PositiveMagnitude
    /// `n^{-r} (ln n)^k` when the log exponent k is known (nil also when n is so close to 1
    /// that `ln n` is not resolved).
    public let mainTermWithLog: PositiveMagnitude?
    /// `T(n) = c · log₂ n`, enclosed: `log₂ n = log10 n / log10 2` with both logarithms
    /// enclosed (``Rational/log10Enclosure()``).
    public let level: CertifiedValue

    /// Evaluates the main term and the level at n > 1 for a rate exponent r, a level
    /// coefficient c and an optional polylog exponent k.
    public init(n: Rational, rate: Rational, levelCoefficient c: Rational, logExponent k: Rational?) {
        self.n = n
        let mainTerm = PositiveMagnitude.power(n, -rate)
        self.mainTerm = mainTerm
        let (low, high) = n.log10Enclosure()
        // log10 (ln n) = log10(log10 n) + log10(ln 10).
        let lnTen = Rational.exactDecimal(Foundation.log10(2.302585092994046))
        if let k, low.signum > 0 {
            let inner = PositiveMagnitude(log10Lower: low.log10Enclosure().lower + lnTen - Rational.logarithmMargin,
                                          log10Upper: high.log10Enclosure().upper + lnTen + Rational.logarithmMargin)
            let logFactor = PositiveMagnitude(log10Lower: k * inner.log10Lower, log10Upper: k * inner.log10Upper)
            mainTermWithLog = mainTerm.multiplied(by: logFactor)
        } else {
            mainTermWithLog = nil
        }
        let logTwo = Rational.exactDecimal(Foundation.log10(2.0))
        let twoLow = logTwo - Rational.logarithmMargin, twoHigh = logTwo + Rational.logarithmMargin
        let lowerLog2 = low.signum >= 0 ? low / twoHigh : low / twoLow
        let upperLog2 = high / twoLow
        level = CertifiedValue(lower: c * Rational.maximum(lowerLog2, .zero), upper: c * upperLog2)
    }
}
