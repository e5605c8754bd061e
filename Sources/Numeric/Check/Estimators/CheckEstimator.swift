/// An estimator that `ratecalc check` can run (docs/check.md), named by its registry id: the neural
/// sequence models of the theorems (SSM, Transformer, dilated CNN), the fixed-position FNN baseline,
/// and the least-squares oracle. Its properties are its ``EstimatorDescriptor`` in
/// ``EstimatorRegistry``; `allCases` is the registry in report order. It encodes as its id, and
/// decoding an id the registry does not hold fails.
public struct CheckEstimator: Hashable, Sendable, Codable, Comparable, CaseIterable, RawRepresentable,
                              CustomStringConvertible {
    /// The registry id (`ssm`).
    public let rawValue: String
    /// The estimator's descriptor.
    public let descriptor: EstimatorDescriptor
    /// Its place in the registry: the report order.
    private let order: Int

    /// The estimator named `rawValue`, or nil when the registry has none.
    public init?(rawValue: String) {
        guard let order = EstimatorRegistry.all.firstIndex(where: { $0.id == rawValue }) else { return nil }
        self.rawValue = rawValue
        self.descriptor = EstimatorRegistry.all[order]
        self.order = order
    }

    /// A registered estimator (the static members below).
    private init(registered id: String) {
        guard let estimator = CheckEstimator(rawValue: id) else { preconditionFailure("\(id) is not in EstimatorRegistry") }
        self = estimator
    }

    /// Gated diagonal-SSM network (NS24).
    public static let ssm = CheckEstimator(registered: "ssm")
    /// Causal softmax Transformer (TS23).
    public static let transformer = CheckEstimator(registered: "transformer")
    /// Dilated causal CNN + token-wise FNN (O22 Theorem 14).
    public static let cnn = CheckEstimator(registered: "cnn")
    /// ReLU FNN on the flattened window of the last V tokens.
    public static let fnn = CheckEstimator(registered: "fnn")
    /// Least squares on the trigonometric basis; the reference of the efficiency.
    public static let oracle = CheckEstimator(registered: "oracle")

    /// Every estimator, in report order (the registry's).
    public static var allCases: [CheckEstimator] { EstimatorRegistry.all.map { CheckEstimator(registered: $0.id) } }

    /// The estimator's fixed seed salt (``EstimatorDescriptor/seedSalt``).
    public var seedSalt: UInt64 { descriptor.seedSalt }

    /// Whether it is a trained network (every estimator but the oracle).
    public var isNetwork: Bool { descriptor.network != nil }

    /// The id.
    public var description: String { rawValue }

    /// Equal ids are the same estimator.
    public static func == (lhs: CheckEstimator, rhs: CheckEstimator) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the id.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Order of appearance in tables and plots: the registry's order.
    public static func < (lhs: CheckEstimator, rhs: CheckEstimator) -> Bool { lhs.order < rhs.order }

    /// Decodes an id; an id the registry does not hold is a data error naming it.
    public init(from decoder: Decoder) throws {
        let id = try decoder.singleValueContainer().decode(String.self)
        guard let estimator = CheckEstimator(rawValue: id) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "Cannot initialize CheckEstimator from invalid String value \(id)"))
        }
        self = estimator
    }

    /// Encodes the id.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
