import Foundation
import ProcessIO
import Testing

/// Nothing half-done: output paths are checked before a sweep, files are written before
/// the report is printed, inputs are never overwritten; SIGTERM ends like Ctrl-C.
private let smallSweep = ["check", "--smoothness", "1,2", "--arch", "oracle", "--n-min", "64", "--n-max", "128",
                          "--points", "2", "--seeds", "1"]

@Test("an unusable output path is refused before the sweep, with nothing on stdout", arguments: [
    ["--plot", "/nonexistent/x.svg"], ["--csv", "/proc/version"], ["--csv", "/"], ["--csv", "/dev/full"], ["--out", ""],
])
func unusableOutputPathsAreRefusedFirst(option: [String]) throws {
    let start = Date()
    let output = try CLIRunner.run(smallSweep + option)
    Contract.expectOneCleanLine(output)
    #expect(output.stderr.contains(option[0]))
    #expect(Date().timeIntervalSince(start) < 5)
}

@Test(.tags(.slow), TestSet.notFast)
func mergeRefusesToOverwriteItsInputAndWritesFilesBeforeTheReport() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-merge-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    for shard in ["1/2", "2/2"] {
        let output = try CLIRunner.run(smallSweep + ["--shard", shard, "--out", directory.path])
        #expect(output.status == 0)
        #expect(output.stdout.contains(directory.appendingPathComponent("shard-\(shard.first!)-of-2.json").path))
    }
    let input = directory.appendingPathComponent("shard-1-of-2.json")
    let before = try Data(contentsOf: input)
    let refused = try CLIRunner.run(["merge", directory.path, "--csv", input.path])
    Contract.expectOneCleanLine(refused)
    #expect(refused.stderr.contains("is one of the input files"))
    #expect(try Data(contentsOf: input) == before)
    let csv = directory.appendingPathComponent("all.csv")
    let merged = try CLIRunner.run(["merge", directory.path, "--csv", csv.path])
    #expect(merged.status == 0 && FileManager.default.fileExists(atPath: csv.path))
}

@Test(.tags(.slow), TestSet.notFast)
func sigtermFinishesLikeTheFirstCtrlC() throws {
    let process = Process()
    process.executableURL = CLIRunner.binary
    // Many short runs: the signal is seen between runs, within a fraction of a second.
    process.arguments = ["check", "--smoothness", "1,2", "--arch", "oracle", "--n-min", "64", "--n-max", "256",
                         "--points", "3", "--seeds", "40"]
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let pid = process.processIdentifier
    // Bounded even if the signal were lost: the sweep is killed after 90 s.
    DispatchQueue.global().asyncAfter(deadline: .now() + 90) { kill(pid, SIGKILL) }
    Thread.sleep(forTimeInterval: 1.5)
    kill(pid, SIGTERM)
    let signalled = Date()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    _ = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 143)
    #expect(Date().timeIntervalSince(signalled) < 30)
    #expect(String(decoding: stdout, as: UTF8.self).contains("oracle"))
}

/// merge trusts nothing in a shard: each corruption is refused in one line naming the
/// field or the run, quickly and without allocating from the file's numbers.
@Test(.tags(.slow), TestSet.notFast)
func mergeRefusesCorruptedShards() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-corrupt-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let made = try CLIRunner.run(smallSweep + ["--shard", "1/2", "--out", directory.path])
    #expect(made.status == 0)
    let original = try Data(contentsOf: directory.appendingPathComponent("shard-1-of-2.json"))
    let base = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
    var runs = try #require(base["runs"] as? [[String: Any]])
    let firstRun = runs[0]
    func variant(_ change: (inout [String: Any]) -> Void) -> [String: Any] { var copy = base; change(&copy); return copy }
    func setting(_ key: String, _ value: Any) -> [String: Any] {
        variant { var settings = $0["settings"] as! [String: Any]; settings[key] = value; $0["settings"] = settings }
    }
    func withRun(_ key: String, _ value: Any) -> [String: Any] {
        variant { var run = firstRun; run[key] = value; $0["runs"] = [run] }
    }
    runs.append(firstRun)
    let cases: [(String, [String: Any], String)] = [
        ("seeds", setting("seeds", 1_000_000_000), "settings.seeds"),
        ("many", variant { $0["runs"] = Array(repeating: firstRun, count: 3000) }, "runs"),
        ("foreign-n", withRun("n", 999), "n=999"),
        ("negative-n", withRun("n", -128), "n=-128"),
        ("replicate", withRun("replicate", 99), "seed 99"),
        ("estimator", withRun("estimator", "ssm"), "ssm"),
        ("theory", variant { $0["theory_rate"] = "1/2" }, "theory_rate"),
        ("target", variant { var target = $0["target"] as! [String: Any]; target["terms"] = 1; $0["target"] = target }, "target.terms"),
        ("nan", setting("log_band_k", "nan"), "log_band_k"),
        ("cnn-q", setting("cnn_q", "-2"), "settings.cnn_q"),
        ("duplicate", variant { $0["runs"] = runs }, "appears twice"),
    ]
    for (name, object, phrase) in cases {
        let folder = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: object).write(to: folder.appendingPathComponent("shard-1-of-2.json"))
        let start = Date()
        let output = try CLIRunner.run(["merge", folder.path])
        Contract.expectOneCleanLine(output)
        #expect(output.stderr.contains(phrase), "\(name): \(output.stderr)")
        #expect(Date().timeIntervalSince(start) < 5)
    }
    let missing = try CLIRunner.run(["merge", directory.appendingPathComponent("none").path])
    Contract.expectOneCleanLine(missing)
    #expect(!missing.stderr.contains("Error Domain"))
}

/// Every command writes its standard output through one checked writer: when stdout cannot
/// be written (`/dev/full`), the command fails with exit 2 and one line, never a silent 0.
@Suite struct FullStandardOutputTests {
    static let stale = "```ratecalc\n--smoothness 1,2,4 --gamma anisotropic --arch ssm\n```\n"

    @Test("every subcommand exits 2 when stdout is full", .tags(.slow), TestSet.notFast, arguments: [
        ["--smoothness", "1,2,4"], ["rate", "--smoothness", "1,2,4", "--format", "json"], ["--latex-preamble"],
        ["samples", "--smoothness", "1,2,4", "--error", "1e-2"], ["samples", "--latex-preamble"],
        ["value", "rate-exponent", "--smoothness", "1,2,4", "--gamma", "anisotropic"],
        ["--help"], ["notes", "--help"], ["check", "--help"],
        ["notes", "--diff", "stale.md"], ["notes", "--check", "stale.md"],
        ["notes", "--render-block", "markdown"], ["notes", "--render-value"],
        ["check", "--smoothness", "1,2", "--arch", "oracle", "--n-min", "32", "--n-max", "64", "--points", "2", "--seeds", "1"],
        ["plan", "--smoothness", "1,2", "--n-min", "32", "--n-max", "64", "--points", "2", "--shards", "2", "--scheduler", "shell", "--out", "plan"],
        ["merge", "runs"],
        ["bench", "sum", "--count", "100", "--runs", "1"],
        ["bench", "oracle", "--sequences", "24", "--rows", "10", "--gamma", "mixed", "--threads", "1"],
        ["bench", "train", "--steps", "1", "--arch", "fnn", "--threads", "1"],
    ])
    func fullStandardOutputIsAnError(arguments: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("stale.md", Self.stale)
        if arguments.first == "merge" {
            let shard = try ExternalTool.run(CLIRunner.binary, ["check", "--smoothness", "1,2", "--arch", "oracle", "--n-min", "32", "--n-max", "64",
                                                                "--points", "2", "--seeds", "1", "--shard", "1/1", "--out", "runs"], in: scratch.url)
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        let input = arguments.contains("--render-value") ? "rate-exponent --smoothness 1,2,4 --gamma anisotropic" : "--smoothness 1,2,4"
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let output = try CLIRunner.run(arguments, standardOutput: full, in: scratch.url, input: input)
        #expect(output.status == 2, "\(arguments): status \(output.status) \(output.stderr.prefix(200))")
        #expect(output.stderr.hasSuffix("cannot write the output to standard output: No space left on device\n"), "\(arguments): \(output.stderr.suffix(300))")
        #expect(try scratch.read("stale.md") == Self.stale)
    }
}
