import Foundation
import Bounds
@testable import Numeric

/// Synthetic sweeps for the report, fit and merge tests: `MSE = C n^{−exponent} · e^{σ z}`.
enum CheckFixtures {
    static let theory = try! Rational(parsing: "8/15")
    static let smoothness = try! Smoothness.parse("1,2,4")
    static let target = CheckTargetSummary(termCount: 123, squaredNorm: 1.63, level: 4)

    static func settings(estimators: [CheckEstimator] = [.ssm, .transformer, .oracle],
                         sizes: [Int] = [512, 1024, 2048, 4096, 8192, 16384], seeds: Int = 3,
                         noise: Double = 0.5, seed: UInt64 = 7) -> CheckSettings {
        CheckSettings(smoothness: "1,2,4", gamma: .anisotropic, functionClass: .gammaSmooth, estimators: estimators,
                      sampleSizes: sizes, seeds: seeds, seed: seed, noise: noise, length: 32, width: 32, epochs: 200,
                      logBand: 2, window: 8, targetLevel: 4, testSequences: 1000, minSteps: 1500, oracleSizesBelow: 0)
    }

    /// Runs for every (estimator, n, replicate); `exponents[e]` is the true exponent of e.
    /// Replicate j of n shares the noise draw `shared` across estimators (same data), plus
    /// an estimator's own part, so paired differences are tighter than unpaired ones.
    static func records(_ settings: CheckSettings, exponents: [CheckEstimator: Double], constant: Double = 3,
                        logNoise: Double = 0.2, dataSeed: UInt64 = 1) -> [CheckRunRecord] {
        var random = RandomSource(seed: dataSeed)
        var records: [CheckRunRecord] = []
        for n in settings.sampleSizes {
            for replicate in 0..<settings.seeds {
                let shared = random.normal()
                for estimator in settings.estimators {
                    let own = random.normal()
                    let exponent = exponents[estimator] ?? 0.5
                    let mse = constant * pow(Double(n), -exponent) * exp(logNoise * (0.7 * shared + 0.7 * own))
                    records.append(CheckRunRecord(estimator: estimator, n: n, replicate: replicate, testMSE: mse,
                                                  seconds: Double(n) / 1000 + Double(replicate) / 10,
                                                  details: estimator == .oracle ? ["level": 3, "basis_size": Double(n / 8)] : ["epochs": 50]))
                }
            }
        }
        return records
    }

    static func report(_ settings: CheckSettings, _ records: [CheckRunRecord], bootstrapSamples: Int = 400) -> CheckReport {
        CheckReport(settings: settings, smoothness: smoothness, theoryRate: theory, target: target,
                    records: records, bootstrapSamples: bootstrapSamples)
    }

    /// Groups for `PowerLawFit.fit` from the records of one estimator.
    static func groups(_ records: [CheckRunRecord]) -> [(n: Int, mse: [Double])] {
        Array(Set(records.map(\.n))).sorted().map { n in
            (n: n, mse: records.filter { $0.n == n }.sorted { $0.replicate < $1.replicate }.map(\.testMSE))
        }
    }

    /// A fresh empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
