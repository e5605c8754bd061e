import Bounds
import Foundation
import ProcessIO

/// What `ratecalc check --shard i/N --out DIR` writes: the runs one shard finished, with
/// everything needed to check that shards belong together (settings, target, exact theory
/// exponent) and to rebuild the report from them alone (`ratecalc merge`, ``CheckMerge``).
///
/// JSON with keys `schema_version`, `kind`, `shard_index`, `shard_count`, `theory_rate`,
/// `settings`, `target`, `runs`, and `balance` when it is `cost`; non-finite numbers are the strings `"inf"`, `"-inf"`, `"nan"`.
public struct CheckShardFile: Codable, Sendable, Equatable {
    /// The sweep's settings (equal in every shard of one check).
    public var settings: CheckSettings
    /// The synthetic target.
    public var target: CheckTargetSummary
    /// The theory exponent r in lowest terms, e.g. `"8/15"`.
    public var theoryRate: String
    /// i of `--shard i/N` (1-based).
    public var shardIndex: Int
    /// N of `--shard i/N`.
    public var shardCount: Int
    /// The runs this shard finished.
    public var runs: [CheckRunRecord]
    /// How the runs were split into shards (`--balance`); absent (`nil`) means `count`, the split
    /// of files written before the option existed.
    public var balance: CheckShardBalance?
    /// The machines the runs ran on (``CheckMachine``), distinct, in order of first use; absent in
    /// files written before the field existed. Not part of a shard's identity: shards of one sweep
    /// may run on different machines.
    public var machines: [CheckMachine]?
    /// 1.
    public var schemaVersion: Int = CheckShardFile.currentSchemaVersion
    /// `"ratecalc-check-shard"`.
    public var kind: String = CheckShardFile.kindTag

    /// The schema version this build writes and reads.
    public static let currentSchemaVersion = 1
    /// The `kind` tag that marks a shard file.
    public static let kindTag = "ratecalc-check-shard"

    /// Creates a shard with the exact theory exponent.
    public init(settings: CheckSettings, target: CheckTargetSummary, theoryRate: Rational,
                shardIndex: Int, shardCount: Int, runs: [CheckRunRecord], balance: CheckShardBalance? = nil) {
        self.settings = settings
        self.target = target
        self.theoryRate = theoryRate.description
        self.shardIndex = shardIndex
        self.shardCount = shardCount
        self.runs = runs
        self.balance = balance == .count ? nil : balance
    }

    /// `shard-1-of-4.json`.
    public static func fileName(index: Int, count: Int) -> String { "shard-\(index)-of-\(count).json" }

    /// Writes `fileName(index: shardIndex, count: shardCount)` into `directory`, creating
    /// the directory if needed; returns nothing, throws on I/O errors.
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(self)
        try data.write(to: directory.appendingPathComponent(CheckShardFile.fileName(index: shardIndex, count: shardCount)), options: .atomic)
    }

    /// Reads and validates one shard file.
    /// - Throws: ``CheckMergeError`` naming the file: unreadable, not JSON of a shard, wrong
    ///   `kind` or `schema_version`, a `shard_index` outside `1...shard_count`, or a
///   `theory_rate` that is not an exact number.
    public static func read(from file: URL) throws -> CheckShardFile {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
        if let size, size > CheckShardValidation.maximumFileBytes {
            throw CheckMergeError.notAShard(file: file.path, reason: "\(size) bytes is larger than any shard of a \(CheckShardValidation.maximumPlannedRuns)-run plan (limit \(CheckShardValidation.maximumFileBytes) bytes)")
        }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw CheckMergeError.unreadable(file: file.path, reason: FileErrorReason.text(of: error))
        }
        return try decode(data, file: file.path)
    }

    /// Decodes and validates the bytes of one shard file named `file` (for messages): the
    /// JSON, its kind and version, its indices, and everything ``CheckShardValidation``
    /// checks (plan size, settings, recomputed theory, planned runs).
    public static func decode(_ data: Data, file: String) throws -> CheckShardFile {
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            if let kind = object["kind"] as? String, kind != kindTag {
                throw CheckMergeError.notAShard(file: file, reason: "kind is \"\(kind)\", expected \"\(kindTag)\"")
            }
            if let version = object["schema_version"] as? Int, version != currentSchemaVersion {
                throw CheckMergeError.notAShard(file: file, reason: "schema_version \(version) is not supported (this build reads \(currentSchemaVersion))")
            }
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let shard: CheckShardFile
        do { shard = try decoder.decode(CheckShardFile.self, from: data) } catch {
            throw CheckMergeError.notAShard(file: file, reason: CheckShardFile.describe(error))
        }
        guard shard.shardCount >= 1, (1...shard.shardCount).contains(shard.shardIndex) else {
            throw CheckMergeError.notAShard(file: file, reason: "shard_index \(shard.shardIndex) is not in 1...\(shard.shardCount)")
        }
        guard (try? Rational(parsing: shard.theoryRate)) != nil else {
            throw CheckMergeError.notAShard(file: file, reason: "theory_rate \"\(shard.theoryRate)\" is not an exact number")
        }
        _ = try CheckShardValidation.validate(shard, file: file)
        return shard
    }

    /// One line for a decoding error: the missing or mistyped key path.
    static func describe(_ error: Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            let prefix = path(context)
            return "missing field `\(prefix.isEmpty ? key.stringValue : prefix + "." + key.stringValue)`"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "field `\(path(context))` has the wrong type"
        case .dataCorrupted(let context)?:
            return context.codingPath.isEmpty ? "not valid JSON (or a number too large for its field)" : "field `\(path(context))`: \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    enum CodingKeys: String, CodingKey {
        case settings, target, runs, kind, balance, machines
        case theoryRate = "theory_rate"
        case shardIndex = "shard_index"
        case shardCount = "shard_count"
        case schemaVersion = "schema_version"
    }
}
