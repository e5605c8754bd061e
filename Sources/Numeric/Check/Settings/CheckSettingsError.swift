/// A `CheckSettings` value (or a sweep input) that cannot be used, naming the offending field
/// rather than a command-line flag: the command line maps ``Field`` to its flag when it prints
/// the error, other callers see the field's settings name (docs/json-schema.md, `settings`).
public struct CheckSettingsError: Error, CustomStringConvertible, Sendable {
    /// The sweep inputs that validation can refuse.
    public enum Field: String, Sendable, CaseIterable {
        case smoothness, gamma, functionClass = "class", seeds, noise, length, width, epochs, window, patience
        case minSteps = "min_steps", testSequences = "test_sequences", targetLevel = "target_level"
        case logBand = "log_band_k", oracleSizesBelow = "oracle_sizes_below", maxTerms = "max_terms"
        case nMin = "n_min", nMax = "n_max", points, windows, cnnQ = "cnn_q"
        case depth, learningRates = "learning_rates"
        /// Inputs of a plan (``CheckSchedulePlan``), not of the settings: shards and cores per shard.
        case shards, threads
    }

    /// The field the problem is about.
    public let field: Field
    /// The problem as a template of text and field names, so that every name in it is rendered
    /// the same way (flags on the command line, settings names elsewhere).
    private let parts: [Part]

    /// A piece of the message: literal text, or a field's name.
    public enum Part: Sendable, ExpressibleByStringLiteral {
        case text(String)
        case name(Field)
        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// An error about `field` whose message is `parts`, e.g. `[.name(.seeds), " must be …"]`.
    public init(_ field: Field, _ parts: [Part]) {
        self.field = field
        self.parts = parts
    }

    /// `<field> must be a positive integer, got <value>`.
    static func notPositive(_ field: Field, _ value: Int) -> CheckSettingsError {
        CheckSettingsError(field, [.name(field), .text(" must be a positive integer, got \(value)")])
    }

    /// The message with every field written by `name` (e.g. the command-line flag).
    public func message(naming name: (Field) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .name(let field): name(field)
            }
        }.joined()
    }

    /// The message with the settings' own field names.
    public var description: String { message(naming: \.rawValue) }
}
