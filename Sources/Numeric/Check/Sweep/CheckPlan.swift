/// One run of a sweep before it has run: which estimator, at which n, which replicate.
public struct CheckRunKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The estimator to fit.
    public var estimator: CheckEstimator
    /// n: training sequences.
    public var n: Int
    /// Replicate index `0..<R`.
    public var replicate: Int
    /// A floor run: noiseless labels at the largest n (``CheckRunRecord/noiseless``).
    public var noiseless: Bool

    /// Creates a key.
    public init(estimator: CheckEstimator, n: Int, replicate: Int, noiseless: Bool = false) {
        self.estimator = estimator
        self.n = n
        self.replicate = replicate
        self.noiseless = noiseless
    }

    /// Canonical order: estimator, then n, then replicate, the floor run after the noisy ones.
    public static func < (lhs: CheckRunKey, rhs: CheckRunKey) -> Bool {
        (lhs.estimator, lhs.n, lhs.replicate, lhs.noiseless ? 1 : 0) < (rhs.estimator, rhs.n, rhs.replicate, rhs.noiseless ? 1 : 0)
    }

    /// e.g. `ssm n=4096 seed 2`, `ssm n=16384 seed 0 noiseless`.
    public var description: String { "\(estimator.rawValue) n=\(n) seed \(replicate)" + (noiseless ? " noiseless" : "") }
}

extension CheckRunRecord {
    /// The run this record is the result of.
    public var key: CheckRunKey { CheckRunKey(estimator: estimator, n: n, replicate: replicate, noiseless: noiseless) }
}

/// The runs of a sweep (every estimator × n × replicate of `CheckSettings`) and their split
/// into shards for `--shard i/N`.
///
/// Shards are dealt round-robin from the runs ordered by decreasing n, so every shard gets a
/// similar share of the expensive large-n runs; a run's result depends only on its own seeds
/// (`CheckSeeds`), so the union of the shards equals the unsharded sweep.
public struct CheckPlan: Sendable {
    /// All runs, in execution order (largest n first within a replicate, data shared across
    /// estimators of the same (n, replicate)); the oracle also runs at the extension sizes below
    /// the smallest n (`CheckSettings.oracleExtensionSizes`).
    public let runs: [CheckRunKey]

    /// Every run that `settings` asks for; with `settings.floor`, first one noiseless run of each
    /// network at the largest n (replicate 0: the approximation floor, docs/check.md).
    public init(settings: CheckSettings) {
        var runs: [CheckRunKey] = []
        if settings.floor, let largest = settings.sampleSizes.last {
            for estimator in settings.estimators where estimator.isNetwork {
                runs.append(CheckRunKey(estimator: estimator, n: largest, replicate: 0, noiseless: true))
            }
        }
        let extension_ = Set(settings.oracleExtensionSizes)
        for n in (settings.sampleSizes + settings.oracleExtensionSizes).sorted(by: >) {
            for replicate in 0..<max(settings.seeds, 0) {
                for estimator in settings.estimators where !extension_.contains(n) || estimator == .oracle {
                    runs.append(CheckRunKey(estimator: estimator, n: n, replicate: replicate))
                }
            }
        }
        self.runs = runs
    }

    /// The runs of shard `index` of `count` (1-based): every `count`-th run starting at `index − 1`.
    public func shard(_ index: Int, of count: Int) -> [CheckRunKey] {
        precondition(count >= 1 && (1...count).contains(index), "shard index out of range")
        return runs.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}

/// One share of a sweep's runs: shard `index` of `count` (1 ≤ index ≤ count), written `i/N`
/// (`check --shard 2/4`, docs/check.md, "Sharding").
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    /// i, 1-based.
    public let index: Int
    /// N, the number of shares.
    public let count: Int

    /// The whole sweep as one shard: 1/1.
    public static let whole = ShardSpec(validIndex: 1, count: 1)

    private init(validIndex: Int, count: Int) {
        self.index = validIndex
        self.count = count
    }

    /// Shard `index` of `count`; nil unless 1 ≤ index ≤ count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.init(validIndex: index, count: count)
    }

    /// Parses `i/N` with 1 ≤ i ≤ N; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// `i/N`.
    public var description: String { "\(index)/\(count)" }
}

extension CheckPlan {
    /// The runs of `shard`.
    public func shard(_ shard: ShardSpec) -> [CheckRunKey] { self.shard(shard.index, of: shard.count) }
}
