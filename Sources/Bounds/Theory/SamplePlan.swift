/// Sample-size planning: the sample size at which the bound's main term
/// reaches a target error ε, `n(ε) ≍ ε^{-1/r}` with the exact exponent `1/r =
/// (2(a†−v)+1)/(2(a†−v))` (docs/formulas.md, inversion of the rate).
///
/// `n(ε)` is a real number held by a certified enclosure of its decimal logarithm
/// (``PositiveMagnitude``), so any ε renders; the constants and polylog factors of the
/// theorems are not known, so it is an order of magnitude, not a guarantee.
public struct SamplePlan: Sendable {
    /// The theory report the plan inverts.
    public let report: RateReport
    /// Target errors ε, each in (0, 1).
    public let errors: [Rational]

    /// The target errors a plan uses when the caller names none: ε = 10^−1, 10^−2, 10^−3.
    public static let defaultErrors = [Rational(1, 10), Rational(1, 100), Rational(1, 1000)]

    /// - Throws: ``RateRequestError`` if an ε is not in (0, 1) or no ε is given.
    public init(report: RateReport, errors: [Rational] = defaultErrors) throws {
        guard !errors.isEmpty else {
            throw RateRequestError(field: .error, value: "(none)", expected: "at least one target error ε in (0, 1)")
        }
        if let bad = errors.first(where: { $0.signum <= 0 || $0 >= .one }) {
            throw RateRequestError(field: .error, rejected: bad, expected: "a target error ε with 0 < ε < 1")
        }
        self.report = report
        self.errors = errors
    }

    /// `ε^{-1/r}` for a result (nil when the rate is undefined). For an enclosure of 1/r
    /// the upper end is used (the conservative, larger n).
    public func sampleSize(for result: RateResult, error: Rational) -> PositiveMagnitude? {
        guard let samples = result.samplesExponent else { return nil }
        return PositiveMagnitude.power(error, -samples.upper)
    }
}
