import Foundation
import Testing
@testable import Numeric

/// docs/check.md "Fit": OLS of ln MSE on ln n, bootstrap over seeds, t-interval fallback.
@Suite struct PowerLawFitTests {
    static func oneEstimator(seeds: Int, sizes: [Int] = [512, 1024, 2048, 4096, 8192, 16384]) -> CheckSettings {
        CheckFixtures.settings(estimators: [.oracle], sizes: sizes, seeds: seeds)
    }

    @Test func exactPowerLawGivesExactExponent() throws {
        let settings = Self.oneEstimator(seeds: 3)
        let records = CheckFixtures.records(settings, exponents: [.oracle: 0.6], logNoise: 0)
        let fit = try #require(PowerLawFit.fit(groups: CheckFixtures.groups(records), bootstrapSamples: 500, seed: 1))
        #expect(abs(fit.exponent - 0.6) < 1e-12)
        #expect(abs(fit.intercept - log(3)) < 1e-10)
        let interval = try #require(fit.interval)
        #expect(interval.upperBound - interval.lowerBound < 1e-10)
        #expect(fit.intervalMethod == "bootstrap over seeds")
        #expect(fit.points == 18)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func noisyPowerLawRecoversExponentInsideInterval(dataSeed: UInt64) throws {
        let settings = Self.oneEstimator(seeds: 5)
        let records = CheckFixtures.records(settings, exponents: [.oracle: 0.6], logNoise: 0.3, dataSeed: dataSeed)
        let fit = try #require(PowerLawFit.fit(groups: CheckFixtures.groups(records), bootstrapSamples: 2000, seed: 9))
        let interval = try #require(fit.interval)
        #expect(interval.contains(0.6), "0.6 ∉ \(interval)")
        #expect(interval.contains(fit.exponent))
        #expect(abs(fit.exponent - 0.6) < 0.1)
    }

    @Test func intervalShrinksWithMoreSeeds() throws {
        func width(seeds: Int) throws -> Double {
            let settings = Self.oneEstimator(seeds: seeds)
            let records = CheckFixtures.records(settings, exponents: [.oracle: 0.6], logNoise: 0.3, dataSeed: 11)
            let interval = try #require(PowerLawFit.fit(groups: CheckFixtures.groups(records), bootstrapSamples: 2000, seed: 3)?.interval)
            return interval.upperBound - interval.lowerBound
        }
        let few = try width(seeds: 3), many = try width(seeds: 24)
        #expect(many < 0.7 * few, "width with 24 seeds \(many) vs 3 seeds \(few)")
    }

    @Test func bootstrapIsDeterministicInItsSeed() throws {
        let settings = Self.oneEstimator(seeds: 4)
        let groups = CheckFixtures.groups(CheckFixtures.records(settings, exponents: [.oracle: 0.6], logNoise: 0.3))
        let a = try #require(PowerLawFit.fit(groups: groups, bootstrapSamples: 300, seed: 5))
        let b = try #require(PowerLawFit.fit(groups: groups, bootstrapSamples: 300, seed: 5))
        let c = try #require(PowerLawFit.fit(groups: groups, bootstrapSamples: 300, seed: 6))
        #expect(a == b)
        #expect(a.interval != c.interval)
        #expect(a.exponent == c.exponent)
    }

    @Test func oneRunPerSizeUsesTInterval() throws {
        let settings = Self.oneEstimator(seeds: 1)
        let records = CheckFixtures.records(settings, exponents: [.oracle: 0.6], logNoise: 0.1, dataSeed: 4)
        let fit = try #require(PowerLawFit.fit(groups: CheckFixtures.groups(records), bootstrapSamples: 500, seed: 1))
        #expect(fit.intervalMethod == "OLS t-interval")
        let interval = try #require(fit.interval)
        #expect(interval.contains(0.6))
        // Half-width = t_{0.975,4} · SE: recompute by hand.
        let xs = records.map { log(Double($0.n)) }, ys = records.map { log($0.testMSE) }
        let line = try #require(OrdinaryLeastSquares(x: xs, y: ys))
        #expect(abs((interval.upperBound - interval.lowerBound) / 2 - 2.7764 * line.slopeStandardError) < 1e-12)
    }

    @Test func twoPointsGiveNoIntervalAndOneSizeNoFit() throws {
        let two = PowerLawFit.fit(groups: [(n: 512, mse: [0.1]), (n: 1024, mse: [0.07])], bootstrapSamples: 100, seed: 1)
        #expect(two?.interval == nil)
        #expect(two?.intervalMethod == "none")
        #expect(abs((two?.exponent ?? 0) - log(0.1 / 0.07) / log(2)) < 1e-12)
        #expect(PowerLawFit.fit(groups: [(n: 512, mse: [0.1, 0.2, 0.15])], bootstrapSamples: 100, seed: 1) == nil)
        #expect(PowerLawFit.fit(groups: [], bootstrapSamples: 100, seed: 1) == nil)
    }

    @Test func studentQuantiles() {
        #expect(StudentT.quantile975(degreesOfFreedom: 1) == 12.7062)
        #expect(StudentT.quantile975(degreesOfFreedom: 30) == 2.0423)
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 40) - 2.0211) < 2e-4)
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 120) - 1.9799) < 1e-4)
    }
}
