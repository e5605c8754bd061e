import Foundation
import Testing

/// `ratecalc check` and `ratecalc merge` end to end on tiny sweeps (seconds in a debug build):
/// the JSON contract of docs/json-schema.md, written files, sharded = unsharded, bad input, `--strict`.
@Suite(.tags(.slow), TestSet.notFast) struct CheckCommandTests {
    /// A tiny sweep: anisotropic a = (1, 2) (r = 4/7), L = 8, n = 32 … 128, 2 seeds.
    static let tiny = ["check", "--smoothness", "1,2", "--arch", "fnn,oracle", "--n-min", "32", "--n-max", "128",
                       "--points", "3", "--seeds", "2", "--length", "8", "--width", "8", "--epochs", "1",
                       "--min-steps", "2", "--window", "4", "--test-sequences", "16", "--target-level", "4"]

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The report without wall-clock times, which are the only thing that may differ between runs.
    static func withoutTimes(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !["seconds", "mean_seconds", "threads"].contains($0.key) }.mapValues(withoutTimes)
        }
        if let array = value as? [Any] { return array.map(withoutTimes) }
        return value
    }

    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: withoutTimes(value), options: [.sortedKeys]), as: UTF8.self)
    }

    /// Networks split each batch into a fixed number of pieces (batch 64 → 2), so 1 and 3 threads
    /// must give the same weights and the same report, apart from seconds and the recorded thread count.
    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let sweep = ["check", "--smoothness", "1,2", "--arch", "ssm,transformer,oracle", "--n-min", "100", "--n-max", "200",
                     "--points", "2", "--seeds", "1", "--length", "8", "--width", "8", "--epochs", "2", "--min-steps", "4",
                     "--test-sequences", "16", "--target-level", "4", "--oracle-below", "1"]
        let one = try CLIRunner.json(sweep + ["--threads", "1"])
        let three = try CLIRunner.json(sweep + ["--threads", "3"])
        #expect(try Self.canonical(one) == Self.canonical(three))
        let runs = (one["estimators"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]]
        #expect((runs?.first?["details"] as? [String: Any])?["threads"] as? Double == 1)
    }

    @Test func jsonReportFollowsTheContract() throws {
        let report = try CLIRunner.json(Self.tiny)
        #expect(report["schema_version"] as? Int == 1)
        #expect(report["gamma"] as? String == "anisotropic")
        #expect(report["class"] as? String == "gamma-smooth")
        let theory = try #require(report["theory"] as? [String: Any])
        let rate = try #require(theory["rate_exponent"] as? [String: Any])
        #expect(rate["exact"] as? String == "4/7")
        let settings = try #require(report["settings"] as? [String: Any])
        #expect(settings["n"] as? [Int] == [32, 64, 128])
        #expect(settings["seeds"] as? Int == 2)
        let estimators = try #require(report["estimators"] as? [[String: Any]])
        #expect(estimators.map { $0["name"] as? String } == ["fnn", "oracle"])
        let verdicts = ["consistent", "consistent up to polylog", "faster than theory", "slower than theory", "not enough data", "inconclusive"]
        for estimator in estimators {
            let runs = try #require(estimator["runs"] as? [[String: Any]])
            #expect(runs.count == 6)
            #expect(runs.allSatisfy { ($0["test_mse"] as? Double).map { $0 > 0 } == true })
            #expect(estimator["fitted_exponent"] is Double)
            #expect((estimator["interval"] as? [Double])?.count == 2)
            #expect(verdicts.contains(estimator["verdict"] as? String ?? ""))
        }
        #expect(report["ssm_minus_transformer"] is NSNull)
        let band = try #require(report["log_band"] as? [String: Any])
        #expect(band["k"] as? Double == 2)
    }

    @Test func sameSeedSameReportAndFilesAreWritten() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        defer { try? FileManager.default.removeItem(at: directory) }
        let plot = directory.appendingPathComponent("check.svg"), csv = directory.appendingPathComponent("runs.csv")
        let first = try CLIRunner.json(Self.tiny + ["--plot", plot.path, "--csv", csv.path])
        let second = try CLIRunner.json(Self.tiny)
        #expect(try Self.canonical(first) == Self.canonical(second))
        let svg = try String(contentsOf: plot, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("</svg>") && svg.contains("theory slope"))
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.first?.hasPrefix("estimator,n,replicate,test_mse,seconds") == true)
        // 12 runs of the grid, the oracle's 2 seeds at the 4 extension sizes 16, 8, 4, 2 below n-min = 32,
        // and the fnn's noiseless floor run at n-max (last column `noiseless`).
        #expect(rows.count == 1 + 12 + 8 + 1)
        #expect(rows.filter { $0.hasPrefix("fnn,128,") && $0.hasSuffix(",1") }.count == 1)
        #expect(rows.filter { $0.hasPrefix("oracle,2,") }.count == 2)
    }

    /// One unsharded run written with `--out` (all runs, the oracle's extension sizes included)
    /// merges back into the same report.
    @Test func aWholeSweepWrittenWithOutMergesBack() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = try CLIRunner.json(Self.tiny + ["--out", directory.path])
        let merged = try CLIRunner.json(["merge", directory.path])
        #expect(try Self.canonical(whole) == Self.canonical(merged))
    }

    @Test func mergedShardsEqualTheUnshardedRun() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = try CLIRunner.json(Self.tiny)
        for index in 1...3 {
            let shard = try CLIRunner.run(Self.tiny + ["--shard", "\(index)/3", "--out", directory.path])
            #expect(shard.status == 0, "\(shard.stderr)")
            #expect(shard.stdout.contains("ratecalc merge"))
        }
        let merged = try CLIRunner.json(["merge", directory.path])
        #expect(try Self.canonical(merged) == Self.canonical(whole))
        // A shard of another sweep cannot be merged in.
        let other = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: other) }
        defer { try? FileManager.default.removeItem(at: other) }
        _ = try CLIRunner.run(Self.tiny + ["--noise", "0.5", "--shard", "1/3", "--out", other.path])
        let mixed = try CLIRunner.run(["merge", directory.path, other.path])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("noise"), "\(mixed.stderr)")
    }

    /// `--arch cnn` trains the dilated CNN, fits it against O22's r and says which theorem that is.
    @Test func cnnRunsWithItsTheoryNote() throws {
        var arguments = Self.tiny
        arguments[arguments.firstIndex(of: "fnn,oracle")!] = "cnn,oracle"
        let report = try CLIRunner.json(arguments)
        let estimators = try #require(report["estimators"] as? [[String: Any]])
        #expect(estimators.map { $0["name"] as? String } == ["cnn", "oracle"])
        let cnn = estimators[0]
        #expect((cnn["runs"] as? [[String: Any]])?.count == 6)
        #expect(cnn["fitted_exponent"] is Double)
        #expect((cnn["theory_note"] as? String)?.contains("Theorem 14") == true)
        #expect(cnn["efficiency"] is [String: Any])
        #expect(estimators[1]["theory_note"] == nil)
        let text = try CLIRunner.run(arguments).stdout
        #expect(text.contains("  cnn theory: r is O22's rate for the CNN"))
        #expect(report["settings"].flatMap { ($0 as? [String: Any])?["cnn_q"] } == nil, "no --q, no cnn_q key")
    }

    /// `--q` only changes the cnn's theory line (κ exact, the bend at n̄) and is kept in the settings.
    @Test func qStatesTheCNNPolylogExponent() throws {
        var arguments = Self.tiny + ["--q", "4/2"]
        arguments[arguments.firstIndex(of: "fnn,oracle")!] = "cnn,oracle"
        let report = try CLIRunner.json(arguments)
        #expect((report["settings"] as? [String: Any])?["cnn_q"] as? String == "2")
        let note = try #require((report["estimators"] as? [[String: Any]])?.first?["theory_note"] as? String)
        // κ = 2/2 + 2 + max(4/2, 4) = 7; n̄ = 64 for n = 32, 64, 128; r = 4/7 ≈ 0.571; 7/ln 64 ≈ 1.683.
        #expect(note.contains("= 7 ≈ 7 at q = 2") && note.contains("at n̄ = 64") && note.contains("0.571 − 1.683 = -1.112"), "\(note)")
        var withoutQ = arguments
        withoutQ.removeLast(2)
        let plain = try CLIRunner.json(withoutQ)
        let runs = { (r: [String: Any]) in try Self.canonical(((r["estimators"] as? [[String: Any]]) ?? []).map { $0["runs"] ?? [] }) }
        #expect(try runs(report) == runs(plain), "--q changes no run")
    }

    @Test func strictExitStatusFollowsTheVerdicts() throws {
        let output = try CLIRunner.run(Self.tiny + ["--strict", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let estimators = try #require(report["estimators"] as? [[String: Any]])
        let allConsistent = estimators.allSatisfy { $0["verdict"] as? String == "consistent" }
        #expect(output.status == (allConsistent ? 0 : 1))
    }

    @Test(arguments: [
        (["--smoothness", "poly(c=1,q=2)"], "family"),
        (["--smoothness", "1,,2"], "entry 2 is empty"),
        (["--smoothness", "1,1", "--gamma", "mixed"], "ā₁ < ā₂"),
        (["--smoothness", "1,2", "--arch", "ssm,lstm"], "ssm,lstm"),
        (["--smoothness", "1,2", "--shard", "3/2", "--out", "/tmp"], "3/2"),
        (["--smoothness", "1,2", "--shard", "1/2"], "--out"),
        (["--smoothness", "1,2", "--n-min", "1"], "--n-min"),
        (["--smoothness", "1,2", "--noise", "-1"], "--noise"),
        (["--smoothness", "1,2", "--seeds", "0"], "--seeds"),
        (["--smoothness", "1,2,4", "--class", "piecewise", "--window", "2"], "--window"),
        (["--smoothness", "1,2", "--oracle-level", "theroy"], "--oracle-level"),
        (["--smoothness", "1,2", "--oracle-level", "Theory"], "'validation' and 'theory'"),
        (["--smoothness", "1,2", "--weights", "heavy"], "--weights"),
        (["--smoothness", "1,2", "--gamma", "both"], "--gamma"),
        (["--smoothness", "1,2", "--class", "gamma-smooth"], "--class"),
        (["--smoothness", "1,2", "--shard", "2/x", "--out", "/tmp"], "'2/x' is invalid for '--shard <i/N>': expected i/N with 1 ≤ i ≤ N"),
        (["--smoothness", "1,2", "--n-min", "64", "--n-max", "32"], "--n-max (32) must be ≥ --n-min (64)"),
        (["--smoothness", "1,2", "--oracle-below", "21"], "--oracle-below"),
        (["--smoothness", "1,2", "--max-terms", "0"], "--max-terms"),
        (["--smoothness", "1,2", "--q", "0"], "--q '0': expected an exact number q > 0"),
        (["--smoothness", "1,2", "--q", "-1/2"], "--q '-1/2'"),
        (["--smoothness", "1,2", "--q", "q"], "'q' is invalid for '--q <Q>'"),
    ])
    func badInputIsOneLineAndExitTwo(arguments: [String], mentions: String) throws {
        let output = try CLIRunner.run(["check"] + arguments)
        #expect(output.status == 2, "\(arguments): \(output.stderr)")
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
        #expect(output.stderr.contains(mentions), "\(output.stderr)")
    }

    @Test func mergeOfNothingIsAnError() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CLIRunner.run(["merge", directory.path])
        #expect(output.status == 2)
        #expect(output.stderr.split(separator: "\n").count == 1)
    }
}
