import Foundation
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

@Test func mergeRefusesToOverwriteItsInputAndWritesFilesBeforeTheReport() throws {
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

@Test func sigtermFinishesLikeTheFirstCtrlC() throws {
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
