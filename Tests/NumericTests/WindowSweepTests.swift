import Bounds
import Foundation
import Testing
@testable import Numeric

/// The window sweep (docs/check.md, "Window sweep"): one `CheckSettings` per V run by
/// `CheckRunner`, summarised per (estimator, V).
@Suite struct WindowSweepTests {
    static let smoothness = try! Smoothness.parse("1,2")

    static func settings(estimators: [CheckEstimator] = [.fnn, .oracle], functionClass: FunctionClass = .piecewise) -> CheckSettings {
        CheckSettings(smoothness: "1,2", gamma: .anisotropic, functionClass: functionClass, estimators: estimators,
                      sampleSizes: [16], seeds: 1, seed: 3, noise: 0.1, length: 8, width: 8, epochs: 1,
                      logBand: 2, window: 4, targetLevel: 2, testSequences: 16, minSteps: 3,
                      oracleSizesBelow: 3)   // the sweep must not add oracle sizes below n
    }

    @Test func oneFiniteRowPerEstimatorAndWindow() throws {
        let sweep = try WindowSweep(settings: Self.settings(), smoothness: Self.smoothness, windows: [4, 2], n: 16)
        #expect(sweep.windows == [2, 4])
        #expect(sweep.settings(window: 4).window == 4 && sweep.settings(window: 4).sampleSizes == [16])
        var seen: [Int] = []
        let report = try sweep.run(smoothness: Self.smoothness, theoryLevelCoefficient: Rational(1, 3), threads: 1,
                                   progress: { seen.append($0.finished); #expect($0.total == 4) })
        #expect(seen == [0, 1, 2, 3, 4])
        #expect(report.rows.map { "\($0.estimator.rawValue)@\($0.window)" } == ["fnn@2", "fnn@4", "oracle@2", "oracle@4"])
        for row in report.rows {
            #expect(row.mse.runs == 1 && row.mse.meanMSE.isFinite && row.mse.meanMSE > 0 && row.mse.n == 16)
        }
        #expect(report.isComplete && report.runs.allSatisfy { $0.record.n == 16 })
        #expect(report.growth(of: .fnn) == report.rows[1].mse.meanMSE / report.rows[0].mse.meanMSE)
        // Each V's runs are exactly what `CheckRunner` gives for that V's settings and target.
        let direct = try CheckRunner(settings: sweep.settings(window: 4), target: sweep.target(window: 4, smoothness: Self.smoothness),
                                     theoryLevelCoefficient: Rational(1, 3), threads: 1)
            .run(CheckRunKey(estimator: .oracle, n: 16, replicate: 0))
        #expect(report.runs.first { $0.window == 4 && $0.record.estimator == .oracle }?.record.testMSE == direct.testMSE)

        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "window_sweep" && json["windows"] as? [Int] == [2, 4] && json["n"] as? Int == 16)
        #expect((json["table"] as? [[String: Any]])?.count == 4 && (json["runs"] as? [[String: Any]])?.count == 4)
        #expect(json["complete"] as? Bool == true)
        #expect(report.text().contains("V = 2") && report.markdown().contains("| oracle |"))
        #expect(report.csv().split(separator: "\n").count == 5)
        let svg = report.svg()
        #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n") && svg.contains("fnn") && !svg.contains("nan"))
    }

    @Test func stopsWhenAsked() throws {
        let sweep = try WindowSweep(settings: Self.settings(estimators: [.oracle]), smoothness: Self.smoothness, windows: [2, 4], n: 16)
        let report = try sweep.run(smoothness: Self.smoothness, theoryLevelCoefficient: Rational(1, 3), threads: 1, shouldStop: { true })
        #expect(report.runs.isEmpty && !report.isComplete && report.text().contains("2 of 2 runs missing"))
    }

    @Test func refusesWhatItCannotRun() {
        #expect(throws: CheckSettingsError.self) {
            try WindowSweep(settings: Self.settings(functionClass: .gammaSmooth), smoothness: Self.smoothness, windows: [2, 4], n: 16)
        }
        #expect(throws: CheckSettingsError.self) { try WindowSweep(settings: Self.settings(), smoothness: Self.smoothness, windows: [1, 4], n: 16) }
        #expect(throws: CheckSettingsError.self) { try WindowSweep(settings: Self.settings(), smoothness: Self.smoothness, windows: [2, 8], n: 16) }
        #expect(throws: CheckSettingsError.self) { try WindowSweep(settings: Self.settings(), smoothness: Self.smoothness, windows: [2, 4], n: 1) }
        #expect(throws: CheckSettingsError.self) { try WindowSweep(settings: Self.settings(), smoothness: Self.smoothness, windows: [], n: 16) }
    }
}
