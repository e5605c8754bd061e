import Foundation

/// Why shard files could not be read or combined (`ratecalc merge`, `--shard`). The
/// description is one line naming the file and the field.
public enum CheckMergeError: Error, CustomStringConvertible, Equatable {
    /// The path does not exist, or no `shard-*.json` is in the directory.
    case noShards(path: String)
    /// The file could not be read or decoded.
    case unreadable(file: String, reason: String)
    /// The file is JSON but not a ratecalc check shard of a supported schema version.
    case notAShard(file: String, reason: String)
    /// A field of settings, target or theory differs from the first shard's.
    case mismatch(file: String, field: String, reference: String, ours: String, theirs: String)
    /// Two shards hold different records for the same (estimator, n, replicate).
    case conflictingRun(file: String, other: String, estimator: CheckEstimator, n: Int, replicate: Int)
    /// Runs of the plan that no shard holds, by the shard that owes them.
    case incomplete(CheckMergeGap)

    /// One line naming the problem, the file and the field.
    public var description: String {
        switch self {
        case .noShards(let path):
            return "\(path): no shard-*.json files found (expected files written by `ratecalc check --shard i/N --out DIR`)"
        case .unreadable(let file, let reason):
            return "\(file): cannot read shard: \(reason)"
        case .notAShard(let file, let reason):
            return "\(file): not a ratecalc check shard: \(reason)"
        case .mismatch(let file, let field, let reference, let ours, let theirs):
            return "\(file): field `\(field)` is \(theirs) but \(reference) has \(ours); shards of different checks cannot be merged"
        case .conflictingRun(let file, let other, let estimator, let n, let replicate):
            return "\(file): run (\(estimator.rawValue), n = \(n), seed \(replicate)) differs from the same run in \(other)"
        case .incomplete(let gap):
            return gap.description
        }
    }
}
