import Foundation
import Testing

/// `ratecalc check --class piecewise --window V₁,V₂,…`: the window sweep through the CLI.
@Suite struct WindowSweepCommandTests {
    static let tiny = ["check", "--smoothness", "1,2", "--class", "piecewise", "--window", "2,4", "--n-max", "16",
                       "--seeds", "1", "--arch", "fnn,oracle", "--length", "8", "--width", "8", "--epochs", "1",
                       "--min-steps", "2", "--test-sequences", "16", "--target-level", "2"]

    @Test func jsonHasOneRowPerEstimatorAndWindow() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-window-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plot = directory.appendingPathComponent("window.svg"), csv = directory.appendingPathComponent("window.csv")
        let report = try CLIRunner.json(Self.tiny + ["--plot", plot.path, "--csv", csv.path])
        #expect(report["kind"] as? String == "window_sweep" && report["n"] as? Int == 16)
        let table = try #require(report["table"] as? [[String: Any]])
        #expect(table.map { "\($0["estimator"]!)@\($0["window"]!)" } == ["fnn@2", "fnn@4", "oracle@2", "oracle@4"])
        #expect(table.allSatisfy { ($0["mean_test_mse"] as? Double).map { $0.isFinite && $0 > 0 } ?? false })
        #expect(try String(contentsOf: plot, encoding: .utf8).contains("</svg>"))
        #expect(try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").count == 5)
    }

    @Test(arguments: [
        (["--window", "4,x", "--class", "piecewise"], "--window"),
        (["--window", "0", "--class", "piecewise"], "--window"),
        (["--window", "4,4", "--class", "piecewise"], "--window"),
        (["--window", "4,8"], "--class piecewise"),
        (["--window", "4,8", "--class", "piecewise", "--shard", "1/2", "--out", "/tmp"], "--shard"),
        (["--window", "4,8", "--class", "piecewise", "--format", "latex"], "latex"),
        (["--window", "1,8", "--class", "piecewise"], "--window (1)"),
        (["--window", "4,40", "--class", "piecewise"], "--length"),
    ])
    func badInputIsOneLineAndExitTwo(arguments: [String], mentions: String) throws {
        let output = try CLIRunner.run(["check", "--smoothness", "1,2"] + arguments)
        #expect(output.status == 2, "\(arguments): \(output.stderr)")
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
        #expect(output.stderr.contains(mentions), "\(output.stderr)")
    }
}

@Test(.tags(.external), ExternalTool.required(SchemaValidator.requirement))
func windowSweepJSONMatchesTheSchema() throws {
    let output = try CLIRunner.run(WindowSweepCommandTests.tiny + ["--format", "json"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try SchemaValidator.violations(output.stdout, kind: "window_sweep") == nil)
    // Not vacuous: a check report is not a window sweep.
    let check = try CLIRunner.run(CheckCommandTests.tiny + ["--format", "json"])
    #expect(try SchemaValidator.violations(check.stdout, kind: "window_sweep") != nil)
}
