import Foundation
import ProcessIO

/// One process's share of a `check` sweep (docs/check.md, "Shards"; docs/scale-out.md, "Resuming"):
/// the runs of shard i/N under the chosen balance, run in order. With a directory, every finished
/// run is written to the shard file at once (`CheckShardWriter`), so a process restarted after a
/// time limit or a preemption resumes with the runs its file does not hold yet.
public struct CheckShardExecution {
    /// The validated sweep.
    public let sweep: CheckSweep
    /// i/N (`ShardSpec.whole` for an unsharded run).
    public let shard: ShardSpec
    /// How the runs are dealt to the shards.
    public let balance: CheckShardBalance
    /// Threads of every run (results do not depend on it).
    public let threads: Int
    /// Where the shard file goes; `nil` keeps the runs in memory only.
    public let directory: URL?

    /// The share `shard` of `sweep` under `balance`, run on `threads` threads, written to `directory`.
    public init(sweep: CheckSweep, shard: ShardSpec, balance: CheckShardBalance, threads: Int, directory: URL?) {
        self.sweep = sweep
        self.shard = shard
        self.balance = balance
        self.threads = threads
        self.directory = directory
    }

    /// The runs this shard owes, in the order they run.
    public var plannedRuns: [CheckRunKey] {
        let costModel = balance == .cost
            ? CheckCostModel(settings: sweep.settings, target: sweep.target, levelCoefficient: sweep.levelCoefficient.doubleValue)
            : nil
        return CheckPlan(settings: sweep.settings).shard(shard.index, of: shard.count, balance: balance, costModel: costModel)
    }

    /// What a shard ran.
    public struct Outcome {
        /// Every run of the shard finished so far (resumed ones included), in plan order, as the shard file holds them.
        public var records: [CheckRunRecord]
        /// Runs the shard owes.
        public var plannedCount: Int
        /// Runs read back from an existing shard file.
        public var resumedCount: Int
        /// The shard file, when a directory was given.
        public var file: URL?
        /// The machines its runs ran on (a resumed file's and this process's).
        public var machines: [CheckMachine] = []
    }

    /// Runs the shard's remaining runs; `progress` and `shouldStop` as in `CheckRunner.run`.
    /// - Throws: ``CheckMergeError`` when an existing shard file belongs to another sweep or shard,
    ///   ``CheckShardWriteFailure`` when the shard file cannot be written, and the runner's errors.
    public func run(progress: (CheckProgress) -> Void, shouldStop: @escaping @Sendable () -> Bool) throws -> Outcome {
        let planned = plannedRuns
        let runner = CheckRunner(settings: sweep.settings, target: sweep.target,
                                 theoryLevelCoefficient: sweep.levelCoefficient, threads: threads)
        var template = CheckShardFile(settings: sweep.settings, target: CheckTargetSummary(sweep.target),
                                      theoryRate: sweep.theoryRate, shardIndex: shard.index, shardCount: shard.count,
                                      runs: [], balance: balance)
        template.machines = [CheckMachine.current(threads: threads)]
        var writer = try directory.map { try CheckShardWriter(directory: $0, template: template, planned: planned) }
        let records = try runner.run(writer?.remaining ?? planned, progress: progress, shouldStop: shouldStop) { record in
            do { try writer?.append(record) } catch {
                throw CheckShardWriteFailure(file: writer?.file.path ?? "", reason: FileErrorReason.text(of: error))
            }
        }
        return Outcome(records: writer?.shard.runs ?? records, plannedCount: planned.count,
                       resumedCount: writer?.resumedCount ?? 0, file: writer?.file,
                       machines: writer?.shard.machines ?? template.machines ?? [])
    }
}

/// A shard file that could not be written (full disk, permissions, a removed directory).
public struct CheckShardWriteFailure: Error, CustomStringConvertible {
    /// The shard file.
    public let file: String
    /// The system's reason.
    public let reason: String
    /// `<file>: cannot be written (<reason>)`.
    public var description: String { "\(file): cannot be written (\(reason))" }
}

extension CheckShardExecution.Outcome {
    /// The line a shard prints instead of a report: `shard 2/4: 3 of 3 runs written to FILE
    /// (1 resumed from the file); combine the shards with: ratecalc merge DIR`.
    public func summaryLine(shard: ShardSpec, mergeDirectory: String) -> String {
        let resumed = resumedCount > 0 ? " (\(resumedCount) resumed from the file)" : ""
        return "shard \(shard): \(records.count) of \(plannedCount) runs written to \(file?.path ?? "")\(resumed); combine the shards with: ratecalc merge \(mergeDirectory)\n"
    }
}
