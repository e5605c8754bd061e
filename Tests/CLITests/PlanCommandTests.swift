import Foundation
import Testing

/// `ratecalc plan`, resumable `check --out` and `merge`'s incomplete input, end to end on the
/// tiny sweep of CheckCommandTests (seconds in a debug build). The real schedulers are tested by
/// scripts/test-slurm.sh and scripts/test-parallel.sh (docs/scale-out.md).
@Suite(.tags(.slow), TestSet.notFast) struct PlanCommandTests {
    static let tiny = Array(CheckCommandTests.tiny.dropFirst())

    @Test func theShellPlanRunsAndMergesToTheUnshardedReport() throws {
        let directory = try CheckCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try CLIRunner.run(["plan"] + Self.tiny + ["--shards", "3", "--scheduler", "shell", "--out", directory.path])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("runs in 3 shards") && plan.stdout.contains("core-hours") && plan.stdout.contains("merge "))
        for name in ["shard.sh", "merge.sh", "run-shell.sh"] {
            #expect(FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(name).path), "\(name)")
        }
        let shard = try String(contentsOf: directory.appendingPathComponent("shard.sh"), encoding: .utf8)
        // The request written back by the library (`CheckRequest.commandLineArguments`): its own fields, then the settings table's order.
        let written = "--smoothness 1,2 --arch fnn,oracle --n-min 32 --n-max 128 --points 3 --window 4 --target-level 4.0 "
            + "--seeds 2 --length 8 --width 8 --epochs 1 --test-sequences 16 --min-steps 2"
        #expect(shard.contains("check " + written + " --threads 1 --balance cost --shard \"$1/3\""), "\(shard)")
        let run = try ExternalTool.run(URL(fileURLWithPath: "/bin/sh"), [directory.appendingPathComponent("run-shell.sh").path])
        #expect(run.status == 0, "\(run.stderr)")
        let merged = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("report.json")))
        let whole = try CLIRunner.json(CheckCommandTests.tiny)
        #expect(try CheckCommandTests.canonical(merged) == CheckCommandTests.canonical(whole))
        let log = try String(contentsOf: directory.appendingPathComponent("logs/shard-2-of-3.out"), encoding: .utf8)
        #expect(log.contains("shard 2/3:"))
    }

    @Test func aRestartedShardResumesAndMergeNamesTheMissingShard() throws {
        let directory = try CheckCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        defer { try? FileManager.default.removeItem(at: directory) }
        let shard = CheckCommandTests.tiny + ["--balance", "cost", "--shard", "1/2", "--out", directory.path]
        let first = try CLIRunner.run(shard)
        #expect(first.status == 0, "\(first.stderr)")
        let file = directory.appendingPathComponent("shard-1-of-2.json")
        let before = try Data(contentsOf: file)
        let again = try CLIRunner.run(shard)
        #expect(again.status == 0 && again.stdout.contains("resumed from the file"), "\(again.stdout)")
        #expect(try Data(contentsOf: file) == before, "a finished shard was rerun")
        let incomplete = try CLIRunner.run(["merge", directory.path])
        #expect(incomplete.status == 2 && incomplete.stdout.isEmpty)
        #expect(incomplete.stderr.split(separator: "\n").count == 1)
        #expect(incomplete.stderr.contains("shard 2/2 (no file)") && incomplete.stderr.contains("--allow-incomplete"), "\(incomplete.stderr)")
        let partial = try CLIRunner.run(["merge", directory.path, "--allow-incomplete"])
        #expect(partial.status == 0 && partial.stderr.contains("warning") && partial.stdout.contains("fitted exponents"), "\(partial.stderr)")
        // The same directory under another split is refused, not overwritten.
        let other = try CLIRunner.run(CheckCommandTests.tiny + ["--shard", "1/2", "--out", directory.path])
        #expect(other.status == 2 && other.stderr.contains("balance"), "\(other.stderr)")
        #expect(try Data(contentsOf: file) == before)
    }

    @Test(arguments: [
        (["--shards", "0", "--out", "/tmp/ratecalc-plan-unused"], "--shards"),
        (["--shards", "100000", "--out", "/tmp/ratecalc-plan-unused"], "--shards"),
        (["--shards", "x", "--out", "/tmp/ratecalc-plan-unused"], "--shards"),
        (["--shards", "2", "--out", "/tmp/ratecalc-plan-unused", "--scheduler", "pbs"], "pbs"),
        (["--shards", "2", "--out", "/dev/null/plan"], "--out"),
        (["--shards", "2", "--out", "/etc/hostname"], "--out"),
        (["--shards", "2", "--out", ""], "--out"),
        (["--shards", "2"], "--out"),
        (["--shards", "2", "--out", "/tmp/ratecalc-plan-unused", "--threads", "0"], "--threads"),
        (["--shards", "2", "--out", "/tmp/ratecalc-plan-unused", "--window", "4,8"], "--window"),
    ])
    func badInputIsOneLineAndExitTwo(arguments: [String], mentions: String) throws {
        let output = try CLIRunner.run(["plan", "--smoothness", "1,2", "--n-min", "32", "--n-max", "64", "--points", "2"] + arguments)
        #expect(output.status == 2, "\(arguments): \(output.stderr)")
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
        #expect(output.stderr.contains(mentions), "\(output.stderr)")
    }

    @Test func badBalanceIsOneLine() throws {
        let output = try CLIRunner.run(["check", "--smoothness", "1,2", "--balance", "size", "--shard", "1/2", "--out", "/tmp"])
        #expect(output.status == 2 && output.stdout.isEmpty && output.stderr.split(separator: "\n").count == 1)
    }
}
