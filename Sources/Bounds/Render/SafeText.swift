/// Text echoed back to a terminal in error lines: control characters, line and paragraph
/// separators and bidirectional controls are shown as visible escapes (`\n`, `\r`,
/// `\u{1B}`, `\u{202E}`), so that an error is always one line and cannot restyle or
/// reorder the terminal; long tokens are cut to a short excerpt that says their length.
public enum SafeText {
    /// The most characters of one token an error line shows.
    public static let maximumTokenLength = 48

    /// `text` with every unsafe Unicode scalar escaped. Works on scalars, not Characters
    /// (Swift's `"\r\n"` is one Character, which a Character-based split misses).
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isUnsafe(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Escaped, quoted and cut to an excerpt: `'12'`, or
    /// `'10000000000000000000000000000000…00000000' (100003 characters)`.
    public static func quoted(_ token: String) -> String {
        let scalars = Array(escaped(token).unicodeScalars)
        guard scalars.count > maximumTokenLength else { return "'" + String(String.UnicodeScalarView(scalars)) + "'" }
        let head = String(String.UnicodeScalarView(scalars.prefix(32)))
        let tail = String(String.UnicodeScalarView(scalars.suffix(8)))
        return "'\(head)…\(tail)' (\(token.unicodeScalars.count) characters)"
    }

    /// The longest word (a file path, a number) a whole error line keeps.
    public static let maximumWordLength = 160

    /// A whole message made safe: escaped, and every word (run without spaces) longer than
    /// ``maximumWordLength`` cut to an excerpt, e.g. a 10,000-digit number.
    public static func line(_ message: String) -> String {
        escaped(message).split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let scalars = Array(word.unicodeScalars)
            guard scalars.count > maximumWordLength else { return String(word) }
            return String(String.UnicodeScalarView(scalars.prefix(40))) + "…" + String(String.UnicodeScalarView(scalars.suffix(16)))
                + " (\(scalars.count) characters)"
        }.joined(separator: " ")
    }

    /// Control characters (C0, DEL, C1), line/paragraph separators, and format characters
    /// (general category Cf: bidi overrides and isolates, zero-width characters, BOM).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }
}
