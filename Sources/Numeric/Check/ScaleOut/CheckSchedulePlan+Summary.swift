import Foundation

extension CheckSchedulePlan {
    /// What `ratecalc plan` prints: the number of runs, the estimate per run (one line per
    /// estimator and n; every replicate costs the same) and per shard, the core-hours, the time
    /// limit, the files written, and the commands that start the plan and merge it.
    public func summary(files: [String]) -> String {
        var lines: [String] = []
        let perShard = shardSeconds
        let mean = perShard.reduce(0, +) / Double(max(1, perShard.count))
        lines.append("ratecalc plan: \(runSeconds.count) runs in \(shardCount) shards for \(scheduler.rawValue) (docs/scale-out.md)")
        lines.append("estimate    \(Self.format(coreHours)) core-hours in total (single-core seconds; networks at their step cap)")
        lines.append("per run     estimator  n  seconds  × replicates")
        var groups: [(estimator: CheckEstimator, n: Int)] = []
        for key in runSeconds.keys.sorted() where groups.last.map({ $0.estimator != key.estimator || $0.n != key.n }) ?? true {
            groups.append((key.estimator, key.n))
        }
        for group in groups {
            let seconds = runSeconds[CheckRunKey(estimator: group.estimator, n: group.n, replicate: 0)] ?? 0
            let count = runSeconds.keys.filter { $0.estimator == group.estimator && $0.n == group.n }.count
            lines.append("            \(group.estimator.rawValue)  \(group.n)  \(Self.format(seconds))  × \(count)")
        }
        lines.append("per shard   " + perShard.enumerated().map { "\($0.offset + 1): \(Self.format($0.element)) s (\(shardRuns[$0.offset].count) runs)" }
            .joined(separator: ", "))
        lines.append("balance     largest shard / mean = \(Self.format((perShard.max() ?? 0) / max(mean, 1e-12)))")
        lines.append("time limit  \(Self.slurmTime(timeLimitSeconds)) per task on \(threads) core\(threads == 1 ? "" : "s") (1.5 × the largest shard + 5 min)")
        lines.append("wrote       " + files.joined(separator: ", "))
        lines.append("start       \(startCommand)")
        lines.append("merge       \(mergeCommand)   (\(directory)/merge.sh writes report.json and report.txt)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Four significant digits.
    static func format(_ value: Double) -> String { String(format: "%.4g", value) }
}
