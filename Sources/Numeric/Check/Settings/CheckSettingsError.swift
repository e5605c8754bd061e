/// A `CheckSettings` value (or a sweep input) that cannot be used, naming the offending field
/// rather than a command-line flag: the command line names it by ``CheckField/flag``, a shard's
/// validation by its settings key (docs/json-schema.md, `settings`).
public struct CheckSettingsError: Error, CustomStringConvertible, Sendable {
    /// The field the problem is about.
    public let field: CheckField
    /// The problem as a template of text and field names, so that every name in it is rendered
    /// the same way (flags on the command line, settings names elsewhere).
    private let parts: [Part]

    /// A piece of the message: literal text, or a field's name.
    public enum Part: Sendable, ExpressibleByStringLiteral {
        case text(String)
        case name(CheckField)
        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// An error about `field` whose message is `parts`, e.g. `[.name(.seeds), " must be …"]`.
    public init(_ field: CheckField, _ parts: [Part]) {
        self.field = field
        self.parts = parts
    }

    /// `<field> must be a positive integer, got <value>`.
    static func notPositive(_ field: CheckField, _ value: Int) -> CheckSettingsError {
        CheckSettingsError(field, [.name(field), .text(" must be a positive integer, got \(value)")])
    }

    /// The message naming every field by its command-line flag (`--seeds must be …`).
    public var commandLineMessage: String { message(naming: \.flag) }

    /// The message with every field written by `name` (e.g. the command-line flag).
    public func message(naming name: (CheckField) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .name(let field): name(field)
            }
        }.joined()
    }

    /// The message with the settings' own field names.
    public var description: String { message(naming: \.key) }
}
