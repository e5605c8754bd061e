import Foundation
import Testing
@testable import Numeric

/// Efficiency against the oracle (docs/check.md, "Efficiency against the oracle"): n_eq by
/// interpolation on the oracle's curve, c = n/n_eq and the slope of ln c on ln n.
struct CheckEfficiencyTests {
    /// Oracle MSE `n^{−1/2}` at 2^4 … 2^14, `replicates` runs each with a small multiplicative jitter.
    static func oracleRuns(replicates: Int = 3, jitter: Double = 0.02) -> [CheckRunRecord] {
        var random = RandomSource(seed: 3)
        return (4...14).flatMap { k in
            (0..<replicates).map { r in
                let n = 1 << k
                return CheckRunRecord(estimator: .oracle, n: n, replicate: r,
                                      testMSE: Foundation.pow(Double(n), -0.5) * Foundation.exp(jitter * random.normal()), seconds: 0)
            }
        }
    }

    /// Network runs at 2^9 … 2^14 whose MSE is the oracle's at n / c(n).
    static func networkRuns(c: (Double) -> Double, replicates: Int = 3, jitter: Double = 0.1) -> [CheckRunRecord] {
        var random = RandomSource(seed: 4)
        return (9...14).flatMap { k in
            (0..<replicates).map { r in
                let n = Double(1 << k)
                return CheckRunRecord(estimator: .ssm, n: 1 << k, replicate: r,
                                      testMSE: Foundation.pow(n / c(n), -0.5) * Foundation.exp(jitter * random.normal()), seconds: 0)
            }
        }
    }

    @Test func oracleEquivalentSizeInterpolatesInLogLog() throws {
        let curve = try #require(OracleCurve(groups: [(n: 100, mse: [0.4]), (n: 400, mse: [0.1]), (n: 1600, mse: [0.05])]))
        // Halfway between 0.4 and 0.1 in ln MSE is 0.2: halfway between 100 and 400 in ln n is 200.
        guard case .inside(let logN) = curve.crossing(logMSE: Foundation.log(0.2)) else { Issue.record("not inside"); return }
        #expect(abs(Foundation.exp(logN) - 200) < 1e-9)
        #expect(curve.crossing(logMSE: Foundation.log(0.5)) == .belowRange)
        #expect(curve.crossing(logMSE: Foundation.log(0.01)) == .aboveRange)
        #expect(curve.crossing(logMSE: Foundation.log(0.4)) == .inside(Foundation.log(100)))
    }

    @Test func oracleCurveIsMadeNonIncreasing() throws {
        // The bump at n = 400 (0.3 > 0.2) is flattened to 0.2, so 0.15 is first reached between 400 and 800.
        let curve = try #require(OracleCurve(groups: [(n: 100, mse: [0.4]), (n: 200, mse: [0.2]), (n: 400, mse: [0.3]), (n: 800, mse: [0.1])]))
        #expect(curve.envelope.map { Foundation.exp($0) }.enumerated().allSatisfy { i, v in i == 0 || v <= Foundation.exp(curve.envelope[i - 1]) })
        guard case .inside(let logN) = curve.crossing(logMSE: Foundation.log(0.15)) else { Issue.record("not inside"); return }
        #expect(Foundation.exp(logN) > 400 && Foundation.exp(logN) < 800)
    }

    @Test func constantEfficiencyHasZeroSlope() throws {
        let efficiency = try #require(CheckEfficiency(network: Self.networkRuns(c: { _ in 8 }), oracle: Self.oracleRuns(),
                                                      sizes: [512, 1024, 2048, 4096, 8192, 16384], risk: nil,
                                                      bootstrapSamples: 400, seed: 1))
        let trend = try #require(efficiency.trend)
        let interval = try #require(efficiency.trendInterval)
        #expect(abs(trend) < 0.1, "slope \(trend)")
        #expect(interval.contains(0))
        #expect(efficiency.verdict == .sameRate)
        #expect(efficiency.sizes.allSatisfy { abs($0.c / 8 - 1) < 0.3 }, "\(efficiency.sizes.map(\.c))")
    }

    @Test func growingEfficiencyGapHasPositiveSlope() throws {
        // c(n) = (n / 512)^{0.3}: the network's rate is 0.7 times the oracle's.
        let efficiency = try #require(CheckEfficiency(network: Self.networkRuns(c: { Foundation.pow($0 / 512, 0.3) * 2 }),
                                                      oracle: Self.oracleRuns(), sizes: [512, 1024, 2048, 4096, 8192, 16384],
                                                      risk: nil, bootstrapSamples: 400, seed: 1))
        let trend = try #require(efficiency.trend)
        #expect(abs(trend - 0.3) < 0.1, "slope \(trend)")
        #expect(efficiency.verdict == .slower)
    }

    @Test func runsBeyondTheOracleCurveAreCensored() throws {
        // c = 10^4: n_eq below the oracle's smallest size (16) for every run.
        let efficiency = try #require(CheckEfficiency(network: Self.networkRuns(c: { _ in 1e4 }), oracle: Self.oracleRuns(),
                                                      sizes: [512, 1024], risk: nil, bootstrapSamples: 100, seed: 1))
        #expect(efficiency.verdict == .inconclusive)
        #expect(efficiency.sizes.allSatisfy { $0.atLeast == $0.runs })
    }

    @Test func projectionRiskPicksTheBestLevel() throws {
        let levels = [CheckTargetLevel(gamma: -1, basisSize: 0, tailEnergy: 1),
                      CheckTargetLevel(gamma: 0, basisSize: 1, tailEnergy: 0.5),
                      CheckTargetLevel(gamma: 1, basisSize: 10, tailEnergy: 0.1),
                      CheckTargetLevel(gamma: 2, basisSize: 100, tailEnergy: 0)]
        let risk = try #require(ProjectionRisk(levels: levels, noise: 1, positionsPerSequence: 10))
        // n = 10 sequences, N = 100 rows: min(1, 0.5 + 0.01, 0.1 + 0.1, 0 + 1) = 0.2.
        #expect(abs(risk.risk(n: 10) - 0.2) < 1e-12)
        // n = 1000, N = 10^4: min(…, 0.1 + 0.001, 0 + 0.01) = 0.01.
        #expect(abs(risk.risk(n: 1000) - 0.01) < 1e-12)
        // Less efficient (c > 1) never shows a higher risk-derived slope than needed data allow; finite.
        let ideal = try #require(risk.localExponent(sizes: [10, 100, 1000], efficiency: 1))
        #expect(ideal > 0)
    }
}
