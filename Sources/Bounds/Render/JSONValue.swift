/// A JSON document with ordered keys, so that reports keep the field order of the
/// docs/json-schema.md contract (Foundation's encoders do not guarantee order).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number already rendered as a JSON number literal (e.g. `0.5333333333`, `1e-20`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// An integer number.
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A finite double (`null` for NaN or infinity, which JSON cannot carry).
    public static func double(_ value: Double) -> JSONValue {
        value.isFinite ? .number("\(value)") : .null
    }

    /// `{"exact": "8/15", "approx": 0.5333333333}` (docs/json-schema.md: exact strings in lowest
    /// terms beside a float with 10 significant digits).
    /// `approx` is `null` when the value is outside the range of a double (overflow, or
    /// underflow of a nonzero value), since common JSON readers cannot hold it.
    public static func exact(_ value: Rational) -> JSONValue {
        .object([("exact", .string(value.description)), ("approx", approximate(value))])
    }

    /// A rational as a JSON number with 10 significant digits, or `null` if no double holds it.
    public static func approximate(_ value: Rational) -> JSONValue {
        let double = value.doubleValue
        guard double.isFinite, double != 0 || value.isZero, double.magnitude >= Double.leastNormalMagnitude || value.isZero else { return .null }
        return .number(value.decimalString(significantDigits: 10))
    }

    /// Serialises with two-space indentation (or compactly).
    public func rendered(pretty: Bool = true) -> String {
        var output = ""
        write(into: &output, indent: pretty ? 0 : nil)
        return output
    }

    private func write(into output: inout String, indent: Int?) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let literal): output += literal
        case .string(let text): output += JSONValue.quoted(text)
        case .array(let items) where indent != nil && items.allSatisfy(\.isScalar):
            // Short arrays of scalars stay on one line: `["1", "2", "4"]`.
            output += "[" + items.map { $0.rendered(pretty: false) }.joined(separator: ", ") + "]"
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, into: &output, indent: indent) { index, output, inner in
                items[index].write(into: &output, indent: inner)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, into: &output, indent: indent) { index, output, inner in
                output += JSONValue.quoted(members[index].0) + (inner == nil ? ":" : ": ")
                members[index].1.write(into: &output, indent: inner)
            }
        }
    }

    private func writeContainer(open: String, close: String, count: Int, into output: inout String, indent: Int?,
                                item: (Int, inout String, Int?) -> Void) {
        output += open
        guard count > 0 else { output += close; return }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { output += "," }
            if let inner { output += "\n" + String(repeating: " ", count: inner) }
            item(index, &output, inner)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent) }
        output += close
    }

    /// Whether the value is not a container.
    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered(pretty: false) == rhs.rendered(pretty: false) }
}
