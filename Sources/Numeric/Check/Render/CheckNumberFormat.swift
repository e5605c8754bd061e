import Foundation

/// Number formatting shared by the check report's text, markdown, LaTeX and SVG outputs
/// (JSON and CSV print full-precision values instead).
public enum CheckNumberFormat {
    /// Four significant digits, trailing zeros dropped (`%.4g`): `0.5333`, `0.41`, `1.31e-05`;
    /// `—` when not finite.
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        return String(format: "%.4g", value)
    }

    /// `[0.41, 0.57]`.
    public static func interval(_ range: ClosedRange<Double>) -> String {
        "[\(short(range.lowerBound)), \(short(range.upperBound))]"
    }

    /// The shortest decimal that reads back as the same double (Swift's `description`),
    /// for CSV cells; `nan`, `inf` or `-inf` when not finite.
    public static func exact(_ value: Double) -> String {
        value.isFinite ? "\(value)" : (value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
    }
}
