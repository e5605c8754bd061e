import Foundation
import Testing
import Bounds
@testable import Numeric

/// `--shard i/N` files and `ratecalc merge` (CheckShardFile, CheckMerge).
@Suite struct ShardMergeTests {
    static let settings = CheckFixtures.settings()
    static let records = CheckFixtures.records(settings, exponents: [.ssm: 0.5, .transformer: 0.52, .oracle: 0.6])

    /// The target the settings give (merge rebuilds it and refuses a shard whose target differs).
    static let target: CheckTargetSummary = {
        let built = try! SyntheticTarget(smoothness: try! Smoothness.parse(settings.smoothness), gamma: settings.gamma,
                                         functionClass: settings.functionClass, level: settings.targetLevel, window: settings.window,
                                         weights: settings.weights, seed: CheckSeeds(master: settings.seed).target)
        return CheckTargetSummary(termCount: built.termCount, squaredNorm: built.squaredNorm, level: built.level)
    }()

    static func shard(_ index: Int, of count: Int, runs: [CheckRunRecord], settings: CheckSettings = settings,
                      target: CheckTargetSummary = target) -> CheckShardFile {
        CheckShardFile(settings: settings, target: target, theoryRate: CheckFixtures.theory,
                       shardIndex: index, shardCount: count, runs: runs)
    }

    /// Round-robin split into `count` shards, written into `directory`.
    static func writeShards(_ records: [CheckRunRecord], count: Int, to directory: URL) throws {
        for index in 1...count {
            let runs = records.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
            try shard(index, of: count, runs: runs).write(to: directory)
        }
    }

    @Test func fileNames() {
        #expect(CheckShardFile.fileName(index: 1, count: 4) == "shard-1-of-4.json")
    }

    @Test func shardRoundTripsThroughJSON() throws {
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var runs = Array(Self.records.prefix(5))
        runs[0].testMSE = .nan
        let shard = Self.shard(2, of: 3, runs: runs)
        try shard.write(to: directory)
        let read = try CheckShardFile.read(from: directory.appendingPathComponent("shard-2-of-3.json"))
        #expect(read.settings == shard.settings && read.target == shard.target && read.theoryRate == "8/15")
        #expect(read.runs[0].testMSE.isNaN && Array(read.runs.dropFirst()) == Array(runs.dropFirst()))
        #expect(read.kind == "ratecalc-check-shard" && read.schemaVersion == 1)
        let text = try String(contentsOf: directory.appendingPathComponent("shard-2-of-3.json"), encoding: .utf8)
        #expect(text.contains("\"kind\" : \"ratecalc-check-shard\"") && text.contains("\"shard_index\" : 2"))
    }

    @Test func shardsWrittenBeforeTheReplicateRenameStillMerge() throws {
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let runs = Array(Self.records.prefix(4))
        try Self.shard(1, of: 1, runs: runs).write(to: directory)
        let file = directory.appendingPathComponent("shard-1-of-1.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"replicate\" : "))
        // An older file: the replicate index under the key `seed`.
        try text.replacingOccurrences(of: "\"replicate\" : ", with: "\"seed\" : ").write(to: file, atomically: true, encoding: .utf8)
        let old = try CheckShardFile.read(from: file)
        #expect(old.runs == runs)
        #expect(runs.contains { $0.replicate > 0 })
        // Neither key: a missing field, named.
        let record = try JSONEncoder().encode(runs[0])
        var object = try #require(try JSONSerialization.jsonObject(with: record) as? [String: Any])
        object["replicate"] = nil
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CheckRunRecord.self, from: JSONSerialization.data(withJSONObject: object)) }
    }

    @Test func threeShardsMergeToTheUnshardedReport() throws {
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.writeShards(Self.records, count: 3, to: directory)
        let merged = try CheckMerge.load([directory])
        #expect(merged.settings == Self.settings && merged.target == Self.target && merged.theoryRate == CheckFixtures.theory)
        #expect(merged.runs.count == Self.records.count)
        let unsharded = CheckFixtures.report(Self.settings, Self.records, bootstrapSamples: 2000)
        // The unsharded fixture report carries the fixture's target summary; the runs, fits and
        // verdicts are what is compared.
        let fromShards = CheckReport(settings: merged.settings, smoothness: CheckFixtures.smoothness, theoryRate: merged.theoryRate,
                                     target: CheckFixtures.target, records: merged.runs)
        #expect(fromShards.json() == unsharded.json())
        #expect(fromShards.csv() == unsharded.csv())
    }

    @Test func filesAndDirectoriesCanBeMixedAndIdenticalDuplicatesAreDropped() throws {
        let a = try CheckFixtures.temporaryDirectory(), b = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: a) }
        defer { try? FileManager.default.removeItem(at: b) }
        try Self.writeShards(Self.records, count: 2, to: a)
        // b holds shard 1 again plus an overlapping re-run of a few identical records.
        try Self.shard(1, of: 2, runs: Array(Self.records.prefix(10))).write(to: b)
        let merged = try CheckMerge.load([a.appendingPathComponent("shard-1-of-2.json"), a, b])
        #expect(merged.runs.count == Self.records.count)
    }

    @Test func mismatchedSettingsNameTheFileAndField() throws {
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.shard(1, of: 2, runs: Array(Self.records.prefix(4))).write(to: directory)
        var other = Self.settings
        other.noise = 0.25
        try Self.shard(2, of: 2, runs: Array(Self.records.suffix(4)), settings: other).write(to: directory)
        do {
            _ = try CheckMerge.load([directory])
            Issue.record("merge accepted shards with different settings")
        } catch let error as CheckMergeError {
            #expect(error.description.contains("shard-2-of-2.json"))
            #expect(error.description.contains("settings.noise"))
            #expect(error.description.contains("0.25") && !error.description.contains("\n"))
        }
        let targets = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: targets) }
        try Self.shard(1, of: 2, runs: []).write(to: targets)
        try Self.shard(2, of: 2, runs: [], target: CheckTargetSummary(termCount: 99, squaredNorm: Self.target.squaredNorm, level: Self.target.level)).write(to: targets)
        #expect(throws: CheckMergeError.self) { try CheckMerge.load([targets]) }
        #expect((try? CheckMerge.load([targets])) == nil)
        do { _ = try CheckMerge.load([targets]) } catch { #expect("\(error)".contains("target.terms")) }
    }

    @Test func conflictingDuplicateIsAnError() throws {
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var changed = Self.records[3]
        changed.testMSE *= 1.5
        try Self.shard(1, of: 2, runs: Array(Self.records.prefix(6))).write(to: directory)
        try Self.shard(2, of: 2, runs: [changed]).write(to: directory)
        do {
            _ = try CheckMerge.load([directory])
            Issue.record("merge accepted two different records for one run")
        } catch let error as CheckMergeError {
            guard case .conflictingRun(let file, let other, let estimator, let n, let seed) = error else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(file.hasSuffix("shard-2-of-2.json") && other.hasSuffix("shard-1-of-2.json"))
            #expect(estimator == changed.estimator && n == changed.n && seed == changed.replicate)
        }
    }

    @Test func badInputsAreNamed() throws {
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: CheckMergeError.noShards(path: directory.path)) { try CheckMerge.load([directory]) }
        let missing = directory.appendingPathComponent("nowhere")
        #expect(throws: CheckMergeError.noShards(path: missing.path)) { try CheckMerge.load([missing]) }
        let bogus = directory.appendingPathComponent("shard-1-of-1.json")
        try Data("{\"kind\": \"something-else\"}".utf8).write(to: bogus)
        do { _ = try CheckMerge.load([directory]); Issue.record("accepted a non-shard") } catch {
            #expect("\(error)".contains("shard-1-of-1.json") && "\(error)".contains("something-else"))
        }
        try Data("{\"kind\": \"ratecalc-check-shard\", \"schema_version\": 1}".utf8).write(to: bogus)
        do { _ = try CheckMerge.load([bogus]); Issue.record("accepted an empty shard") } catch {
            #expect("\(error)".contains("missing field"))
        }
    }
}
