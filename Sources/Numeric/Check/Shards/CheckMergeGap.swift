import Bounds
import Foundation

/// The runs a merge lacks, by the shard that owes them (docs/scale-out.md, "Merging"): `merge`
/// refuses incomplete input with this as its one error line unless `--allow-incomplete` is given.
public struct CheckMergeGap: Error, CustomStringConvertible, Equatable, Sendable {
    /// One shard that owes runs.
    public struct Shard: Equatable, Sendable {
        /// i of i/N (1-based).
        public var index: Int
        /// N.
        public var count: Int
        /// The shard's file, `nil` when no file of this shard was given.
        public var file: String?
        /// The runs it owes, in plan order.
        public var missing: [CheckRunKey]
    }

    /// Shards with missing runs, by index.
    public var shards: [Shard]
    /// Runs the settings plan.
    public var planned: Int

    /// Runs missing in total.
    public var missingCount: Int { shards.reduce(0) { $0 + $1.missing.count } }

    /// How many runs of a shard the message lists before `… and k more`.
    static let listedRuns = 4

    /// One line: `incomplete: 5 of 48 runs missing: shard 2/4 (runs/shard-2-of-4.json) lacks 1 run
    /// (ssm n=512 seed 1); shard 4/4 (no file) lacks 4 runs (…); rerun those shards (…)`.
    public var description: String {
        let parts = shards.map { shard -> String in
            let listed = shard.missing.prefix(Self.listedRuns).map(\.description).joined(separator: ", ")
            let more = shard.missing.count > Self.listedRuns ? ", … and \(shard.missing.count - Self.listedRuns) more" : ""
            let where_ = shard.file.map { SafeText.escaped($0) } ?? "no file"
            return "shard \(shard.index)/\(shard.count) (\(where_)) lacks \(shard.missing.count) run\(shard.missing.count == 1 ? "" : "s") (\(listed)\(more))"
        }
        return "incomplete: \(missingCount) of \(planned) runs missing: " + parts.joined(separator: "; ")
            + "; rerun those shards (a restarted shard redoes only its missing runs) or pass --allow-incomplete"
    }

    /// The gap of `runs` against the plan of `settings`, attributed to shards under the split of
    /// the first shard file (`layout`); `nil` when nothing is missing. `files` maps shard indices of
    /// that split to the files read.
    static func find(settings: CheckSettings, runs: [CheckRunRecord], layout: (count: Int, balance: CheckShardBalance),
                     files: [Int: String]) throws -> CheckMergeGap? {
        let plan = CheckPlan(settings: settings)
        let done = Set(runs.map(\.key))
        guard plan.runs.contains(where: { !done.contains($0) }) else { return nil }
        let costModel = layout.balance == .cost ? try CheckCostModel(settings: settings) : nil
        let shards = plan.shards(count: layout.count, balance: layout.balance, costModel: costModel)
        var gap: [Shard] = []
        for (offset, keys) in shards.enumerated() {
            let missing = keys.filter { !done.contains($0) }
            if !missing.isEmpty {
                gap.append(Shard(index: offset + 1, count: layout.count, file: files[offset + 1], missing: missing))
            }
        }
        return CheckMergeGap(shards: gap, planned: plan.runs.count)
    }
}
