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
extension CheckMixing: RawCheckSettingValue {}
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
    /// The field's own rule (``CheckSettingRule``), nil when the value is acceptable.
    let validate: @Sendable (CheckSettings) -> CheckSettingsError?
    /// `[flag, value]` (a switch: `[flag]`) when the value differs from `defaults`', `[]` when not;
    /// nil for a setting that ``CheckRequest`` resolves from its own fields (the grid, the window).
    let arguments: (@Sendable (_ value: CheckSettings, _ defaults: CheckSettings) -> [String])?

    /// The row of a required setting; `legacy` is what shards without the key ran (nil: the key is
    /// required); `passedThrough` says whether the request sets it as it is (and so a command line writes it).
    static func row<Value: CheckSettingValue>(_ field: CheckField, _ path: WritableKeyPath<CheckSettings, Value> & Sendable,
                                              legacy: Value? = nil, passedThrough: Bool = true,
                                              rule: CheckSettingRule<Value>? = nil) -> CheckSettingField {
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
        let validate: @Sendable (CheckSettings) -> CheckSettingsError? = { settings in rule?.check(field, settings[keyPath: path]) }
        return CheckSettingField(field: field, encode: encode, decode: decode, json: json, validate: validate,
                                 arguments: passedThrough ? arguments : nil)
    }

    /// The row of an optional setting, absent from files and JSON when nil (written by the request).
    static func optionalRow<Value: CheckSettingValue>(_ field: CheckField, _ path: WritableKeyPath<CheckSettings, Value?> & Sendable,
                                                      rule: CheckSettingRule<Value>? = nil) -> CheckSettingField {
        let encode: @Sendable (CheckSettings, inout KeyedEncodingContainer<CheckField>) throws -> Void = { settings, container in
            try container.encodeIfPresent(settings[keyPath: path], forKey: field)
        }
        let decode: @Sendable (KeyedDecodingContainer<CheckField>, inout CheckSettings) throws -> Void = { container, settings in
            settings[keyPath: path] = try container.decodeIfPresent(Value.self, forKey: field)
        }
        let json: @Sendable (CheckSettings) -> JSONValue? = { settings in settings[keyPath: path]?.jsonValue }
        let validate: @Sendable (CheckSettings) -> CheckSettingsError? = { settings in
            settings[keyPath: path].flatMap { rule?.check(field, $0) }
        }
        return CheckSettingField(field: field, encode: encode, decode: decode, json: json, validate: validate, arguments: nil)
    }
}

extension CheckSettings {
    /// Every stored setting, in the order of the report's JSON `settings` (docs/json-schema.md).
    /// Rows with a legacy value decode shards written before the key existed as what they ran.
    static let fields: [CheckSettingField] = [
        .row(.smoothness, \.smoothness, passedThrough: false),
        .row(.gamma, \.gamma),
        .row(.functionClass, \.functionClass),
        .row(.estimators, \.estimators, passedThrough: false, rule: .eachOnce),
        .row(.sampleSizes, \.sampleSizes, passedThrough: false, rule: .ascendingSampleSizes),
        .row(.seeds, \.seeds, rule: .positive),
        .row(.seed, \.seed),
        .row(.noise, \.noise, rule: .finiteNonNegative),
        .row(.length, \.length, rule: .positive),
        .row(.width, \.width, rule: .positive),
        .row(.epochs, \.epochs, rule: .positive),
        .row(.logBand, \.logBand, rule: .finiteNonNegative),
        .row(.window, \.window, passedThrough: false, rule: .positive),
        .row(.targetLevel, \.targetLevel, passedThrough: false, rule: .finiteNonNegative),
        .row(.testSequences, \.testSequences, rule: .positive),
        .row(.minSteps, \.minSteps, rule: .positive),
        .row(.oracleLevel, \.oracleLevel),
        .row(.weights, \.weights),
        .row(.patience, \.patience, rule: .positive),
        .row(.size, \.size),
        .row(.oracleSizesBelow, \.oracleSizesBelow, rule: .within(0...20)),
        .row(.depth, \.depth, legacy: CheckSettings.legacyDepth, passedThrough: false, rule: .within(1...CheckSettings.maximumDepth)),
        .row(.preFeedForward, \.preFeedForward, legacy: false),
        .row(.learningRates, \.learningRates, legacy: CheckSettings.legacyLearningRates, rule: .learningRates),
        .row(.floor, \.floor, legacy: false),
        .row(.mixing, \.mixing, legacy: CheckMixing.full, passedThrough: false),
        .optionalRow(.cnnQ, \.cnnQ, rule: .positiveExactNumber),
    ]

    /// Decodes settings row by row (``fields``): keys added after the first shard format
    /// (`depth`, `pre_fnn`, `learning_rates`, `floor`, `mixing`, `cnn_q`) may be absent.
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

    /// The first field (in ``fields`` order) whose own rule refuses its value.
    func firstFieldError() -> CheckSettingsError? {
        for field in Self.fields { if let error = field.validate(self) { return error } }
        return nil
    }

    /// `[flag, value…]` of every passed-through setting that differs from `defaults`, in ``fields`` order.
    func arguments(against defaults: CheckSettings) -> [String] {
        Self.fields.flatMap { $0.arguments?(self, defaults) ?? [] }
    }
}

/// A rule one setting's value must satisfy on its own (``CheckSettings/validate()`` applies the
/// rules of every row of ``CheckSettings/fields`` before the rules that relate several settings).
struct CheckSettingRule<Value>: Sendable {
    /// The error for `value` of `field`, nil when it is acceptable.
    let check: @Sendable (_ field: CheckField, _ value: Value) -> CheckSettingsError?
}

extension CheckSettingRule where Value == Int {
    /// `<field> must be a positive integer, got <value>`.
    static var positive: Self { Self { field, value in value < 1 ? .notPositive(field, value) : nil } }
    /// `<field> must be an integer from a to b, got <value>`.
    static func within(_ range: ClosedRange<Int>) -> Self {
        Self { field, value in
            range.contains(value) ? nil
                : CheckSettingsError(field, [.name(field), .text(" must be an integer from \(range.lowerBound) to \(range.upperBound), got \(value)")])
        }
    }
}

extension CheckSettingRule where Value == Double {
    /// `<field> must be a finite number ≥ 0, got <value>`.
    static var finiteNonNegative: Self {
        Self { field, value in
            value.isFinite && value >= 0 ? nil : CheckSettingsError(field, [.name(field), .text(" must be a finite number ≥ 0, got \(value)")])
        }
    }
}

extension CheckSettingRule where Value == [Double] {
    /// 1 to ``CheckSettings/maximumLearningRates`` ascending rates in (0, 1).
    static var learningRates: Self {
        Self { field, rates in
            let maximum = CheckSettings.maximumLearningRates
            guard !(1...maximum).contains(rates.count) || !rates.allSatisfy({ $0.isFinite && $0 > 0 && $0 < 1 })
                    || !zip(rates, rates.dropFirst()).allSatisfy(<) else { return nil }
            return CheckSettingsError(field, [.name(field), .text(" must be 1 to \(maximum) ascending learning rates in (0, 1), got \(rates.map { CheckNumberFormat.short($0) }.joined(separator: ","))")])
        }
    }
}

extension CheckSettingRule where Value == [Int] {
    /// Ascending sample sizes ≥ 2 (named by the grid's flags).
    static var ascendingSampleSizes: Self {
        Self { _, sizes in
            guard let smallest = sizes.first, smallest >= 2, zip(sizes, sizes.dropFirst()).allSatisfy(<) else {
                return CheckSettingsError(.nMin, [.text("the sample sizes ("), .name(.nMin), .text(" … "), .name(.nMax),
                                                  .text(") must be ascending integers ≥ 2, got \(sizes)")])
            }
            return nil
        }
    }
}

extension CheckSettingRule where Value == [CheckEstimator] {
    /// At least one estimator, each once.
    static var eachOnce: Self {
        Self { field, estimators in
            !estimators.isEmpty && Set(estimators).count == estimators.count ? nil
                : CheckSettingsError(field, [.name(field), .text(" must list each estimator once, at least one")])
        }
    }
}

extension CheckSettingRule where Value == String {
    /// An exact number q > 0 (`3/2`, `0.5`).
    static var positiveExactNumber: Self {
        Self { field, text in
            if let q = try? Rational(parsing: text), q.signum > 0 { return nil }
            return CheckSettingsError(field, [.name(field), .text(" \(SafeText.quoted(text)): expected an exact number q > 0 (3/2, 0.5)")])
        }
    }
}
