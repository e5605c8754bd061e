import Foundation
import Testing
@testable import Numeric

/// Resumable shard files (CheckShardWriter) and merge's report of missing runs (CheckMergeGap).
@Suite struct ShardResumeTests {
    static let settings = ShardMergeTests.settings
    static let records = ShardMergeTests.records
    static func template(_ index: Int = 1, of count: Int = 2, balance: CheckShardBalance = .count) -> CheckShardFile {
        ShardMergeTests.shard(index, of: count, runs: [], settings: settings).with(balance: balance)
    }

    @Test func everyAppendLeavesACompleteFileAndARestartSkipsItsRuns() throws {
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let planned = CheckPlan(settings: Self.settings).shard(1, of: 2)
        let byKey = Dictionary(uniqueKeysWithValues: Self.records.map { ($0.key, $0) })
        var writer = try CheckShardWriter(directory: directory, template: Self.template(), planned: planned)
        #expect(writer.remaining == planned && writer.resumedCount == 0)
        for key in planned.prefix(3) {
            try writer.append(byKey[key]!)
            // The file on disk is a valid shard holding exactly the runs so far.
            let onDisk = try CheckShardFile.read(from: writer.file)
            #expect(onDisk.runs == writer.shard.runs)
        }
        // A write killed before its rename leaves a partial temporary file; the restart removes it.
        let partial = directory.appendingPathComponent(".shard-1-of-2.json.partial-99999")
        try Data("{\"kind\": \"ratecalc-check-sh".utf8).write(to: partial)
        let restarted = try CheckShardWriter(directory: directory, template: Self.template(), planned: planned)
        #expect(restarted.resumedCount == 3)
        #expect(restarted.remaining == Array(planned.dropFirst(3)))
        #expect(!FileManager.default.fileExists(atPath: partial.path))
        // Merge sees the unfinished shard and names it, with its missing runs.
        var finished = restarted
        for key in finished.remaining { try finished.append(byKey[key]!) }
        let gap = try #require(try CheckMerge.loadWithGap([directory]).gap)
        #expect(gap.shards.map(\.index) == [2] && gap.shards[0].file == nil)
        #expect(gap.missingCount == CheckPlan(settings: Self.settings).shard(2, of: 2).count)
    }

    @Test func aTornOrForeignShardFileIsRefusedNotOverwritten() throws {
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let planned = CheckPlan(settings: Self.settings).shard(1, of: 2)
        let file = directory.appendingPathComponent("shard-1-of-2.json")
        try Data("{\"kind\": \"ratecalc-check-shard\", \"schema_version\": 1, \"runs\": [".utf8).write(to: file)
        #expect(throws: CheckMergeError.self) { try CheckShardWriter(directory: directory, template: Self.template(), planned: planned) }
        #expect(try Data(contentsOf: file).count > 0)
        // A shard of another sweep, or the same file under another split.
        try ShardMergeTests.shard(1, of: 2, runs: []).with(settings: { $0.noise = 0.25 }).write(to: directory)
        do { _ = try CheckShardWriter(directory: directory, template: Self.template(), planned: planned); Issue.record("accepted another sweep") }
        catch { #expect("\(error)".contains("settings.noise")) }
        try ShardMergeTests.shard(1, of: 2, runs: []).write(to: directory)
        do { _ = try CheckShardWriter(directory: directory, template: Self.template(balance: .cost), planned: planned); Issue.record("accepted another split") }
        catch { #expect("\(error)".contains("balance")) }
    }

    @Test func mergeNamesIncompleteShardsAndTheirRuns() throws {
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = CheckPlan(settings: Self.settings)
        let byKey = Dictionary(uniqueKeysWithValues: Self.records.map { ($0.key, $0) })
        let first = plan.shard(1, of: 3), second = plan.shard(2, of: 3)
        try ShardMergeTests.shard(1, of: 3, runs: first.map { byKey[$0]! }).write(to: directory)
        try ShardMergeTests.shard(2, of: 3, runs: second.dropLast(2).map { byKey[$0]! }).write(to: directory)
        #expect(throws: CheckMergeError.self) { try CheckMerge.load([directory], requireComplete: true) }
        let gap = try #require(try CheckMerge.loadWithGap([directory]).gap)
        #expect(gap.shards.map(\.index) == [2, 3])
        #expect(gap.shards[0].missing == Array(second.suffix(2)))
        #expect(gap.shards[0].file?.hasSuffix("shard-2-of-3.json") == true && gap.shards[1].file == nil)
        let line = gap.description
        #expect(!line.contains("\n") && line.contains("shard 2/3") && line.contains("shard 3/3 (no file)"))
        #expect(line.contains(second.last!.description) && line.contains("… and"))
        // Complete input has no gap.
        try ShardMergeTests.writeShards(Self.records, count: 3, to: directory)
        #expect(try CheckMerge.loadWithGap([directory]).gap == nil)
    }

    @Test func costBalancedShardsCarryTheirSplitAndTheGapFollowsIt() throws {
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = CheckPlan(settings: Self.settings)
        let model = try CheckCostModel(settings: Self.settings)
        let shards = plan.shards(count: 2, balance: .cost, costModel: model)
        let byKey = Dictionary(uniqueKeysWithValues: Self.records.map { ($0.key, $0) })
        try Self.template(1, of: 2, balance: .cost).with(runs: shards[0].map { byKey[$0]! }).write(to: directory)
        let text = try String(contentsOf: directory.appendingPathComponent("shard-1-of-2.json"), encoding: .utf8)
        #expect(text.contains("\"balance\" : \"cost\""))
        let gap = try #require(try CheckMerge.loadWithGap([directory]).gap)
        #expect(gap.shards.count == 1 && gap.shards[0].index == 2 && gap.shards[0].missing == shards[1])
    }
}

extension CheckShardFile {
    func with(balance: CheckShardBalance) -> CheckShardFile { var copy = self; copy.balance = balance == .count ? nil : balance; return copy }
    func with(runs: [CheckRunRecord]) -> CheckShardFile { var copy = self; copy.runs = runs; return copy }
    func with(settings change: (inout CheckSettings) -> Void) -> CheckShardFile { var copy = self; change(&copy.settings); return copy }
}
