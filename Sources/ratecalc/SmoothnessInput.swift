import Bounds

/// Reads `--smoothness`: the finite forms of SPEC §4 (infinite families are added with
/// issue #5).
enum SmoothnessInput {
    static func summary(of text: String, precision: Rational) throws -> SmoothnessSummary {
        SmoothnessSummary(try Smoothness.parse(text))
    }
}
