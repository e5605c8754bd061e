import Foundation
import Testing
@testable import Numeric

/// `ratecalc plan`'s library: the cost model, cost-balanced shards and the generated scripts
/// (CheckCostModel, CheckShardBalance, CheckSchedulePlan; docs/scale-out.md).
@Suite struct CheckPlanningTests {
    static let settings: CheckSettings = {
        var settings = CheckFixtures.settings(estimators: [.ssm, .transformer, .oracle], sizes: [512, 1024, 2048, 4096], seeds: 3)
        settings.oracleSizesBelow = 2
        return settings
    }()

    static func model(_ settings: CheckSettings = settings) throws -> CheckCostModel { try CheckCostModel(settings: settings) }

    @Test func costGrowsWithNWidthAndTheStepCap() throws {
        let model = try Self.model()
        for estimator in [CheckEstimator.ssm, .transformer, .oracle] {
            let costs = [256, 512, 1024, 2048, 4096].map { model.seconds(CheckRunKey(estimator: estimator, n: $0, replicate: 0)) }
            #expect(zip(costs, costs.dropFirst()).allSatisfy { $0 < $1 }, "\(estimator): \(costs)")
            #expect(costs.allSatisfy { $0.isFinite && $0 > 0 })
        }
        var wider = Self.settings
        wider.width = 64
        var longer = Self.settings
        longer.epochs *= 2
        let key = CheckRunKey(estimator: .ssm, n: 4096, replicate: 0)
        #expect(try Self.model(wider).seconds(key) > model.seconds(key))
        #expect(try Self.model(longer).seconds(key) > model.seconds(key))
        // The step cap as the trainer computes it: n_train = 4096 − 819, batch 64 → 52 steps per epoch.
        #expect(model.stepCap(n: 4096) == 200 * 52)
        #expect(model.stepCap(n: 16) == Self.settings.minSteps)
        // The replicate does not change the cost; the transformer costs more per step than the ssm.
        #expect(model.seconds(CheckRunKey(estimator: .ssm, n: 512, replicate: 2)) == model.seconds(CheckRunKey(estimator: .ssm, n: 512, replicate: 0)))
        #expect(model.seconds(CheckRunKey(estimator: .transformer, n: 512, replicate: 0)) > model.seconds(CheckRunKey(estimator: .ssm, n: 512, replicate: 0)))
    }

    /// A network step costs the mean batch of an epoch, whose last batch is partial, not a full 64.
    @Test func networkCostUsesTheMeanBatchOfAnEpoch() throws {
        let sweep = try CheckSweep(settings: Self.settings)
        let unit = CheckCostModel.Constants(neuralStep: [.ssm: 1], oracleGram: 0, oracleBasis: 0, oracleFactor: 0, dataTerm: 0, run: 0)
        let model = CheckCostModel(settings: Self.settings, target: sweep.target,
                                   levelCoefficient: sweep.levelCoefficient.doubleValue, constants: unit)
        let width = Double(Self.settings.width), floor = 24.0 * 24
        let perStepAndSequence = Double(Self.settings.length) * (width * width + floor) / (32 * 32 + floor)
        // n = 256: 205 training sequences (51 held out) run as 64, 64, 64, 13, a mean batch of 51.25;
        // n = 4096: 3277 as 51 × 64 + 13, a mean of 3277/52.
        for (n, meanBatch) in [(256, 51.25), (4096, 3277.0 / 52)] {
            let expected = Double(model.stepCap(n: n)) * meanBatch * perStepAndSequence
            let cost = model.seconds(CheckRunKey(estimator: .ssm, n: n, replicate: 0))
            #expect(abs(cost - expected) <= 1e-9 * expected, "n = \(n): \(cost) vs \(expected)")
        }
    }

    @Test func oracleCostFollowsItsBasis() throws {
        var theory = Self.settings
        theory.oracleLevel = .theory
        let validation = try Self.model(), fixed = try Self.model(theory)
        // The validation search grows the basis beyond the theory's level, so it costs at least as much.
        for n in [512, 4096] {
            #expect(validation.oracleBasisSize(n: n) >= fixed.oracleBasisSize(n: n))
            #expect(validation.oracleBasisSize(n: n) <= CheckCostModel.oracleBasisCap)
        }
    }

    @Test func costBalanceIsAPartitionWithinTheLargestRun() throws {
        let model = try Self.model()
        let plan = CheckPlan(settings: Self.settings)
        for count in [1, 2, 3, 4, 7, 16] {
            let shards = plan.shards(count: count, balance: .cost, costModel: model)
            #expect(shards.count == count)
            let all = shards.flatMap { $0 }
            #expect(all.count == plan.runs.count && Set(all) == Set(plan.runs))
            // Each shard keeps plan order (runs that share a sample stay adjacent).
            let position = Dictionary(uniqueKeysWithValues: plan.runs.enumerated().map { ($1, $0) })
            #expect(shards.allSatisfy { zip($0, $0.dropFirst()).allSatisfy { position[$0]! < position[$1]! } })
            let loads = shards.map { $0.reduce(0) { $0 + model.seconds($1) } }
            let largest = plan.runs.map(model.seconds).max()!
            #expect(loads.max()! - loads.min()! <= largest + 1e-9, "\(count): \(loads)")
        }
    }

    @Test func costBalanceBeatsRoundRobinOnASkewedSweep() throws {
        let model = try Self.model()
        let plan = CheckPlan(settings: Self.settings)
        func spread(_ balance: CheckShardBalance) -> Double {
            let loads = plan.shards(count: 4, balance: balance, costModel: model).map { $0.reduce(0) { $0 + model.seconds($1) } }
            return loads.max()! / (loads.reduce(0, +) / 4)
        }
        #expect(spread(.cost) <= spread(.count))
        #expect(spread(.cost) < 1.1)
    }

    @Test func countBalanceIsTheEarlierRoundRobin() throws {
        let plan = CheckPlan(settings: Self.settings)
        for index in 1...3 {
            #expect(plan.shard(index, of: 3, balance: .count, costModel: nil) == plan.shard(index, of: 3))
        }
    }

    @Test func theShardAShardTaskSelectsIsThePlansShard() throws {
        let model = try Self.model()
        let schedule = try CheckSchedulePlan(settings: Self.settings, costModel: model, shardCount: 5, scheduler: .slurm, threads: 1,
                                             binary: "/opt/ratecalc", checkArguments: ["--smoothness", "1,2,4"], directory: "/scratch/sweep")
        let plan = CheckPlan(settings: Self.settings)
        // A task builds its own model from the settings alone (as a shard on another node does).
        let independent = try CheckCostModel(settings: Self.settings)
        for index in 1...5 {
            #expect(schedule.shardRuns[index - 1] == plan.shard(index, of: 5, balance: .cost, costModel: independent))
        }
        #expect(abs(schedule.shardSeconds.reduce(0, +) / 3600 - schedule.coreHours) < 1e-9)
    }

    @Test func slurmPlanHasTheArrayDependencyAndTimeLines() throws {
        let schedule = try CheckSchedulePlan(settings: Self.settings, costModel: try Self.model(), shardCount: 4, scheduler: .slurm, threads: 2,
                                             binary: "/opt/rate calc", checkArguments: ["--smoothness", "1,2,4", "--seeds", "3"],
                                             directory: "/scratch/sweep")
        let files = Dictionary(uniqueKeysWithValues: schedule.files().map { ($0.name, $0.text) })
        #expect(Set(files.keys) == ["shard.sh", "merge.sh", "check.sbatch", "merge.sbatch", "submit.sh"])
        let array = try #require(files["check.sbatch"])
        #expect(array.contains("#SBATCH --array=1-4\n") && array.contains("#SBATCH --cpus-per-task=2\n"))
        #expect(array.contains("#SBATCH --time=\(CheckSchedulePlan.slurmTime(schedule.timeLimitSeconds))\n"))
        #expect(array.contains("#SBATCH --output=/scratch/sweep/logs/shard-%a-of-4.out") && array.contains("#SBATCH --requeue"))
        #expect(try #require(files["submit.sh"]).contains("--dependency=afterok:\"$array\""))
        let shard = try #require(files["shard.sh"])
        #expect(shard.contains("exec '/opt/rate calc' check --smoothness 1,2,4 --seeds 3 --threads 2 --balance cost --shard \"$1/4\" --out /scratch/sweep/runs"))
        // The limit covers the largest shard on its cores with room to spare.
        #expect(Double(schedule.timeLimitSeconds) >= 1.5 * schedule.shardSeconds.max()! / 2 + 300)
        let summary = schedule.summary(files: ["check.sbatch"])
        #expect(summary.contains("\(CheckPlan(settings: Self.settings).runs.count) runs in 4 shards") && summary.contains("core-hours"))
        #expect(summary.contains("merge       '/opt/rate calc' merge /scratch/sweep/runs"))
    }

    @Test func parallelAndShellPlans() throws {
        let parallel = try CheckSchedulePlan(settings: Self.settings, costModel: try Self.model(), shardCount: 3, scheduler: .parallel,
                                             threads: 1, binary: "ratecalc", checkArguments: [], directory: "/w")
        let script = try #require(parallel.files().first { $0.name == "run-parallel.sh" }?.text)
        #expect(script.contains("--joblog /w/logs/parallel.joblog --resume-failed") && script.contains("::: 1 2 3"))
        let shell = try CheckSchedulePlan(settings: Self.settings, costModel: try Self.model(), shardCount: 3, scheduler: .shell,
                                          threads: 1, binary: "ratecalc", checkArguments: [], directory: "/w")
        #expect(try #require(shell.files().first { $0.name == "run-shell.sh" }?.text).contains("for i in 1 2 3; do"))
    }

    @Test func badShardCountsAreRefused() throws {
        let runs = CheckPlan(settings: Self.settings).runs.count
        for count in [0, -1, runs + 1] {
            let error = #expect(throws: CheckSettingsError.self) {
                _ = try CheckSchedulePlan(settings: Self.settings, costModel: try Self.model(), shardCount: count, scheduler: .shell,
                                          threads: 1, binary: "ratecalc", checkArguments: [], directory: "/w")
            }
            #expect(error?.field == .shards && error?.description.hasPrefix("shards must be") == true)
        }
    }

    @Test func slurmTimeSyntax() {
        #expect(CheckSchedulePlan.slurmTime(360) == "00:06:00")
        #expect(CheckSchedulePlan.slurmTime(90_061) == "1-01:01:01")
    }

    @Test func shellQuoting() {
        #expect(ShellQuote.word("runs/a-1") == "runs/a-1")
        #expect(ShellQuote.word("it's here") == "'it'\\''s here'")
        #expect(ShellQuote.word("") == "''")
        #expect(ShellQuote.word("$(rm -rf /)") == "'$(rm -rf /)'")
    }
}

/// The oracle's predicted search against the fit's own stages.
@Suite struct OracleCostTests {
    /// The documented target a = (1, 2, 4), L = 32, σ = 1: the search factors at 45, 651 and 1,323
    /// functions on the default grid (measured: the fit keeps 651, then 1,323 from n = 8192), so the
    /// Gram matrix reaches 1,323 columns, not the theory level's basis grown by 1.5 — and at
    /// n = 16384, where the planned best is 1,323, it scores the next candidate, 5,715 functions
    /// (within the basis limit of 8,192 since the limit is set by memory, not 3,000).
    @Test func documentedSweepSearchesTo1323Functions() throws {
        let model = try CheckCostModel(settings: try CheckRequest(smoothness: "1,2,4").settings())
        for n in [512, 2048] {
            #expect(model.oracleStages(n: n) == [45, 651, 1323], "n = \(n)")
        }
        #expect(model.oracleStages(n: 16384) == [45, 651, 1323, 5715])
        // The 5,715-column stage takes the moments route: seconds, not the products' rows·P².
        let seconds = model.seconds(CheckRunKey(estimator: .oracle, n: 16384, replicate: 0))
        #expect(seconds < 60, "estimated \(seconds) s")
        var theory = try CheckRequest(smoothness: "1,2,4").settings()
        theory.oracleLevel = .theory
        #expect(try CheckCostModel(settings: theory).oracleStages(n: 2048).count == 1)
    }

    /// Where the best level is clear, the predicted stages are the fit's.
    @Test func predictedStagesAreTheFitsStages() throws {
        var settings = try CheckRequest(smoothness: "1,2,4").settings()
        settings.sampleSizes = [600]
        settings.length = 12
        settings.targetLevel = SyntheticTarget.defaultLevel(smoothness: try settings.parsedSmoothness(), gamma: .anisotropic, maxTerms: 700)
        let sweep = try CheckSweep(settings: settings)
        let model = CheckCostModel(settings: settings, target: sweep.target, levelCoefficient: sweep.levelCoefficient.doubleValue)
        let sample = sweep.target.sample(sequences: 600, length: 12, noise: settings.noise, seed: 9)
        let fit = try LeastSquaresOracle.fit(target: sweep.target, sample: sample,
                                             levelChoice: .validation(fraction: CheckRunner.oracleValidationFraction), seed: 10)
        #expect(fit.stageSizes == model.oracleStages(n: 600), "fit \(fit.stageSizes), basis \(fit.basisSize)")
        #expect(fit.stageSizes.count >= 2)
    }
}
