import ArgumentParser
import Bounds
import Numeric

// The library types that `check` reads straight from its flags: argument-parser reports a bad
// value itself, as one line (`ErrorLine`): "The value 'x' is invalid for '--flag <V>': …".

extension GammaType: ExpressibleByArgument {}
extension CheckOracleLevel: ExpressibleByArgument {}
extension TargetWeights: ExpressibleByArgument {}
extension CheckNetworkSize: ExpressibleByArgument {}
extension CheckMixing: ExpressibleByArgument {}

/// `--class gamma|piecewise` (the library's `FunctionClass` by its flag spelling).
extension FunctionClass: ExpressibleByArgument {
    public init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.checkArgument == argument }) else { return nil }
        self = match
    }
    public var defaultValueDescription: String { checkArgument }
    public static var allValueStrings: [String] { allCases.map(\.checkArgument) }
}

extension ShardSpec {
    /// `--shard i/N`: argument-parser prints "The value '3/2' is invalid for '--shard <i/N>': expected …".
    static func argument(_ text: String) throws -> ShardSpec {
        guard let shard = ShardSpec(text) else { throw ValidationError("expected i/N with 1 ≤ i ≤ N (e.g. 2/4)") }
        return shard
    }
}

/// A comma-separated list of distinct values, none empty: `--arch ssm,oracle`, `--window 4,8,16`.
protocol DistinctList: ExpressibleByArgument {
    associatedtype Element: Equatable
    /// The items in the order given.
    var values: [Element] { get }
    init(values: [Element])
    /// One item, or nil when the token is not one.
    static func element(_ token: String) -> Element?
    /// How an item is written back.
    static func text(_ element: Element) -> String
    /// A word that stands for every value (`both`, `all`), if the option has one.
    static var everyValueWord: String? { get }
    /// The values that word stands for, in report order.
    static var everyValue: [Element] { get }
    /// Every item's spelling, for help and for the error line (empty for open-ended items).
    static var itemNames: [String] { get }
}

extension DistinctList {
    static var everyValueWord: String? { nil }
    static var everyValue: [Element] { [] }
    static var itemNames: [String] { [] }

    /// The items and the every-value word: argument-parser lists them in the help and in the
    /// error line of a bad value ("Please provide one of 'ssm', …").
    static var allValueStrings: [String] { itemNames + (everyValueWord.map { [$0] } ?? []) }

    init?(argument: String) {
        if argument == Self.everyValueWord {
            self.init(values: Self.everyValue)
            return
        }
        var list: [Element] = []
        for token in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Self.element(token.trimmingCharacters(in: .whitespaces)), !list.contains(value) else { return nil }
            list.append(value)
        }
        guard !list.isEmpty else { return nil }
        self.init(values: list)
    }

    /// Shown as the default in `--help`, e.g. `ssm,transformer,oracle` (or `both`).
    var defaultValueDescription: String {
        Self.everyValueWord.flatMap { values == Self.everyValue ? $0 : nil } ?? values.map(Self.text).joined(separator: ",")
    }
}

extension DistinctList where Element: CaseIterable & RawRepresentable, Element.RawValue == String {
    /// A library enum's items by their raw values (`ssm`, `anisotropic`).
    static func element(_ token: String) -> Element? { Element(rawValue: token) }
    static func text(_ element: Element) -> String { element.rawValue }
    static var itemNames: [String] { Element.allCases.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(itemNames) }
}

/// `--arch` of `check`: estimators, comma-separated.
struct EstimatorList: DistinctList {
    let values: [CheckEstimator]
}

/// `--arch` of `bench train`: network architectures, comma-separated.
struct ArchitectureList: DistinctList {
    let values: [SequenceArchitecture]
}

/// `--window` of `check`: one window V ≥ 1, or several (the window sweep of the piecewise class).
struct WindowList: DistinctList {
    let values: [Int]
    static func element(_ token: String) -> Int? { Int(token).flatMap { $0 >= 1 ? $0 : nil } }
    static func text(_ element: Int) -> String { String(element) }
}

/// `--learning-rate` of `check`: one peak learning rate in (0, 1), or several (a grid the
/// validation split chooses from).
struct LearningRateList: DistinctList {
    let values: [Double]
    static func element(_ token: String) -> Double? { Double(token).flatMap { $0.isFinite && $0 > 0 && $0 < 1 ? $0 : nil } }
    static func text(_ element: Double) -> String { CheckNumberFormat.short(element) }
}

/// `--gamma` of the theory commands and `bench oracle`: γ types, comma-separated, or `both`.
struct GammaList: DistinctList {
    let values: [GammaType]
    static let everyValueWord: String? = "both"
    static let everyValue: [GammaType] = [.mixed, .anisotropic]
}

/// `--arch` of the theory commands: architectures, comma-separated, or `all`.
struct TheoryArchitectureList: DistinctList {
    let values: [Architecture]
    static let everyValueWord: String? = "all"
    static let everyValue: [Architecture] = Architecture.allCases
}
