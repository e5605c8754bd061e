/// One line of a note with its own line ending (`"\n"`, `"\r\n"`, or `""` for a last line
/// without one), so that joining the lines gives back the file byte for byte.
struct NoteLine: Equatable, Sendable {
    var content: String
    var ending: String

    /// Splits at `\n` bytes, keeping a `\r` before it as part of the ending. (Swift treats
    /// `\r\n` as one Character, so this works on the UTF-8 bytes.)
    static func split(_ text: String) -> [NoteLine] {
        let bytes = Array(text.utf8)
        var lines: [NoteLine] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            let crlf = index > start && bytes[index - 1] == UInt8(ascii: "\r")
            let end = crlf ? index - 1 : index
            lines.append(NoteLine(content: String(decoding: bytes[start..<end], as: UTF8.self), ending: crlf ? "\r\n" : "\n"))
            start = index + 1
        }
        if start < bytes.count {
            lines.append(NoteLine(content: String(decoding: bytes[start...], as: UTF8.self), ending: ""))
        }
        return lines
    }

    /// The inverse of ``split(_:)``.
    static func join(_ lines: [NoteLine]) -> String {
        lines.map { $0.content + $0.ending }.joined()
    }

    /// The ending generated lines get: `\r\n` when most lines of the file end so, else `\n`.
    static func dominantEnding(_ lines: [NoteLine]) -> String {
        let crlf = lines.filter { $0.ending == "\r\n" }.count
        let lf = lines.filter { $0.ending == "\n" }.count
        return crlf > lf ? "\r\n" : "\n"
    }
}
