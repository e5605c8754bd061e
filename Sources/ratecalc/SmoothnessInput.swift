import Bounds

/// Reads `--smoothness`: the finite forms of docs/limits.md (`1,2,4`, `1,2;3,4`) or a sequence
/// continued by an infinite family (`poly(c=1,q=2)`, `1,2,geom(c=4,r=2)`).
enum SmoothnessInput {
    /// The summary the theory needs; enclosures of width at most `precision`.
    static func summary(of text: String, precisionText: String) throws -> SmoothnessSummary {
        let precision = try exactOption("--precision", precisionText)
        guard precision.signum > 0, precision < .one,
              precision >= Rational(BigInt(1), BigInt.powerOfTen(1000)) else {
            throw OptionValueError(option: "--precision", problem: "\(SafeText.quoted(precisionText)): " + (precision.signum <= 0 ? "must be positive, " : "") + "expected a width with 1e-1000 ≤ width < 1")
        }
        if SmoothnessSequence.looksLikeFamily(text) {
            return try SmoothnessSequence.parse(text).summary(width: precision)
        }
        return SmoothnessSummary(try Smoothness.parse(text))
    }
}
