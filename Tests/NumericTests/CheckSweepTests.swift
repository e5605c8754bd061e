import Bounds
import Foundation
import Testing
@testable import Numeric

/// The sweep: n grid, run plan, shards, seeds, and that sharded runs equal the unsharded sweep.
@Suite struct CheckSweepTests {
    static func settings(estimators: [CheckEstimator] = [.ssm, .oracle], sizes: [Int] = [16, 32], seeds: Int = 2) -> CheckSettings {
        CheckSettings(smoothness: "1,2", gamma: .anisotropic, functionClass: .gammaSmooth, estimators: estimators,
                      sampleSizes: sizes, seeds: seeds, seed: 7, noise: 0.1, length: 8, width: 8, epochs: 1,
                      logBand: 2, window: 4, targetLevel: 2, testSequences: 16, minSteps: 2, oracleSizesBelow: 0)
    }

    @Test func geometricGridHitsBothEndsAndIsAscending() throws {
        #expect(try SampleSizeGrid.geometric(from: 512, to: 16384, points: 6) == [512, 1024, 2048, 4096, 8192, 16384])
        #expect(try SampleSizeGrid.geometric(from: 100, to: 1000, points: 3) == [100, 316, 1000])
        #expect(try SampleSizeGrid.geometric(from: 10, to: 12, points: 5) == [10, 11, 12])
        #expect(try SampleSizeGrid.geometric(from: 64, to: 64, points: 1) == [64])
        #expect(throws: CheckSettingsError.self) { try SampleSizeGrid.geometric(from: 1, to: 10, points: 3) }
        #expect(throws: CheckSettingsError.self) { try SampleSizeGrid.geometric(from: 20, to: 10, points: 3) }
        #expect(throws: CheckSettingsError.self) { try SampleSizeGrid.geometric(from: 2, to: 10, points: 0) }
    }

    @Test func shardsPartitionThePlan() {
        let plan = CheckPlan(settings: Self.settings(estimators: [.ssm, .transformer, .oracle], sizes: [16, 32, 64], seeds: 3))
        #expect(plan.runs.count == 27)
        #expect(Set(plan.runs).count == 27)
        for count in [1, 2, 4, 5, 30] {
            let shards = (1...count).map { plan.shard($0, of: count) }
            #expect(shards.map(\.count).reduce(0, +) == 27)
            #expect(Set(shards.flatMap { $0 }) == Set(plan.runs))
            #expect(shards.map(\.count).max()! - shards.map(\.count).min()! <= 1)
        }
    }

    @Test func shardSyntax() throws {
        let spec = try #require(ShardSpec("2/4"))
        #expect(spec.index == 2 && spec.count == 4 && spec.description == "2/4")
        for bad in ["0/4", "5/4", "2", "a/b", "2/0", "-1/3", "1/2/3", ""] {
            #expect(ShardSpec(bad) == nil, "\(bad)")
        }
        let plan = CheckPlan(settings: Self.settings())
        #expect(plan.shard(spec) == plan.shard(2, of: 4))
        #expect(plan.shard(.whole) == plan.runs)
    }

    @Test func settingsValidationNamesFieldsNotFlags() throws {
        try Self.settings().validate()
        func failure(_ change: (inout CheckSettings) -> Void) -> CheckSettingsError? {
            var settings = Self.settings()
            change(&settings)
            do { try settings.validate(); return nil } catch { return error as? CheckSettingsError }
        }
        let seeds = try #require(failure { $0.seeds = 0 })
        #expect(seeds.field == .seeds && seeds.description == "seeds must be a positive integer, got 0")
        #expect(seeds.message(naming: { "--" + $0.rawValue }) == "--seeds must be a positive integer, got 0")
        #expect(failure { $0.noise = .nan }?.field == .noise)
        #expect(failure { $0.minSteps = 0 }?.description == "min_steps must be a positive integer, got 0")
        #expect(failure { $0.oracleSizesBelow = 21 }?.field == .oracleSizesBelow)
        #expect(failure { $0.sampleSizes = [32, 16] }?.field == .nMin)
        #expect(failure { $0.smoothness = "poly(c=1,q=2)" }?.field == .smoothness)
        #expect(failure { $0.smoothness = "1,1"; $0.gamma = .mixed }?.field == .gamma)
        #expect(failure { $0.length = 1 }?.field == .length)
        #expect(failure { $0.functionClass = .piecewise; $0.window = 1 }?.field == .window)
        #expect(throws: CheckSettingsError.self) { try Self.settings().defaultTargetLevel(maxTerms: 0) }
    }

    @Test func sweepBuildsTheTheoryAndTheTarget() throws {
        let sweep = try CheckSweep(settings: Self.settings())
        // Anisotropic a = (1, 2): a† = (1 + 1/2)⁻¹ = 2/3, r = 2a†/(2a†+1) = 4/7, a†/(2a†+1) = 2/7.
        let rate = Rational(4, 7), coefficient = Rational(2, 7)
        #expect(sweep.theoryRate == rate && sweep.levelCoefficient == coefficient)
        #expect(sweep.smoothness.entries.count == 2 && sweep.target.level == 2)
        #expect(CheckSweep.defaultEstimators(windowSweep: false) == [.ssm, .transformer, .oracle])
        #expect(CheckSweep.defaultEstimators(windowSweep: true) == [.ssm, .transformer, .fnn, .oracle])  // the cnn only on request: the documented window sweep keeps its runs
    }

    @Test func seedsAreDistinctAcrossRolesAndRuns() {
        let seeds = CheckSeeds(master: 7)
        var all: Set<UInt64> = [seeds.target, seeds.testData(replicate: 0), seeds.testData(replicate: 1)]
        for n in [16, 32] { for r in 0..<3 {
            all.insert(seeds.trainingData(n: n, replicate: r))
            for e in CheckEstimator.allCases { all.insert(seeds.estimator(e, n: n, replicate: r)) }
        } }
        #expect(all.count == 3 + 2 * 3 * (1 + CheckEstimator.allCases.count))
        #expect(CheckSeeds(master: 8).target != seeds.target)
    }

    /// Salts belong to the names: adding cnn (salt 4) left the documented runs' salts 0–3 as they
    /// were, and a new estimator (the registry checks that salts are distinct) changes none of these.
    @Test func seedSaltsAreFixedPerEstimator() {
        let pinned: [(CheckEstimator, UInt64)] = [(.ssm, 0), (.transformer, 1), (.fnn, 2), (.oracle, 3), (.cnn, 4)]
        for (estimator, salt) in pinned { #expect(estimator.seedSalt == salt, "\(estimator)") }
        #expect(CheckEstimator.allCases.filter { pinned.map(\.0).contains($0) } == [.ssm, .transformer, .cnn, .fnn, .oracle])
    }

    /// Only the cnn needs a note: O22's stated theorems on the γ-smooth class, none on the piecewise class.
    @Test func theoryNoteNamesO22ForTheCNN() throws {
        let gamma = try #require(CheckEstimator.cnn.theoryNote(functionClass: .gammaSmooth, gamma: .anisotropic))
        #expect(gamma.contains("O22") && gamma.contains("Theorem 10") && gamma.contains("Theorem 14") && gamma.contains("stated"))
        let withQ = try #require(CheckEstimator.cnn.theoryNote(functionClass: .gammaSmooth, gamma: .mixed, q: Rational(2)))
        #expect(withQ.contains("= 7 ≈"))  // κ = 2/2 + 2 + max(4/2, 4) = 7
        // With the grid's n̄ the note says how far (log n)^κ bends the stated bound: r − κ/ln n̄.
        let bent = try #require(CheckEstimator.cnn.theoryNote(functionClass: .gammaSmooth, gamma: .anisotropic, q: Rational(1, 2),
                                                              geometricMeanN: 1_000_000, rate: Rational(8, 15)))
        // κ = 4 + 2 + max(8, 4) = 14; 14/ln 10⁶ ≈ 1.013 > 8/15: the bound still grows with n there.
        #expect(bent.contains("= 14 ≈ 14 at q = 1/2") && bent.contains("0.533 − 1.013 = -0.480") && bent.contains("still grows"), "\(bent)")
        let decays = try #require(CheckEstimator.cnn.theoryNote(functionClass: .gammaSmooth, gamma: .anisotropic, q: Rational(1000),
                                                                geometricMeanN: 1e12, rate: Rational(8, 15)))
        #expect(!decays.contains("still grows") && decays.contains("local decay exponent"), "\(decays)")
        let piecewise = try #require(CheckEstimator.cnn.theoryNote(functionClass: .piecewise, gamma: .anisotropic))
        #expect(piecewise.contains("no theorem") && piecewise.contains("baseline"))
        for estimator in CheckEstimator.allCases where estimator != .cnn {
            #expect(estimator.theoryNote(functionClass: .gammaSmooth, gamma: .anisotropic) == nil)
            #expect(estimator.theoryNote(functionClass: .piecewise, gamma: .anisotropic) == nil)
        }
    }

    @Test func stepCapFollowsNAndHasAFloor() {
        var settings = Self.settings()
        settings.epochs = 5
        settings.minSteps = 100
        let training = CheckRunner.training(settings: settings, seed: 1)
        // n = 100: 20 validation, 80 training, batch 64 → 2 steps per epoch → the floor of 100 steps.
        #expect(training.stepCap(stepsPerEpoch: 2) == 100)
        // n = 64000: 800 steps per epoch → 5 epochs = 4000 steps.
        #expect(training.stepCap(stepsPerEpoch: 800) == 4000)
        #expect(training.schedule == .plateau && training.patience == settings.patience)
        // Evaluations at least 100 steps apart: every 50 epochs at 2 steps per epoch, every epoch at 800.
        #expect(training.evaluationPeriod(stepsPerEpoch: 2) == 50)
        #expect(training.evaluationPeriod(stepsPerEpoch: 800) == 1)
    }

    @Test func theorySizeGrowsTheWidthWithTheBasisAtTheTheoryLevel() throws {
        var settings = CheckFixtures.settings(sizes: [512, 16384])
        let smoothness = try Smoothness.parse("1,2,4")
        let target = try SyntheticTarget(smoothness: smoothness, gamma: .anisotropic, functionClass: .gammaSmooth,
                                         level: 7, window: 8, seed: 1)
        var sizing = NetworkSizing(settings: settings, target: target, levelCoefficient: 4.0 / 15)
        #expect(sizing.width(n: 16384) == (32, 64))   // fixed: D at every n
        settings.size = .theory
        sizing = NetworkSizing(settings: settings, target: target, levelCoefficient: 4.0 / 15)
        #expect(sizing.width(n: 512) == (32, 64))     // the constant: the default network at n_min
        // T(N) at n = 16384 (N = 491,520 rows) is 5.04: the basis γ(s) ≤ 5 has 1,323 functions.
        #expect(sizing.basisSize(n: 16384) == 1323)
        let large = sizing.width(n: 16384)
        let expected = Int((32 * (Double(1323) / Double(sizing.basisSize(n: 512))).squareRoot() / 4).rounded()) * 4
        #expect(large.width == expected && large.width > 32 && large.hidden == 2 * large.width)
    }

    @Test func oracleExtendsTheGridBelowNMinOnlyWithANetwork() {
        var settings = Self.settings()
        settings.sampleSizes = [64, 128, 256]
        settings.oracleSizesBelow = 3
        settings.estimators = [.ssm, .oracle]
        #expect(settings.oracleExtensionSizes == [8, 16, 32])
        let plan = CheckPlan(settings: settings)
        #expect(plan.runs.filter { $0.n < 64 }.allSatisfy { $0.estimator == .oracle })
        #expect(plan.runs.filter { $0.n < 64 }.count == 3 * settings.seeds)
        settings.estimators = [.oracle]
        #expect(settings.oracleExtensionSizes.isEmpty)
    }

    @Test func shardedRunsEqualTheUnshardedSweep() throws {
        let settings = Self.settings()
        let smoothness = try Smoothness.parse(settings.smoothness)
        func runner() throws -> CheckRunner {
            let target = try SyntheticTarget(smoothness: smoothness, gamma: settings.gamma, functionClass: settings.functionClass,
                                             level: settings.targetLevel, window: settings.window,
                                             seed: CheckSeeds(master: settings.seed).target)
            return CheckRunner(settings: settings, target: target, theoryLevelCoefficient: Rational(1, 5), threads: 1)
        }
        let plan = CheckPlan(settings: settings)
        let whole = try runner().run(plan.runs)
        let sharded = try (1...3).flatMap { try runner().run(plan.shard($0, of: 3)) }
        let wholeByKey = Dictionary(uniqueKeysWithValues: whole.map { ($0.key, $0) })
        #expect(whole.count == plan.runs.count && sharded.count == plan.runs.count)
        for record in sharded {
            let other = try #require(wholeByKey[record.key])
            #expect(record.testMSE == other.testMSE, "\(record.key)")
            #expect(record.details["epochs"] == other.details["epochs"])
            #expect(record.testMSE.isFinite && record.testMSE > 0)
        }
    }

    @Test func stopRequestKeepsFinishedRunsOnly() throws {
        let settings = Self.settings(estimators: [.oracle])
        let smoothness = try Smoothness.parse(settings.smoothness)
        let target = try SyntheticTarget(smoothness: smoothness, gamma: .anisotropic, functionClass: .gammaSmooth,
                                         level: 2, window: 4, seed: 1)
        let runner = CheckRunner(settings: settings, target: target, theoryLevelCoefficient: .one, threads: 1)
        let counter = StopAfter(2)
        let records = try runner.run(CheckPlan(settings: settings).runs, progress: { _ in counter.tick() },
                                     shouldStop: { counter.isDone })
        #expect(records.count == 1)
    }
}

/// Says "stop" once `tick()` has been called `limit` times (progress is reported before each run).
final class StopAfter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private let limit: Int
    init(_ limit: Int) { self.limit = limit }
    func tick() { lock.lock(); count += 1; lock.unlock() }
    var isDone: Bool { lock.lock(); defer { lock.unlock() }; return count >= limit }
}
