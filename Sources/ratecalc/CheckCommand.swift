import ArgumentParser
import Foundation
import Numeric
import ProcessIO

/// `ratecalc check`: the empirical check of a theorem's rate (docs/check.md). Trains
/// the chosen estimators on data from the function class at a geometric grid of n, fits the
/// exponent of test MSE ≍ n^{−r̂} with a bootstrap interval, and sets it beside the exact r.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Measure the convergence exponent of SSM, Transformer and oracle estimators against the theory.",
        discussion: """
        Draws a target from the γ-smooth (or piecewise γ-smooth) class of the smoothness, trains every \
        estimator on n = n-min … n-max training sequences (a geometric grid, R seeds each), measures the \
        test MSE against the noiseless target, fits log MSE on log n and reports r̂ with a 95% bootstrap \
        interval beside the theorem's exact r, with a verdict. Progress goes to stderr when it is a \
        terminal; Ctrl-C stops after the current run and reports the finished ones. See docs/check.md.

        Estimators (--arch): \(CheckEstimator.allCases.map { "\($0.rawValue): \($0.descriptor.summary)" }.joined(separator: "; ")).
        """,
        usage: "ratecalc check --smoothness 1,2,4 [--gamma anisotropic|mixed] [--class gamma|piecewise] [--arch ssm,transformer,oracle] [options]",
        examples: """
        ratecalc check --smoothness 1,2,4
        ratecalc check --smoothness 1,2,4 --gamma mixed --arch oracle --plot mixed.svg
        ratecalc check --smoothness 1,2 --class piecewise --window 4,8,16 --n-max 2048 --plot window.svg
        ratecalc check --smoothness 1,2,4 --shard 2/4 --out runs/   # then: ratecalc merge runs/
        """
    )

    @OptionGroup var sweep: CheckSweepOptions
    @OptionGroup var output: CheckOutputOptions

    @Option(name: .customLong(CheckField.shard.longName), parsing: .unconditional, help: ArgumentHelp("Run only the i-th of N shares of the runs and write them to --out (merge with `ratecalc merge`).", valueName: "i/N"),
            transform: { try ShardSpec.argument($0) })
    var shard: ShardSpec?

    @Option(help: "How --shard splits the runs: count (every N-th run) or cost (equal estimated work; what `ratecalc plan` uses). See docs/scale-out.md.")
    var balance: CheckShardBalance = .count

    @Option(name: .customLong(CheckField.threads.longName), parsing: .unconditional, help: "Threads of the sweep: with several runs, this many go at once on one thread each (docs/check.md, \"Runs at once\"; default: all cores; results do not depend on it).")
    var threads: Int?

    func validate() throws {
        try ValidationError.requirePositive(threads, "--threads")
        if shard != nil && output.out == nil { throw ValidationError("--shard needs --out DIR to write its runs to") }
    }

    func run() throws {
        InterruptFlag.install()
        try output.validatePaths()
        let setup = try sweep.sweep()
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        if sweep.request.isWindowSweep { return try runWindowSweep(setup, threads: threadCount) }
        let shard = shard ?? .whole
        let execution = CheckShardExecution(sweep: setup, shard: shard, balance: balance, threads: threadCount,
                                            directory: output.out.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let outcome: CheckShardExecution.Outcome
        do {
            outcome = try execution.run(progress: ProgressLine().show, shouldStop: { InterruptFlag.isRaised })
        } catch let failure as CheckShardWriteFailure {
            throw OutputPathError(option: "--out", path: output.out ?? "", reason: "cannot be written (\(failure.reason))")
        }
        if shard.count > 1, let out = output.out {
            try StandardOutput.write(outcome.summaryLine(shard: shard, mergeDirectory: out))
        } else {
            var report = CheckReport(settings: setup.settings, smoothness: setup.smoothness, theoryRate: setup.theoryRate,
                                     target: CheckTargetSummary(setup.target), records: outcome.records)
            report.machines = outcome.machines
            try output.emit(report)
        }
        if let status = InterruptFlag.exitStatus { throw ExitCode(status) }
    }

    /// `--window V₁,V₂,…`: every estimator at n = --n-max for each V (`WindowSweep`, docs/check.md,
    /// "Window sweep"); what it cannot do is refused before anything runs (`WindowSweep.validateOutput`).
    private func runWindowSweep(_ setup: CheckSweep, threads: Int) throws {
        try WindowSweep.validateOutput(.init(sharded: shard != nil, runDirectory: output.out != nil, strict: output.strict,
                                             format: output.format))
        let windowSweep = try WindowSweep(settings: setup.settings, smoothness: setup.smoothness, windows: sweep.windows.values, n: sweep.nMax)
        let report = try windowSweep.run(smoothness: setup.smoothness, theoryLevelCoefficient: setup.levelCoefficient, threads: threads,
                                         progress: ProgressLine().show, shouldStop: { InterruptFlag.isRaised })
        // Files first (atomically), then the report: nothing reaches stdout unless every file was written.
        if let plot = output.plot { try OutputPath.write(report.svg(), to: plot, option: "--plot") }
        if let csv = output.csv { try OutputPath.write(report.csv(), to: csv, option: "--csv") }
        try StandardOutput.write(report.rendered(output.format) ?? report.text())
        if let status = InterruptFlag.exitStatus { throw ExitCode(status) }
    }
}

/// `ratecalc merge DIR…`: combines the shard files written by `check --shard i/N --out DIR`
/// into the same report an unsharded run prints.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shards of a `ratecalc check` sweep into one report.",
        discussion: "Reads every shard-*.json in the given directories (or the given files); their settings must agree.",
        usage: "ratecalc merge DIR… [--format text|json|markdown|latex] [--plot FILE.svg] [--csv FILE] [--strict]",
        examples: "ratecalc merge runs/\nratecalc merge runs-a/ runs-b/ --format json --plot check.svg"
    )

    @Argument(help: ArgumentHelp("Directories (or shard files) written by `ratecalc check --shard i/N --out DIR`.", valueName: "DIR"))
    var paths: [String]

    @OptionGroup var output: CheckOutputOptions

    @Flag(name: .customLong("allow-incomplete"), help: "Report the runs that are there when some are missing (the report is marked incomplete; the missing runs go to stderr) instead of exit status 2.")
    var allowIncomplete = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("merge needs at least one directory of shard files") }
        if output.out != nil { throw ValidationError("--out is for `check`; merge writes its report with --format, --csv and --plot") }
    }

    func run() throws {
        let inputs = paths.map { URL(fileURLWithPath: $0) }
        try output.validatePaths(inputs: (try? CheckMerge.shardFiles(inputs)) ?? inputs)
        let (report, gap) = try CheckMerge.report(inputs)
        if let gap {
            guard allowIncomplete else { throw CheckMergeError.incomplete(gap) }
            FileHandle.standardError.write(Data("ratecalc: warning: \(gap.description)\n".utf8))
        }
        try output.emit(report)
    }
}
