import Foundation

/// Where `ratecalc plan` sends the shards: a Slurm job array, GNU parallel on one machine, or a
/// plain shell loop.
public enum CheckScheduler: String, CaseIterable, Sendable {
    /// `sbatch` job array with a dependent merge job.
    case slurm
    /// GNU parallel with a job log, resumable with `--resume-failed`.
    case parallel
    /// One shard after the other.
    case shell
}

/// A ready-to-run plan of a sweep (`ratecalc plan`, docs/scale-out.md): the runs dealt to
/// `shardCount` shards by estimated cost (``CheckShardBalance/cost``), every shard's estimate, the
/// time limit per task, and the scripts that run the shards and merge them.
///
/// Every shard runs `check … --balance cost --shard i/N --out DIR/runs` (resumable: a restarted
/// shard redoes only its missing runs); the merge writes `DIR/report.json` and `DIR/report.txt`.
public struct CheckSchedulePlan {
    /// The sweep's settings.
    public let settings: CheckSettings
    /// N.
    public let shardCount: Int
    /// The scheduler the scripts are for.
    public let scheduler: CheckScheduler
    /// Threads (cores) per shard (`--threads` of every shard, Slurm's `--cpus-per-task`).
    public let threads: Int
    /// The `ratecalc` executable the scripts call.
    public let binary: String
    /// The sweep's `check` options exactly as given to `plan` (repeated in every shard's command).
    public let checkArguments: [String]
    /// The plan directory (absolute): scripts here, shards in `runs/`, logs in `logs/`.
    public let directory: String
    /// Every shard's runs (index 0 is shard 1), in plan order.
    public let shardRuns: [[CheckRunKey]]
    /// Estimated single-core seconds of every run of the plan.
    public let runSeconds: [CheckRunKey: Double]

    /// Plans `settings` for `shardCount` shards.
    /// - Throws: `CheckSettingsError` (fields `shards`, `threads`) when `shardCount` is not in
    ///   1 … the number of runs, or `threads` < 1.
    public init(settings: CheckSettings, costModel: CheckCostModel, shardCount: Int, scheduler: CheckScheduler, threads: Int,
                binary: String, checkArguments: [String], directory: String) throws {
        let plan = CheckPlan(settings: settings)
        guard shardCount >= 1, shardCount <= plan.runs.count else {
            throw CheckSettingsError(.shards, [.name(.shards), .text(" must be an integer from 1 to the sweep's \(plan.runs.count) runs, got \(shardCount)")])
        }
        guard threads >= 1 else { throw CheckSettingsError.notPositive(.threads, threads) }
        self.settings = settings
        self.shardCount = shardCount
        self.scheduler = scheduler
        self.threads = threads
        self.binary = binary
        self.checkArguments = checkArguments
        self.directory = directory
        self.shardRuns = plan.shards(count: shardCount, balance: .cost, costModel: costModel)
        self.runSeconds = Dictionary(uniqueKeysWithValues: zip(plan.runs, costModel.seconds(of: plan.runs)))
    }

    /// Estimated single-core seconds of every shard.
    public var shardSeconds: [Double] { shardRuns.map { $0.reduce(0) { $0 + runSeconds[$1]! } } }

    /// Estimated core-hours of the whole sweep.
    public var coreHours: Double { runSeconds.values.reduce(0, +) / 3600 }

    /// The per-task time limit: 1.5 × the largest shard's estimate on `threads` cores plus 5 minutes
    /// (process start, a slower node), rounded up to whole minutes.
    public var timeLimitSeconds: Int {
        let largest = (shardSeconds.max() ?? 0) / Double(threads)
        return Int((1.5 * largest + 300) / 60).advanced(by: 1) * 60
    }

    /// `H:MM:SS`, or `D-HH:MM:SS` from a day on (Slurm's `--time` syntax).
    public static func slurmTime(_ seconds: Int) -> String {
        let days = seconds / 86_400, hours = seconds % 86_400 / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60
        let clock = String(format: "%02d:%02d:%02d", hours, minutes, rest)
        return days > 0 ? "\(days)-\(clock)" : clock
    }

    /// The directory of the shard files.
    public var runsDirectory: String { directory + "/runs" }
    /// The directory of the task logs.
    public var logsDirectory: String { directory + "/logs" }

    /// The command that merges the shards.
    public var mergeCommand: String { "\(ShellQuote.word(binary)) merge \(ShellQuote.word(runsDirectory))" }

    /// The command that runs the plan.
    public var startCommand: String {
        switch scheduler {
        case .slurm: return "sh \(ShellQuote.word(directory + "/submit.sh"))"
        case .parallel: return "sh \(ShellQuote.word(directory + "/run-parallel.sh"))"
        case .shell: return "sh \(ShellQuote.word(directory + "/run-shell.sh"))"
        }
    }

    /// The files to write into ``directory``: name, contents, executable.
    public func files() -> [(name: String, text: String, executable: Bool)] {
        var files = [(name: "shard.sh", text: shardScript(), executable: true),
                     (name: "merge.sh", text: mergeScript(), executable: true)]
        switch scheduler {
        case .slurm:
            files += [(name: "check.sbatch", text: arrayScript(), executable: false),
                      (name: "merge.sbatch", text: mergeJobScript(), executable: false),
                      (name: "submit.sh", text: submitScript(), executable: true)]
        case .parallel:
            files.append((name: "run-parallel.sh", text: parallelScript(), executable: true))
        case .shell:
            files.append((name: "run-shell.sh", text: shellScript(), executable: true))
        }
        return files
    }

    private var q: (String) -> String { ShellQuote.word }
    private var header: String {
        "# Generated by `ratecalc plan` (docs/scale-out.md): \(runSeconds.count) runs in \(shardCount) shards balanced by estimated cost, "
            + String(format: "%.3g", coreHours) + " core-hours estimated.\n"
    }

    /// `shard.sh i [LOG]`: runs shard i of N (appending its output to LOG when given).
    func shardScript() -> String {
        let words = [binary, "check"] + checkArguments
            + ["--threads", "\(threads)", "--balance", "cost", "--shard", "\"$1/\(shardCount)\"", "--out", runsDirectory]
        let command = words.map { $0 == "\"$1/\(shardCount)\"" ? $0 : q($0) }.joined(separator: " ")
        return """
        #!/bin/sh
        \(header)# Runs shard $1 of \(shardCount); a restarted shard keeps the runs its file already holds.
        set -eu
        if [ -n "${2:-}" ]; then exec >>"$2" 2>&1; fi
        exec \(command)

        """
    }

    /// `merge.sh`: the merged report as `report.json` and `report.txt` (written atomically).
    func mergeScript() -> String {
        let dir = q(directory)
        return """
        #!/bin/sh
        \(header)# Merges the shards; exits 2 naming the incomplete shards and their missing runs.
        set -eu
        \(mergeCommand) --format json > \(dir)/report.json.partial
        mv \(dir)/report.json.partial \(dir)/report.json
        \(mergeCommand) > \(dir)/report.txt.partial
        mv \(dir)/report.txt.partial \(dir)/report.txt

        """
    }

    func arrayScript() -> String {
        """
        #!/bin/sh
        #SBATCH --job-name=ratecalc-check
        #SBATCH --array=1-\(shardCount)
        #SBATCH --cpus-per-task=\(threads)
        #SBATCH --time=\(Self.slurmTime(timeLimitSeconds))
        #SBATCH --output=\(logsDirectory)/shard-%a-of-\(shardCount).out
        #SBATCH --open-mode=append
        #SBATCH --requeue
        \(header)# Estimated single-core seconds per shard: \(shardSeconds.enumerated().map { "\($0.offset + 1): \(Int($0.element.rounded(.up)))" }.joined(separator: ", ")).
        exec \(q(directory + "/shard.sh")) "$SLURM_ARRAY_TASK_ID"

        """
    }

    func mergeJobScript() -> String {
        """
        #!/bin/sh
        #SBATCH --job-name=ratecalc-merge
        #SBATCH --cpus-per-task=1
        #SBATCH --time=00:30:00
        #SBATCH --output=\(logsDirectory)/merge.out
        \(header)exec \(q(directory + "/merge.sh"))

        """
    }

    func submitScript() -> String {
        """
        #!/bin/sh
        \(header)# Submits the job array and the merge job that starts when every task succeeded.
        set -eu
        cd \(q(directory))
        mkdir -p \(q(logsDirectory))
        array=$(sbatch --parsable check.sbatch)
        array=${array%%;*}
        merge=$(sbatch --parsable --dependency=afterok:"$array" merge.sbatch)
        merge=${merge%%;*}
        echo "submitted job array $array (\(shardCount) tasks) and merge job $merge (--dependency=afterok:$array)"

        """
    }

    func parallelScript() -> String {
        let shards = (1...shardCount).map(String.init).joined(separator: " ")
        return """
        #!/bin/sh
        \(header)# Rerun this script to redo only the failed or killed shards (--resume-failed); each
        # shard keeps the runs it finished before.
        set -eu
        mkdir -p \(q(logsDirectory))
        jobs=$(( $(nproc) / \(threads) )); [ "$jobs" -ge 1 ] || jobs=1
        parallel --jobs "$jobs" --quote --joblog \(q(logsDirectory + "/parallel.joblog")) --resume-failed \\
            \(q(directory + "/shard.sh")) {} \(q(logsDirectory))/shard-{}-of-\(shardCount).out ::: \(shards)
        exec \(q(directory + "/merge.sh"))

        """
    }

    func shellScript() -> String {
        let shards = (1...shardCount).map(String.init).joined(separator: " ")
        return """
        #!/bin/sh
        \(header)# Runs the shards one after the other; rerun it after an interruption (finished runs are kept).
        set -eu
        mkdir -p \(q(logsDirectory))
        for i in \(shards); do
            \(q(directory + "/shard.sh")) "$i" \(q(logsDirectory))/shard-"$i"-of-\(shardCount).out
        done
        exec \(q(directory + "/merge.sh"))

        """
    }
}

/// POSIX shell quoting of one word: unchanged when it is made of safe characters, else in single
/// quotes with `'` written as `'\''`.
public enum ShellQuote {
    /// The word as the shell reads it back unchanged.
    public static func word(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !text.isEmpty, text.allSatisfy(safe.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
