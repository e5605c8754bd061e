/// Splits a block's argument text into words the way a POSIX shell does for plain words:
/// whitespace separates, `'…'` is literal, `"…"` allows `\"` and `\\`, and `\` escapes the
/// next character outside quotes. No expansion of any kind happens.
enum ShellWords {
    /// A quote that is never closed, or a trailing backslash.
    struct SplitError: Error, CustomStringConvertible {
        let description: String
    }

    static func split(_ text: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case " ", "\t", "\r", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                while true {
                    guard let next = iterator.next() else { throw SplitError(description: "unclosed ' in the arguments") }
                    if next == "'" { break }
                    current.unicodeScalars.append(next)
                }
            case "\"":
                inWord = true
                while true {
                    guard let next = iterator.next() else { throw SplitError(description: "unclosed \" in the arguments") }
                    if next == "\"" { break }
                    if next == "\\" {
                        guard let escaped = iterator.next() else { throw SplitError(description: "unclosed \" in the arguments") }
                        if escaped != "\"" && escaped != "\\" { current.unicodeScalars.append(next) }
                        current.unicodeScalars.append(escaped)
                    } else {
                        current.unicodeScalars.append(next)
                    }
                }
            case "\\":
                guard let escaped = iterator.next() else { throw SplitError(description: "a trailing \\ in the arguments") }
                inWord = true
                current.unicodeScalars.append(escaped)
            default:
                inWord = true
                current.unicodeScalars.append(scalar)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
