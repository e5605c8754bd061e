import Foundation
import Testing
@testable import Numeric

/// Runs at once (docs/check.md, "Runs at once"): how the threads are shared, that the runs
/// give the same records in the same order as one after the other, that a stop keeps only
/// finished runs, that a failing `finished` stops the sweep, and the shared sample cache.
@Suite struct CheckConcurrentRunsTests {
    /// The runner `check` builds for `settings` (its validated sweep's target and level coefficient).
    static func runner(_ settings: CheckSettings, threads: Int) throws -> CheckRunner {
        let sweep = try CheckSweep(settings: settings)
        return CheckRunner(settings: sweep.settings, target: sweep.target, theoryLevelCoefficient: sweep.levelCoefficient,
                           threads: threads)
    }

    static var settings: CheckSettings {
        CheckSweepTests.settings(estimators: [.ssm, .transformer, .oracle], sizes: [16, 32], seeds: 2)
    }

    @Test func scheduleSharesTheThreadsAmongTheRuns() {
        #expect(CheckRunner.RunSchedule(threads: 2, runs: 54) == .init(threads: 2, runs: 3))
        let many = CheckRunner.RunSchedule(threads: 2, runs: 54)
        #expect(many.concurrent == 2 && many.threadsPerRun == 1)
        let one = CheckRunner.RunSchedule(threads: 2, runs: 1)
        #expect(one.concurrent == 1 && one.threadsPerRun == 2)
        let three = CheckRunner.RunSchedule(threads: 8, runs: 3)
        #expect(three.concurrent == 3 && three.threadsPerRun == 2)
        let none = CheckRunner.RunSchedule(threads: 0, runs: 0)
        #expect(none.concurrent == 1 && none.threadsPerRun == 1)
    }

    /// Three runs at once give the records of one run at a time, bit for bit, in plan order, and
    /// `finished` sees each of them once, on the calling thread.
    @Test func runsAtOnceEqualRunsOneAfterTheOther() throws {
        let keys = CheckPlan(settings: Self.settings).runs
        let serial = try Self.runner(Self.settings, threads: 1).run(keys)
        var handed: [CheckRunKey] = []
        var onCaller = true
        let caller = Thread.current
        let concurrent = try Self.runner(Self.settings, threads: 3).run(keys, finished: { record in
            handed.append(record.key)
            onCaller = onCaller && Thread.current == caller
        })
        #expect(serial.map(\.key) == keys && concurrent.map(\.key) == keys)
        #expect(handed.count == keys.count && Set(handed) == Set(keys))
        #expect(onCaller)
        for (a, b) in zip(serial, concurrent) {
            #expect(a.testMSE == b.testMSE, "\(a.key)")
            #expect(a.training?.finalTrainMSE == b.training?.finalTrainMSE, "\(a.key)")
            #expect(a.details.filter { $0.key != "threads" } == b.details.filter { $0.key != "threads" }, "\(a.key)")
        }
        #expect(concurrent.filter { $0.estimator.isNetwork }.allSatisfy { $0.details["threads"] == 1 })
    }

    /// A stop raised during the sweep returns only runs that finished, each equal to its
    /// uninterrupted result, and starts nothing after it.
    @Test func stopKeepsFinishedRunsOnly() throws {
        // Runs of a few hundred steps each (≈ 0.1 s), so that the stop, raised at the first progress
        // line, comes long before the two workers could have done all of them.
        var settings = CheckSweepTests.settings(estimators: [.ssm, .transformer], sizes: [16], seeds: 3)
        settings.minSteps = 150
        let keys = CheckPlan(settings: settings).runs
        let reference = Dictionary(uniqueKeysWithValues: try Self.runner(settings, threads: 1).run(keys).map { ($0.key, $0) })
        let stop = StopAfter(1)
        var handed = 0
        let records = try Self.runner(settings, threads: 2).run(keys, progress: { _ in stop.tick() },
                                                                shouldStop: { stop.isDone }, finished: { _ in handed += 1 })
        #expect(records.count < keys.count && handed == records.count)
        #expect(records.map(\.key) == records.map(\.key).sorted { keys.firstIndex(of: $0)! < keys.firstIndex(of: $1)! })
        for record in records { #expect(record.testMSE == reference[record.key]?.testMSE, "\(record.key)") }
    }

    /// A shard file written by runs at once holds them in plan order: the same file as one run at a time.
    @Test func shardFileOfRunsAtOnceEqualsOneAtATime() throws {
        let settings = Self.settings
        let sweep = try CheckSweep(settings: settings)
        func file(threads: Int) throws -> [CheckRunKey] {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-at-once-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let outcome = try CheckShardExecution(sweep: sweep, shard: .whole, balance: .count, threads: threads,
                                                  directory: directory).run(progress: { _ in }, shouldStop: { false })
            return try CheckShardFile.read(from: try #require(outcome.file)).runs.map(\.key)
        }
        let planned = CheckPlan(settings: settings).runs
        #expect(try file(threads: 1) == planned)
        #expect(try file(threads: 3) == planned)
    }

    /// The progress line names the run started last and counts the others in progress.
    @Test func progressNamesTheRunsInProgress() throws {
        let key = CheckRunKey(estimator: .transformer, n: 16384, replicate: 0)
        var progress = CheckProgress(finished: 3, total: 10, current: key, elapsed: 5)
        #expect(progress.currentDescription == "transformer n=16384 seed 0")
        progress.running = 2
        #expect(progress.currentDescription == "transformer n=16384 seed 0 (+1 running)")
        progress.current = nil
        #expect(progress.currentDescription == nil)
        var seen: [CheckProgress] = []
        _ = try Self.runner(Self.settings, threads: 2).run(CheckPlan(settings: Self.settings).runs,
                                                          progress: { seen.append($0) })
        // Every line names a run in progress, except the last, which clears it.
        #expect(seen.last?.current == nil && seen.dropLast().allSatisfy { $0.current != nil && (1...2).contains($0.running) })
    }

    struct WriteFailed: Error {}

    /// An error of `finished` (a shard file that cannot be written) ends the sweep with that error
    /// after the runs in progress have stopped.
    @Test func failingFinishedStopsTheSweep() throws {
        let keys = CheckPlan(settings: Self.settings).runs
        var calls = 0
        #expect(throws: WriteFailed.self) {
            _ = try Self.runner(Self.settings, threads: 2).run(keys, finished: { _ in
                calls += 1
                throw WriteFailed()
            })
        }
        #expect(calls == 1)
    }

    /// Concurrent requests of one registered sample draw it once; after its last registered use
    /// it is released, and an unregistered request is drawn every time.
    @Test func sampleCacheDrawsOnceAndReleasesAfterTheLastUse() throws {
        let settings = Self.settings
        let target = try Self.runner(settings, threads: 1).target
        let key = CheckRunKey(estimator: .ssm, n: 16, replicate: 0)
        let cache = CheckSampleCache()
        cache.register(Array(repeating: key, count: 4))
        let draws = Counter()
        let id = CheckSampleCache.TrainingKey(n: 16, replicate: 0, noiseless: false)
        let draw: @Sendable () -> TargetSample = {
            draws.add()
            return target.sample(sequences: 16, length: settings.length, noise: settings.noise, seed: 1)
        }
        DispatchQueue.concurrentPerform(iterations: 4) { _ in _ = cache.trainingSample(id, draw: draw) }
        #expect(draws.value == 1)
        _ = cache.trainingSample(id, draw: draw)
        #expect(draws.value == 2)
        _ = cache.testSample(replicate: 0, draw: draw)
        _ = cache.testSample(replicate: 0, draw: draw)
        #expect(draws.value == 3)
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
