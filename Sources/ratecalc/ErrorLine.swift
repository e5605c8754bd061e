import ArgumentParser
import Bounds
import Foundation

/// The one place that turns an error into ratecalc's single stderr line: `ratecalc: …`.
///
/// Argument-parser messages (multi-line, with usage) are cut to their first line (numeric
/// options take the next word whatever it is, so `--seeds -1` reaches the library's
/// "must be a positive integer"); every echoed argument and token is escaped
/// (``SafeText``: `\n`, `\r`, U+2028, bidi controls become visible) and long tokens are
/// cut to an excerpt with their length.
enum ErrorLine {
    /// The line (without the trailing newline) for `error`, given the process arguments.
    static func text(for error: Error, arguments: [String]) -> String {
        var message = FlagNames.message(for: error) ?? Ratecalc.fullMessage(for: error)
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
}

extension ValidationError {
    /// Throws `<flag> must be a positive integer, got <value>` (the library's wording for its own
    /// counts, `CheckSettingsError`) unless `value` is nil or ≥ 1.
    static func requirePositive(_ value: Int?, _ flag: String) throws {
        if let value, value < 1 { throw ValidationError("\(flag) must be a positive integer, got \(value)") }
    }
}
