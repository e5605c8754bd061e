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
        var message = foldingValueList(FlagNames.message(for: error) ?? Ratecalc.fullMessage(for: error))
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

    /// Argument-parser lists six or more accepted values of a bad argument as bullets on lines of
    /// their own (". Please provide one of the following:\n  - ssm\n  - ssm-taps …"), which the cut
    /// to the first line would drop; they are folded into the one-line form it uses for fewer
    /// values: ". Please provide one of 'ssm', 'ssm-taps', … or 'oracle'.".
    static func foldingValueList(_ message: String) -> String {
        let marker = ". Please provide one of the following:"
        guard let start = message.range(of: marker) else { return message }
        var lines = message[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        var values: [String] = []
        while let line = lines.first, line.hasPrefix("  - ") {
            values.append("'\(line.dropFirst(4))'")
            lines.removeFirst()
        }
        guard let last = values.last else { return message }
        let list = values.count == 1 ? last : values.dropLast().joined(separator: ", ") + " or " + last
        return ([message[..<start.lowerBound] + ". Please provide one of \(list)."] + lines.map(String.init)).joined(separator: "\n")
    }
}

extension ValidationError {
    /// Throws `<flag> must be a positive integer, got <value>` (the library's wording for its own
    /// counts, `CheckSettingsError`) unless `value` is nil or ≥ 1.
    static func requirePositive(_ value: Int?, _ flag: String) throws {
        if let value, value < 1 { throw ValidationError("\(flag) must be a positive integer, got \(value)") }
    }
}
