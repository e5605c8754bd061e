/// The part of TOML 1.0 that theorem files use (docs/theorems.md, "Format"), read with the
/// line of every key, so that each error names its line: `[[name]]` array-of-tables headers,
/// `key = value` with bare keys, basic (`"…"`, with escapes) and literal (`'…'`) strings,
/// decimal integers, booleans, arrays (over several lines, trailing comma allowed) and one-line
/// inline tables, and `#` comments. Anything else (plain `[table]` headers, dotted or quoted
/// keys, multi-line strings, floats, dates) is refused with the line and what was expected.
///
/// ratecalc reads this subset itself rather than through TOMLKit: TOMLKit's public
/// conformances of `Int`, `Double`, `String` and `Array` to its own protocol reach every module
/// that imports Bounds, and made an existing numeric test expression fail to type-check.
struct TOMLSubset {
    /// A value with the line it starts on.
    indirect enum Value {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case array([Located])
        case table(Table)
    }

    /// A value and its 1-based line.
    struct Located {
        let value: Value
        let line: Int

        /// The string, when the value is one.
        var string: String? { if case .string(let text) = value { return text }; return nil }
        /// The elements, when the value is an array.
        var array: [Located]? { if case .array(let items) = value { return items }; return nil }
        /// The table, when the value is one.
        var table: Table? { if case .table(let table) = value { return table }; return nil }
    }

    /// Keys in file order, each with its value and line.
    struct Table {
        var entries: [(key: String, value: Located)] = []
        /// The line of the table's header (or 1 for the root).
        var line: Int

        subscript(key: String) -> Located? { entries.first { $0.key == key }?.value }
        var keys: [String] { entries.map(\.key) }
    }

    /// Why the text is not in the subset: the line and what was expected.
    struct Failure: Error {
        let line: Int
        let expected: String
    }

    /// The deepest nesting of arrays and inline tables accepted.
    static let maximumNesting = 8

    /// The root table, with each `[[name]]` as an array of tables under `name`.
    static func parse(_ text: String) throws -> Table {
        var parser = TOMLSubset(scalars: Array(text.unicodeScalars))
        return try parser.document()
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line = 1

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func advance() {
        if current == "\n" { line += 1 }
        position += 1
    }

    private func fail(_ expected: String) -> Failure { Failure(line: line, expected: expected) }

    /// Spaces and tabs; with `newlines`, also line breaks and comments.
    private mutating func skipBlank(newlines: Bool) {
        while let c = current {
            if c == " " || c == "\t" || (newlines && (c == "\n" || c == "\r")) { advance() }
            else if newlines, c == "#" { while let d = current, d != "\n" { advance() } }
            else { return }
        }
    }

    /// The end of a line: a comment or nothing, then a line break or the end.
    private mutating func endOfLine() throws {
        skipBlank(newlines: false)
        if current == "#" { while let c = current, c != "\n" { advance() } }
        if current == "\r" { advance() }
        guard current == nil || current == "\n" else { throw fail("the end of the line after a value (one key = value per line)") }
        if current == "\n" { advance() }
    }

    private mutating func document() throws -> Table {
        var root = Table(line: 1)
        var arrays: [String: [Located]] = [:]
        var order: [String] = []
        var open: (name: String, table: Table)? = nil
        func close() {
            if let (name, table) = open { arrays[name, default: []].append(Located(value: .table(table), line: table.line)) }
        }
        while true {
            skipBlank(newlines: true)
            guard let c = current else { break }
            if c == "[" {
                let headerLine = line
                advance()
                guard current == "[" else { throw fail("[[name]]: ratecalc's theorem files use arrays of tables only ([[source]], [[theorem]], [[uncovered]])") }
                advance()
                skipBlank(newlines: false)
                let name = try bareKey()
                skipBlank(newlines: false)
                guard current == "]" else { throw fail("']]' after the table name") }
                advance()
                guard current == "]" else { throw fail("']]' after the table name") }
                advance()
                try endOfLine()
                if root[name] != nil { throw Failure(line: headerLine, expected: "[[\(name)]] not also used as a key") }
                close()
                if arrays[name] == nil { order.append(name) }
                open = (name, Table(line: headerLine))
            } else {
                let keyLine = line
                let key = try bareKey()
                skipBlank(newlines: false)
                guard current == "=" else { throw fail("'=' after the key '\(key)'") }
                advance()
                skipBlank(newlines: false)
                let value = try self.value(depth: 0)
                try endOfLine()
                if open != nil {
                    if open!.table[key] != nil { throw Failure(line: keyLine, expected: "each key once in a table, not '\(key)' again") }
                    open!.table.entries.append((key, Located(value: value.value, line: keyLine)))
                } else {
                    if root[key] != nil || arrays[key] != nil { throw Failure(line: keyLine, expected: "each key once, not '\(key)' again") }
                    root.entries.append((key, Located(value: value.value, line: keyLine)))
                }
            }
        }
        close()
        for name in order { root.entries.append((name, Located(value: .array(arrays[name]!), line: arrays[name]!.first?.line ?? 1))) }
        return root
    }

    private mutating func bareKey() throws -> String {
        var key = ""
        while let c = current, c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" {
            key.unicodeScalars.append(c)
            advance()
        }
        guard !key.isEmpty, key.count <= 64 else { throw fail("a bare key (letters, digits, '_', '-'; at most 64)") }
        return key
    }

    private mutating func value(depth: Int) throws -> Located {
        guard depth <= Self.maximumNesting else { throw fail("arrays and inline tables nested at most \(Self.maximumNesting) deep") }
        let start = line
        switch current {
        case "\"":
            if position + 2 < scalars.count, scalars[position + 1] == "\"", scalars[position + 2] == "\"" {
                throw fail("a one-line string (multi-line strings are not part of the theorem file format)")
            }
            return Located(value: .string(try basicString()), line: start)
        case "'":
            return Located(value: .string(try literalString()), line: start)
        case "[":
            advance()
            var items: [Located] = []
            while true {
                skipBlank(newlines: true)
                if current == "]" { advance(); break }
                items.append(try value(depth: depth + 1))
                skipBlank(newlines: true)
                if current == "," { advance(); continue }
                guard current == "]" else { throw fail("',' or ']' in the array") }
                advance()
                break
            }
            return Located(value: .array(items), line: start)
        case "{":
            advance()
            var table = Table(line: start)
            skipBlank(newlines: false)
            if current == "}" { advance(); return Located(value: .table(table), line: start) }
            while true {
                skipBlank(newlines: false)
                let key = try bareKey()
                skipBlank(newlines: false)
                guard current == "=" else { throw fail("'=' after the key '\(key)'") }
                advance()
                skipBlank(newlines: false)
                let item = try value(depth: depth + 1)
                if table[key] != nil { throw fail("each key once in an inline table, not '\(key)' again") }
                table.entries.append((key, item))
                skipBlank(newlines: false)
                if current == "," { advance(); continue }
                guard current == "}" else { throw fail("',' or '}' in the inline table (on one line)") }
                advance()
                return Located(value: .table(table), line: start)
            }
        case "t", "f":
            let word = bareWord()
            guard word == "true" || word == "false" else { throw fail("a value: a string in quotes, an integer, true, false, [array] or {table}") }
            return Located(value: .boolean(word == "true"), line: start)
        case let c? where ("0"..."9").contains(c) || c == "-" || c == "+":
            let word = bareWord()
            guard let integer = Int(word.replacingOccurrences(of: "_", with: "")), word.count <= 19 else {
                throw fail("an integer (strings in quotes; floats and dates are not part of the theorem file format)")
            }
            return Located(value: .integer(integer), line: start)
        default:
            throw fail("a value: a string in quotes, an integer, true, false, [array] or {table}")
        }
    }

    private mutating func bareWord() -> String {
        var word = ""
        while let c = current, c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || "_+-.:".unicodeScalars.contains(c) {
            word.unicodeScalars.append(c)
            advance()
        }
        return word
    }

    private mutating func basicString() throws -> String {
        advance()
        var text = ""
        while true {
            guard let c = current, c != "\n" else { throw fail("a closing '\"' on the same line") }
            advance()
            if c == "\"" { return text }
            if c == "\\" {
                guard let e = current else { throw fail("an escape after '\\'") }
                advance()
                switch e {
                case "\"": text += "\""
                case "\\": text += "\\"
                case "n": text += "\n"
                case "t": text += "\t"
                case "r": text += "\r"
                case "b": text += "\u{8}"
                case "f": text += "\u{c}"
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<count {
                        guard let h = current, h.isASCII, h.properties.isASCIIHexDigit else { throw fail("\(count) hex digits after '\\\(e)'") }
                        hex.unicodeScalars.append(h)
                        advance()
                    }
                    guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { throw fail("a Unicode scalar value after '\\\(e)'") }
                    text.unicodeScalars.append(scalar)
                default: throw fail("an escape \\\", \\\\, \\n, \\t, \\r, \\b, \\f, \\uXXXX or \\UXXXXXXXX")
                }
            } else {
                text.unicodeScalars.append(c)
            }
        }
    }

    private mutating func literalString() throws -> String {
        advance()
        var text = ""
        while true {
            guard let c = current, c != "\n" else { throw fail("a closing \"'\" on the same line") }
            advance()
            if c == "'" { return text }
            text.unicodeScalars.append(c)
        }
    }
}
