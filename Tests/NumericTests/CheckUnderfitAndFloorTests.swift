import Foundation
import Testing
@testable import Numeric

/// The underfitting verdict, the approximation floor's plumbing and the machine fields
/// (docs/check.md, "Underfitting", "Approximation floor", "Reproducibility").
@Suite struct CheckUnderfitAndFloorTests {
    /// Records of `CheckFixtures.records` with a plateau training record whose final training MSE
    /// is `ratio · σ²` (rows 100,000: noise band 1 ± 0.0089).
    static func trained(_ settings: CheckSettings, ratio: (Int) -> Double) -> [CheckRunRecord] {
        CheckFixtures.records(settings, exponents: [.ssm: 0.5, .transformer: 0.5]).map { record in
            var record = record
            if record.estimator.isNetwork {
                record.training = CheckTrainingRecord(steps: 3000, stepCap: 8000, stopReason: .plateau,
                                                      finalTrainMSE: ratio(record.n) * settings.noise * settings.noise,
                                                      bestValidationMSE: 0.3, trainingRows: 100_000)
            }
            return record
        }
    }

    @Test func underfittingAtTheLargestNMakesTheVerdictInconclusive() throws {
        let settings = CheckFixtures.settings()
        // Fits the noise except at the largest n, where the training MSE is 1.2 σ².
        let report = CheckFixtures.report(settings, Self.trained(settings) { $0 == 16384 ? 1.2 : 1.0 })
        let ssm = try #require(report.summary(of: .ssm))
        #expect(ssm.verdict == .inconclusive)
        #expect(ssm.explanation.hasPrefix("inconclusive: underfits (train MSE/σ² = 1.2 at n = 16384; raise --width/--size theory)"))
        let fit = try #require(ssm.largestFit)
        #expect(fit.underfits && fit.n == 16384 && abs(fit.band - 2 * (2.0 / 100_000).squareRoot()) < 1e-12)
        // The oracle has no training record and keeps its verdict.
        #expect(report.summary(of: .oracle)?.verdict != .inconclusive)
        #expect(report.text().contains("ssm: inconclusive: underfits (train MSE/σ² = 1.2 at n = 16384"))
        #expect(report.json().contains("\"underfits\": true"))
    }

    @Test func aFitWithinTheBandPlusTheMarginIsNotUnderfitting() throws {
        let settings = CheckFixtures.settings()
        // 1 + 0.0089 + 0.10 = 1.1089: 1.10 lies inside, 1.12 outside; smaller n do not count.
        let inside = CheckFixtures.report(settings, Self.trained(settings) { $0 == 16384 ? 1.10 : 1.5 })
        #expect(inside.summary(of: .ssm)?.verdict != .inconclusive)
        #expect(inside.summary(of: .ssm)?.largestFit?.underfits == false)
        let outside = CheckFixtures.report(settings, Self.trained(settings) { $0 == 16384 ? 1.12 : 1.0 })
        #expect(outside.summary(of: .ssm)?.verdict == .inconclusive)
    }

    @Test func theNoiselessSettingHasNoUnderfittingRule() {
        let settings = CheckFixtures.settings(noise: 0)
        let report = CheckFixtures.report(settings, Self.trained(settings) { _ in 5 })
        #expect(report.summary(of: .ssm)?.largestFit == nil)
    }

    @Test func theFloorRunIsPlannedOncePerNetworkAndNeverFitted() throws {
        var settings = CheckFixtures.settings()
        settings.floor = true
        let plan = CheckPlan(settings: settings)
        let floors = plan.runs.filter(\.noiseless)
        #expect(floors == [CheckRunKey(estimator: .ssm, n: 16384, replicate: 0, noiseless: true),
                           CheckRunKey(estimator: .transformer, n: 16384, replicate: 0, noiseless: true)])
        var records = Self.trained(settings) { _ in 1.0 }
        let plain = CheckFixtures.report(settings, records)
        #expect(plain.missingRuns == 2)
        let noisyMean = records.filter { $0.estimator == .ssm && $0.n == 16384 }.map(\.testMSE).reduce(0, +) / 3
        records.append(CheckRunRecord(estimator: .ssm, n: 16384, replicate: 0, testMSE: noisyMean / 1.5, seconds: 1, noiseless: true))
        records.append(CheckRunRecord(estimator: .transformer, n: 16384, replicate: 0, testMSE: noisyMean / 10, seconds: 1, noiseless: true))
        let report = CheckFixtures.report(settings, records)
        #expect(report.isComplete)
        let ssm = try #require(report.summary(of: .ssm))
        // The floor run is not a point of the fit: same fit as without it.
        #expect(ssm.fit?.exponent == plain.summary(of: .ssm)?.fit?.exponent)
        #expect(ssm.runs.count == 18)
        let floor = try #require(ssm.floor)
        #expect(abs(floor.ratio! - 1.5) < 1e-9 && floor.limitsFit)
        #expect(report.summary(of: .transformer)?.floor?.limitsFit == false)
        #expect(ssm.explanation.contains("floor: noiseless test MSE"))
        #expect(report.text().contains("  floor: noiseless test MSE"))
        #expect(report.json().contains("\"noiseless_test_mse\""))
        #expect(report.csv().split(separator: "\n").first!.hasSuffix(",noiseless"))
    }

    @Test func floorRecordsSurviveAShardRoundTrip() throws {
        let record = CheckRunRecord(estimator: .ssm, n: 4096, replicate: 0, testMSE: 0.1, seconds: 2, noiseless: true)
        let data = try JSONEncoder().encode(record)
        #expect(String(decoding: data, as: UTF8.self).contains("\"noiseless\":true"))
        #expect(try JSONDecoder().decode(CheckRunRecord.self, from: data) == record)
        // Noisy records do not write the key, so older readers and files stay unchanged.
        let noisy = CheckRunRecord(estimator: .ssm, n: 4096, replicate: 0, testMSE: 0.1, seconds: 2)
        #expect(!String(decoding: try JSONEncoder().encode(noisy), as: UTF8.self).contains("noiseless"))
    }

    @Test func settingsWrittenBeforeTheNetworkFieldsReadAsTheirOldLayout() throws {
        var settings = CheckFixtures.settings()
        settings.depth = 3
        settings.preFeedForward = true
        settings.learningRates = [1e-3, 3e-3]
        settings.floor = true
        var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(settings)) as! [String: Any]
        #expect(try JSONDecoder().decode(CheckSettings.self, from: JSONSerialization.data(withJSONObject: object)) == settings)
        for key in ["depth", "pre_fnn", "learning_rates", "floor"] { object.removeValue(forKey: key) }
        let legacy = try JSONDecoder().decode(CheckSettings.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(legacy.depth == 2 && !legacy.preFeedForward && legacy.learningRates == [3e-3] && !legacy.floor)
    }

    @Test func badNetworkSettingsNameTheirField() {
        var settings = CheckFixtures.settings()
        settings.depth = 0
        #expect((try? settings.validate()) == nil)
        #expect(throws: CheckSettingsError.self) { try settings.validate() }
        settings.depth = 2
        for rates in [[], [0.0], [3e-3, 1e-3], [1e-3, 2e-3, 3e-3, 4e-3, 5e-3], [Double.nan]] {
            settings.learningRates = rates
            do { try settings.validate(); Issue.record("accepted learning rates \(rates)") } catch let error as CheckSettingsError {
                #expect(error.field == .learningRates)
            } catch { Issue.record("unexpected \(error)") }
        }
    }

    @Test func theMachineIsRecordedInTheSettings() throws {
        let machine = CheckMachine.current(threads: 2)
        #expect(!machine.cpu.isEmpty && !machine.openblasCore.isEmpty && machine.threads == 2)
        #expect(machine.kernels.hasPrefix(KernelPath.current.rawValue))
        let settings = CheckFixtures.settings()
        var report = CheckFixtures.report(settings, CheckFixtures.records(settings, exponents: [:]))
        report.machines = [CheckMachine(cpu: "Test CPU\u{1B}[31m\u{202E}", openblasCore: "Haswell", kernels: "avx2", threads: 2)]
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as! [String: Any]
        let recorded = ((json["settings"] as! [String: Any])["machine"] as! [[String: Any]]).first!
        #expect(recorded["openblas_core"] as? String == "Haswell" && recorded["threads"] as? Int == 2)
        #expect(recorded["kernels"] as? String == "avx2")
        // Text: control and bidirectional characters from a (possibly hostile) shard are escaped.
        #expect(report.text().contains("machine     Test CPU\\u{1B}[31m\\u{202E}, OpenBLAS core Haswell, kernels avx2, 2 threads"))
        // A shard written before the kernel path was recorded decodes with `unknown`.
        let old = try JSONDecoder().decode(CheckMachine.self, from: Data(#"{"cpu": "X", "openblas_core": "Zen", "threads": 1}"#.utf8))
        #expect(old.kernels == "unknown" && old.threads == 1)
    }
}
