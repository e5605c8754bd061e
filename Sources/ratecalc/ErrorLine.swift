import ArgumentParser
import Bounds
import Foundation

/// The one place that turns an error into ratecalc's single stderr line: `ratecalc: …`.
///
/// Argument-parser messages (multi-line, with usage) are cut to their first line; a value
/// that the parser took for an option because it starts with `-` (`--precision -1`)
/// is reported as "must be positive"; every echoed argument and token is escaped
/// (``SafeText``: `\n`, `\r`, U+2028, bidi controls become visible) and long tokens are
/// cut to an excerpt with their length.
enum ErrorLine {
    /// The line (without the trailing newline) for `error`, given the process arguments.
    static func text(for error: Error, arguments: [String]) -> String {
        var message = FlagNames.message(for: error) ?? Ratecalc.fullMessage(for: error)
        if let negative = negativeValue(in: message, arguments: arguments) { return "ratecalc: " + negative }
        // Arguments with line breaks or controls are escaped before the message is cut
        // at its first line, so that a token's own newline does not end the message.
        for argument in Set(arguments) where SafeText.escaped(argument) != argument && !argument.isEmpty {
            message = message.replacingOccurrences(of: argument, with: SafeText.escaped(argument))
        }
        let firstLine = message.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" })
            .first.map { String(String.UnicodeScalarView($0)) } ?? "\(error)"
        var line = firstLine.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
        return "ratecalc: " + SafeText.line(line)
    }

    /// `--seeds -1: must be positive` for the parser's "Missing value for '--seeds …'" when
    /// the word after the option is a negative number.
    static func negativeValue(in message: String, arguments: [String]) -> String? {
        guard let range = message.range(of: "Missing value for '") else { return nil }
        let option = String(message[range.upperBound...].prefix { $0 != " " && $0 != "'" && $0 != "<" })
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        let value = arguments[index + 1]
        guard value.hasPrefix("-"), isNegativeNumber(value) else { return nil }
        return "\(option) \(SafeText.quoted(value)): must be positive"
    }

    /// `-1`, `-0.5`, `-1/2`, `-1e3`: a minus sign and then a number (or i/N for --shard).
    private static func isNegativeNumber(_ text: String) -> Bool {
        let body = text.dropFirst()
        if (try? Rational(parsing: String(body))) != nil { return true }
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}

extension ValidationError {
    /// Throws `<flag> must be a positive integer, got <value>` (the library's wording for its own
    /// counts, `CheckSettingsError`) unless `value` is nil or ≥ 1.
    static func requirePositive(_ value: Int?, _ flag: String) throws {
        if let value, value < 1 { throw ValidationError("\(flag) must be a positive integer, got \(value)") }
    }
}
