/// Splits a block's argument text into words the way a POSIX shell does for plain words:
/// whitespace separates, `'…'` is literal, `"…"` allows `\"` and `\\`, and `\` escapes the
/// next character outside quotes. No expansion of any kind happens and no shell runs, so
/// shell syntax that would run something — `;`, `&`, `|`, `<`, `>`, `` ` `` and `$(` outside
/// single quotes — is refused rather than passed on as text (quote it to mean the text).
enum ShellWords {
    /// A quote that is never closed, a trailing backslash, or shell syntax.
    struct SplitError: Error, CustomStringConvertible {
        let description: String
    }

    /// Characters that end or redirect a command in a shell.
    static let operators: Set<Unicode.Scalar> = [";", "&", "|", "<", ">"]

    static func split(_ text: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func take() -> Unicode.Scalar? {
            defer { index += 1 }
            return index < scalars.count ? scalars[index] : nil
        }
        /// `` ` `` or `$(` at `scalar` (just taken): command substitution in a shell.
        func refuseSubstitution(_ scalar: Unicode.Scalar) throws {
            if scalar == "`" { throw shellSyntax("`") }
            if scalar == "$", index < scalars.count, scalars[index] == "(" { throw shellSyntax("$(") }
        }
        while let scalar = take() {
            switch scalar {
            case " ", "\t", "\r", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                while true {
                    guard let quoted = take() else { throw SplitError(description: "unclosed ' in the arguments") }
                    if quoted == "'" { break }
                    current.unicodeScalars.append(quoted)
                }
            case "\"":
                inWord = true
                while true {
                    guard let quoted = take() else { throw SplitError(description: "unclosed \" in the arguments") }
                    if quoted == "\"" { break }
                    try refuseSubstitution(quoted)
                    if quoted == "\\" {
                        guard let escaped = take() else { throw SplitError(description: "unclosed \" in the arguments") }
                        if escaped != "\"" && escaped != "\\" { current.unicodeScalars.append(quoted) }
                        current.unicodeScalars.append(escaped)
                    } else {
                        current.unicodeScalars.append(quoted)
                    }
                }
            case "\\":
                guard let escaped = take() else { throw SplitError(description: "a trailing \\ in the arguments") }
                inWord = true
                current.unicodeScalars.append(escaped)
            default:
                if operators.contains(scalar) { throw shellSyntax(String(scalar)) }
                try refuseSubstitution(scalar)
                inWord = true
                current.unicodeScalars.append(scalar)
            }
        }
        if inWord { words.append(current) }
        return words
    }

    private static func shellSyntax(_ token: String) -> SplitError {
        SplitError(description: "\(token) is shell syntax, but a note runs no shell: quote it ('…') if it is part of a value")
    }
}
