import Bounds

/// A value a check setting holds: how the JSON report and a `check` command line write it.
protocol CheckSettingValue: Codable, Equatable, Sendable {
    /// The value in the report's JSON (docs/json-schema.md, `settings`).
    var jsonValue: JSONValue { get }
    /// The value after its flag on a command line; read back exactly.
    var argumentText: String { get }
}

extension Int: CheckSettingValue {
    var jsonValue: JSONValue { .int(self) }
    var argumentText: String { "\(self)" }
}

extension UInt64: CheckSettingValue {
    var jsonValue: JSONValue { .number(String(self)) }
    var argumentText: String { "\(self)" }
}

extension Double: CheckSettingValue {
    var jsonValue: JSONValue { .double(self) }
    /// Swift's shortest form that reads back to the same double.
    var argumentText: String { "\(self)" }
}

extension Bool: CheckSettingValue {
    var jsonValue: JSONValue { .bool(self) }
    /// A switch has no value: its flag alone (`--no-floor`) turns the default around.
    var argumentText: String { "" }
}

extension String: CheckSettingValue {
    var jsonValue: JSONValue { .string(self) }
    var argumentText: String { self }
}

extension Array: CheckSettingValue where Element: CheckSettingValue {
    var jsonValue: JSONValue { .array(map(\.jsonValue)) }
    /// Comma-separated, as the list flags take it (`--learning-rate 0.001,0.003`).
    var argumentText: String { map(\.argumentText).joined(separator: ",") }
}

/// The library's enums, by their raw values.
protocol RawCheckSettingValue: CheckSettingValue, RawRepresentable where RawValue == String {}

extension RawCheckSettingValue {
    var jsonValue: JSONValue { .string(rawValue) }
    var argumentText: String { rawValue }
}

extension GammaType: RawCheckSettingValue {}
extension CheckEstimator: RawCheckSettingValue {}
extension CheckOracleLevel: RawCheckSettingValue {}
extension TargetWeights: RawCheckSettingValue {}
extension CheckNetworkSize: RawCheckSettingValue {}
extension FunctionClass: RawCheckSettingValue {
    /// `--class gamma|piecewise`, not the JSON's `gamma-smooth`.
    var argumentText: String { checkArgument }
}

/// One stored setting of ``CheckSettings``: its key and flag (``CheckField``), how it is encoded
/// and decoded (with the value older shards ran when the key is absent), written in the report's
/// JSON, and written back on a command line.
struct CheckSettingField: Sendable {
    /// The key (`min_steps`) and flag (`--min-steps`).
    let field: CheckField
    /// Writes the value under its key (an absent optional is left out).
    let encode: @Sendable (CheckSettings, inout KeyedEncodingContainer<CheckField>) throws -> Void
    /// Reads the value; an absent key is an error, or the legacy value when the row has one.
    let decode: @Sendable (KeyedDecodingContainer<CheckField>, inout CheckSettings) throws -> Void
    /// The value in the report's JSON, nil when it is left out (an absent optional).
    let json: @Sendable (CheckSettings) -> JSONValue?
    /// `[flag, value]` (a switch: `[flag]`) when the value differs from `defaults`', `[]` when not;
    /// nil for a setting that ``CheckRequest`` resolves from its own fields (the grid, the window).
    let arguments: (@Sendable (_ value: CheckSettings, _ defaults: CheckSettings) -> [String])?

    /// The row of a required setting; `legacy` is what shards without the key ran (nil: the key is
    /// required); `passedThrough` says whether the request sets it as it is (and so a command line writes it).
    static func row<Value: CheckSettingValue>(_ field: CheckField, _ path: WritableKeyPath<CheckSettings, Value> & Sendable,
                                              legacy: Value? = nil, passedThrough: Bool = true) -> CheckSettingField {
        let encode: @Sendable (CheckSettings, inout KeyedEncodingContainer<CheckField>) throws -> Void = { settings, container in
            try container.encode(settings[keyPath: path], forKey: field)
        }
        let decode: @Sendable (KeyedDecodingContainer<CheckField>, inout CheckSettings) throws -> Void = { container, settings in
            if let legacy {
                settings[keyPath: path] = try container.decodeIfPresent(Value.self, forKey: field) ?? legacy
            } else {
                settings[keyPath: path] = try container.decode(Value.self, forKey: field)
            }
        }
        let json: @Sendable (CheckSettings) -> JSONValue? = { settings in settings[keyPath: path].jsonValue }
        let arguments: @Sendable (CheckSettings, CheckSettings) -> [String] = { value, defaults in
            let current = value[keyPath: path]
            guard current != defaults[keyPath: path] else { return [] }
            return current.argumentText.isEmpty ? [field.flag] : [field.flag, current.argumentText]
        }
        return CheckSettingField(field: field, encode: encode, decode: decode, json: json, arguments: passedThrough ? arguments : nil)
    }

    /// The row of an optional setting, absent from files and JSON when nil (written by the request).
    static func optionalRow<Value: CheckSettingValue>(_ field: CheckField, _ path: WritableKeyPath<CheckSettings, Value?> & Sendable) -> CheckSettingField {
        let encode: @Sendable (CheckSettings, inout KeyedEncodingContainer<CheckField>) throws -> Void = { settings, container in
            try container.encodeIfPresent(settings[keyPath: path], forKey: field)
        }
        let decode: @Sendable (KeyedDecodingContainer<CheckField>, inout CheckSettings) throws -> Void = { container, settings in
            settings[keyPath: path] = try container.decodeIfPresent(Value.self, forKey: field)
        }
        let json: @Sendable (CheckSettings) -> JSONValue? = { settings in settings[keyPath: path]?.jsonValue }
        return CheckSettingField(field: field, encode: encode, decode: decode, json: json, arguments: nil)
    }
}

extension CheckSettings {
    /// Every stored setting, in the order of the report's JSON `settings` (docs/json-schema.md).
    /// Rows with a legacy value decode shards written before the key existed as what they ran.
    static let fields: [CheckSettingField] = [
        .row(.smoothness, \.smoothness, passedThrough: false),
        .row(.gamma, \.gamma),
        .row(.functionClass, \.functionClass),
        .row(.estimators, \.estimators, passedThrough: false),
        .row(.sampleSizes, \.sampleSizes, passedThrough: false),
        .row(.seeds, \.seeds),
        .row(.seed, \.seed),
        .row(.noise, \.noise),
        .row(.length, \.length),
        .row(.width, \.width),
        .row(.epochs, \.epochs),
        .row(.logBand, \.logBand),
        .row(.window, \.window, passedThrough: false),
        .row(.targetLevel, \.targetLevel, passedThrough: false),
        .row(.testSequences, \.testSequences),
        .row(.minSteps, \.minSteps),
        .row(.oracleLevel, \.oracleLevel),
        .row(.weights, \.weights),
        .row(.patience, \.patience),
        .row(.size, \.size),
        .row(.oracleSizesBelow, \.oracleSizesBelow),
        .row(.depth, \.depth, legacy: CheckSettings.legacyDepth, passedThrough: false),
        .row(.preFeedForward, \.preFeedForward, legacy: false),
        .row(.learningRates, \.learningRates, legacy: CheckSettings.legacyLearningRates),
        .row(.floor, \.floor, legacy: false),
        .optionalRow(.cnnQ, \.cnnQ),
    ]

    /// Decodes settings row by row (``fields``): keys added after the first shard format
    /// (`depth`, `pre_fnn`, `learning_rates`, `floor`, `cnn_q`) may be absent.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CheckField.self)
        self.init(smoothness: "")
        for field in Self.fields { try field.decode(container, &self) }
    }

    /// Encodes every row under its key (``fields``).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CheckField.self)
        for field in Self.fields { try field.encode(self, &container) }
    }

    /// The settings as the report's JSON `settings` object, in ``fields`` order.
    var jsonFields: [(String, JSONValue)] {
        Self.fields.compactMap { field in field.json(self).map { (field.field.key, $0) } }
    }

    /// `[flag, value…]` of every passed-through setting that differs from `defaults`, in ``fields`` order.
    func arguments(against defaults: CheckSettings) -> [String] {
        Self.fields.flatMap { $0.arguments?(self, defaults) ?? [] }
    }
}
