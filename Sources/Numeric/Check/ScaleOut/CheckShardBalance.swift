/// How `--shard i/N` splits the runs of a sweep (docs/scale-out.md, "Shards").
///
/// Both are deterministic functions of the settings and N, so every task of a job array selects
/// its runs without talking to the others, and `merge` can name the runs a missing shard owed.
public enum CheckShardBalance: String, Codable, Sendable, CaseIterable {
    /// Round-robin over the runs in plan order (largest n first): every N-th run. The default of
    /// `check --shard` (the split of earlier releases).
    case count
    /// Greedy longest-processing-time over ``CheckCostModel`` estimates: runs in order of decreasing
    /// estimated cost (ties in plan order) each go to the shard with the least estimated work so far
    /// (ties to the lowest index). Every shard's total is within the largest single run of the
    /// smallest one. The split `ratecalc plan` uses.
    case cost

    /// The runs of every shard (index 0 is shard 1), each shard's runs in plan order (so runs that
    /// share a sample stay adjacent). `costs` is needed for `.cost` (one per run, aligned with `runs`).
    public static func assign(_ runs: [CheckRunKey], count: Int, balance: CheckShardBalance, costs: [Double]) -> [[CheckRunKey]] {
        precondition(count >= 1, "shard count must be positive")
        switch balance {
        case .count:
            return (0..<count).map { shard in runs.enumerated().filter { $0.offset % count == shard }.map(\.element) }
        case .cost:
            precondition(costs.count == runs.count, "one cost per run")
            let order = runs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
            var load = [Double](repeating: 0, count: count)
            var owner = [Int](repeating: 0, count: runs.count)
            for run in order {
                var lightest = 0
                for shard in 1..<count where load[shard] < load[lightest] { lightest = shard }
                load[lightest] += costs[run]
                owner[run] = lightest
            }
            return (0..<count).map { shard in runs.indices.filter { owner[$0] == shard }.map { runs[$0] } }
        }
    }
}

extension CheckPlan {
    /// The runs of shard `index` of `count` (1-based) under `balance`; `costModel` is required for `.cost`.
    public func shard(_ index: Int, of count: Int, balance: CheckShardBalance, costModel: CheckCostModel?) -> [CheckRunKey] {
        precondition(count >= 1 && (1...count).contains(index), "shard index out of range")
        return shards(count: count, balance: balance, costModel: costModel)[index - 1]
    }

    /// Every shard's runs (index 0 is shard 1) under `balance`.
    public func shards(count: Int, balance: CheckShardBalance, costModel: CheckCostModel?) -> [[CheckRunKey]] {
        let costs = balance == .cost ? (costModel?.seconds(of: runs) ?? runs.map { _ in 1 }) : []
        return CheckShardBalance.assign(runs, count: count, balance: balance, costs: costs)
    }
}
