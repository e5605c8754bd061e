import Foundation
import Testing
@testable import Numeric

/// Convergence records and the verdicts that depend on them (docs/check.md, "Verdicts").
struct CheckConvergenceTests {
    static func withTraining(_ records: [CheckRunRecord], budgetAt n: Int? = nil) -> [CheckRunRecord] {
        records.map { record in
            var record = record
            if record.estimator != .oracle {
                let reason: TrainingStopReason = record.n == n ? .budget : .plateau
                record.training = CheckTrainingRecord(steps: 1000, stepCap: 5000, stopReason: reason, finalTrainMSE: 0.26,
                                                      bestValidationMSE: 0.3, trainingRows: 10_000)
            }
            return record
        }
    }

    @Test func convergedRunsKeepTheIntervalVerdict() throws {
        let settings = CheckFixtures.settings()
        let records = Self.withTraining(CheckFixtures.records(settings, exponents: [.ssm: 0.53, .transformer: 0.53, .oracle: 0.53]))
        let report = CheckFixtures.report(settings, records)
        let ssm = try #require(report.summary(of: .ssm))
        let convergence = try #require(ssm.convergence)
        #expect(convergence.converged && convergence.plateau == 18 && convergence.budget.isEmpty)
        #expect(ssm.verdict == .consistent)
        // σ = 0.5: final training MSE 0.26 is 1.04 σ².
        #expect(abs(convergence.meanTrainRatio - 1.04) < 1e-12)
        #expect(ssm.explanation.contains("convergence: 18 of 18 runs stopped on a plateau"))
        #expect(report.summary(of: .oracle)?.convergence == nil)
    }

    @Test func aRunStoppedOnTheBudgetMakesTheVerdictInconclusive() throws {
        let settings = CheckFixtures.settings()
        let records = Self.withTraining(CheckFixtures.records(settings, exponents: [.ssm: 0.2, .transformer: 0.53, .oracle: 0.53]),
                                        budgetAt: 16384)
        let report = CheckFixtures.report(settings, records)
        let ssm = try #require(report.summary(of: .ssm))
        #expect(ssm.verdict == .inconclusive)
        #expect(ssm.explanation.hasPrefix("inconclusive: not converged (raise --epochs): 3 of 18 runs"))
        #expect(ssm.explanation.contains("slower than theory"))
        #expect(ssm.convergence?.budget.map(\.n) == [16384, 16384, 16384])
        #expect(report.text().contains("3 budget"))
        #expect(report.json().contains("\"stop_reason\": \"budget\""))
    }

    @Test func anIntervalWiderThanRIsInconclusive() {
        let band = CheckLogBand(theory: 8.0 / 15, k: 2, sampleSizes: [512, 16384])
        let verdict = CheckVerdict.classify(interval: -1.19...1.96, theory: CheckFixtures.theory, band: band)
        #expect(verdict.verdict == .inconclusive)
        #expect(verdict.explanation.contains("wider than r = 8/15"))
    }
}
