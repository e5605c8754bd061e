import Foundation
import Bounds

/// What `merge` checks in a shard before it believes it: nothing in the file is trusted.
/// Counts are bounded before anything is allocated, the settings must be ones `check`
/// could have written, the theory exponent and the target are recomputed from the
/// settings, and every run must be one of the plan, once per file.
enum CheckShardValidation {
    /// The most runs a sweep may plan ((estimators × sample sizes + oracle extension sizes) × seeds); a shard asking
    /// for more is refused before its plan is built.
    static let maximumPlannedRuns = 10_000

    /// The largest shard file read (a run takes about 300 bytes): bounds the decoder's memory.
    static let maximumFileBytes = 4_000_000

    /// Validates `shard` (read from `file`); returns its plan's runs.
    /// - Throws: ``CheckMergeError`` naming the file and the field or run.
    static func validate(_ shard: CheckShardFile, file: String) throws -> Set<CheckRunKey> {
        func refuse(_ reason: String) -> CheckMergeError { .notAShard(file: file, reason: reason) }
        let settings = shard.settings
        // The rules `check` applies before it runs (`CheckSettings.validate()`), naming settings keys;
        // they allocate nothing from the file's counts.
        do { try settings.validate() } catch let error as CheckSettingsError {
            throw refuse(error.message(naming: { "settings." + $0.key }))
        } catch {
            throw refuse("settings.smoothness: \(error)")
        }
        // The oracle also runs at the extension sizes below n-min (`CheckSettings.oracleExtensionSizes`).
        let perSeed = settings.estimators.count * settings.sampleSizes.count + settings.oracleExtensionSizes.count
        let (noisy, overflow) = perSeed.multipliedReportingOverflow(by: settings.seeds)
        let planned = noisy + (settings.floor ? settings.estimators.filter(\.isNetwork).count : 0)
        guard !overflow, planned <= maximumPlannedRuns else {
            throw refuse("settings.seeds = \(settings.seeds) with \(perSeed) runs per seed plans more than \(maximumPlannedRuns) runs")
        }
        guard shard.shardCount <= planned else {
            throw refuse("shard_count \(shard.shardCount) exceeds the \(planned) planned runs")
        }
        guard shard.runs.count <= planned else {
            throw refuse("holds \(shard.runs.count) runs but its settings plan \(planned)")
        }
        let smoothness = try checkTheory(shard, file: file)
        try checkTarget(shard, smoothness: smoothness, file: file)
        // Only runs of the plan, each once per file (identical copies across files are
        // dropped by the merge, conflicting ones refused).
        let expected = Set(CheckPlan(settings: settings).runs)
        var seen = Set<CheckRunKey>()
        for record in shard.runs {
            guard expected.contains(record.key) else {
                throw refuse("run (\(record.key)) is not one its settings plan")
            }
            guard seen.insert(record.key).inserted else { throw refuse("run (\(record.key)) appears twice") }
        }
        return expected
    }

    /// The theory exponent recomputed from `settings.smoothness` and `settings.gamma`
    /// (docs/formulas.md) must equal the shard's `theory_rate`.
    @discardableResult
    private static func checkTheory(_ shard: CheckShardFile, file: String) throws -> Smoothness {
        let smoothness: Smoothness
        do { smoothness = try Smoothness.parse(shard.settings.smoothness) } catch {
            throw CheckMergeError.notAShard(file: file, reason: "settings.smoothness: \(error)")
        }
        let quantities = RateQuantities.compute(entries: smoothness.entries, gamma: shard.settings.gamma, p: nil)
        guard let rate = quantities.rateExponent else {
            throw CheckMergeError.notAShard(file: file, reason: "settings.smoothness gives no rate (a† ≤ v)")
        }
        let stated = try? Rational(parsing: shard.theoryRate)
        guard stated == rate else {
            throw CheckMergeError.mismatch(file: file, field: "theory_rate", reference: "its settings",
                                           ours: rate.description, theirs: SafeText.quoted(shard.theoryRate))
        }
        return smoothness
    }

    /// The target summary rebuilt from the settings (the same target `check` draws from
    /// the master seed) must equal the shard's `target`.
    private static func checkTarget(_ shard: CheckShardFile, smoothness: Smoothness, file: String) throws {
        let settings = shard.settings
        let target: SyntheticTarget
        do {
            target = try SyntheticTarget(smoothness: smoothness, gamma: settings.gamma, functionClass: settings.functionClass,
                                         level: settings.targetLevel, window: settings.window, weights: settings.weights,
                                         seed: CheckSeeds(master: settings.seed).target)
        } catch {
            throw CheckMergeError.notAShard(file: file, reason: "its settings give no target: \(error)")
        }
        for (field, ours, theirs) in [("target.terms", "\(target.termCount)", "\(shard.target.termCount)"),
                                      ("target.squared_norm", "\(target.squaredNorm)", "\(shard.target.squaredNorm)"),
                                      ("target.level", "\(target.level)", "\(shard.target.level)")] where ours != theirs {
            throw CheckMergeError.mismatch(file: file, field: field, reference: "its settings", ours: ours, theirs: theirs)
        }
    }
}
