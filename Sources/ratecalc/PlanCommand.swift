import ArgumentParser
import Foundation
import Numeric
import ProcessIO

/// `ratecalc plan`: a ready-to-run plan of a `check` sweep for Slurm, GNU parallel or a shell loop
/// (docs/scale-out.md). Takes the options of `check`, plans with ``CheckSchedulePlan`` and writes
/// its scripts into `--out`.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write a Slurm, GNU parallel or shell plan that runs a `check` sweep in shards and merges them.",
        discussion: """
        Takes the options of `ratecalc check`. Deals the sweep's runs to N shards of equal estimated cost, \
        prints the number of runs, the estimated seconds per run and per shard and the core-hours, and writes \
        into DIR: shard.sh (one shard), merge.sh, and check.sbatch + merge.sbatch + submit.sh (slurm: a job \
        array and a merge job with --dependency=afterok), run-parallel.sh (GNU parallel with --joblog and \
        --resume-failed) or run-shell.sh. Shards write to DIR/runs and resume after a restart. See docs/scale-out.md.
        """,
        usage: "ratecalc plan --smoothness 1,2,4 [check options] --shards N --out DIR [--scheduler slurm|parallel|shell]",
        examples: """
        ratecalc plan --smoothness 1,2,4 --seeds 10 --n-max 65536 --points 8 --shards 16 --out sweep/
        sh sweep/submit.sh
        """
    )

    @OptionGroup var sweep: CheckSweepOptions

    @Option(name: .customLong(CheckField.shards.longName), parsing: .unconditional, help: "N: shards (tasks of the job array); at most the number of runs.")
    var shards: Int

    @Option(help: ArgumentHelp("Plan directory: the scripts, the shard files (DIR/runs), the logs (DIR/logs) and the merged report.", valueName: "DIR"))
    var out: String

    @Option(help: "slurm (sbatch job array and merge job), parallel (GNU parallel) or shell (a loop).")
    var scheduler: CheckScheduler = .slurm

    @Option(name: .customLong(CheckField.threads.longName), parsing: .unconditional, help: "Cores per shard (each shard's --threads, Slurm's --cpus-per-task).")
    var threads: Int = 1

    @Option(help: ArgumentHelp("The ratecalc executable the scripts call (default: this one; a relative path is made absolute).", valueName: "PATH"))
    var binary: String?

    func run() throws {
        if sweep.request.isWindowSweep { try WindowSweep.refuseInPlan() }
        let setup = try sweep.sweep()
        let costModel = CheckCostModel(settings: setup.settings, target: setup.target, levelCoefficient: setup.levelCoefficient.doubleValue)
        let plan = try CheckSchedulePlan(settings: setup.settings, costModel: costModel, shardCount: shards, scheduler: scheduler,
                                         threads: threads, binary: CheckSchedulePlan.executable(binary),
                                         checkArguments: sweep.request.commandLineArguments(),
                                         directory: URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL.path)
        try OutputPath.validateDirectory(out, option: "--out")
        try StandardOutput.write(plan.summary(files: try plan.write(option: "--out")))
    }
}

extension CheckScheduler: ExpressibleByArgument {}
extension CheckShardBalance: ExpressibleByArgument {}
