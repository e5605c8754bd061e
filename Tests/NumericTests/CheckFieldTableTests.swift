import Foundation
import Testing
@testable import Numeric

/// The table of check fields: flags and keys, the request written back as a command line, the
/// JSON settings of the report beside the shard file's, and one validation for both.
@Suite struct CheckFieldTableTests {
    @Test func flagsAreDistinctPerSetting() {
        let flags = CheckField.allCases.filter { $0 != .windows && $0 != .sampleSizes }.map(\.flag)
        #expect(Set(flags).count == flags.count)
        #expect(CheckField.minSteps.flag == "--min-steps" && CheckField.functionClass.flag == "--class")
        #expect(CheckField.nMin.key == "n" && CheckField.windows.key == "window" && CheckField.logBand.key == "log_band_k")
    }

    @Test func theDefaultRequestIsJustItsSmoothness() {
        #expect(CheckRequest(smoothness: "1,2,4").commandLineArguments() == ["--smoothness", "1,2,4"])
    }

    @Test func everyChangedFieldIsWrittenAsItsFlag() {
        var request = CheckRequest(smoothness: "1,2;3,4")
        request.functionClass = .piecewise
        request.estimators = [.ssm, .oracle]
        request.noise = 0.5
        request.learningRates = [1e-3, 3e-3]
        request.preFeedForward = false
        request.floor = false
        request.depth = 4
        request.mixing = .full
        request.cnnQ = try? .init(parsing: "3/2")
        request.seed = 7
        #expect(request.commandLineArguments() == [
            "--smoothness", "1,2;3,4", "--arch", "ssm,oracle", "--depth", "4", "--mixing", "full", "--q", "3/2",
            "--class", "piecewise", "--seed", "7", "--noise", "0.5", "--no-pre-fnn", "--learning-rate", "0.001,0.003", "--no-floor",
        ])
    }

    @Test func legacyShardSettingsDecodeAsWhatTheyRan() throws {
        var settings = try CheckRequest(smoothness: "1,2").settings()
        settings.cnnQ = nil
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(settings)) as? [String: Any])
        for key in ["depth", "pre_fnn", "learning_rates", "floor", "mixing"] { object.removeValue(forKey: key) }
        let legacy = try JSONDecoder().decode(CheckSettings.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(legacy.depth == 2 && !legacy.preFeedForward && legacy.learningRates == [3e-3] && !legacy.floor)
        #expect(legacy.mixing == .full)
        object.removeValue(forKey: "patience")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CheckSettings.self, from: JSONSerialization.data(withJSONObject: object)) }
    }

    @Test func theReportsSettingsHoldEveryShardKey() throws {
        var settings = try CheckRequest(smoothness: "1,2").settings()
        settings.cnnQ = "3/2"
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(settings)) as? [String: Any]
        guard case .object(let fields) = CheckReport.json(settings) else { Issue.record("not an object"); return }
        #expect(Set(fields.map(\.0)) == Set(try #require(encoded).keys))
    }

    @Test func shardsAndRequestsAreRefusedByTheSameRule() throws {
        var settings = try CheckRequest(smoothness: "1,2").settings()
        settings.patience = 0
        #expect(throws: CheckSettingsError.self) { try settings.validate() }
        do { try settings.validate() } catch let error as CheckSettingsError {
            #expect(error.commandLineMessage == "--patience must be a positive integer, got 0")
            #expect(error.description == "patience must be a positive integer, got 0")
        }
        settings.patience = 4
        settings.estimators = [.ssm, .ssm]
        #expect(throws: CheckSettingsError.self) { try settings.validate() }
    }

    /// The mixing follows the class unless given: the piecewise class's window, the γ-smooth class's
    /// whole past; the runner hands the window to the ssm and transformer only with `window`.
    @Test func mixingDefaultsToTheClassWindow() throws {
        var request = CheckRequest(smoothness: "1,2,4")
        #expect(try request.settings().mixing == .full)
        request.functionClass = .piecewise
        let piecewise = try request.settings()
        #expect(piecewise.mixing == .window)
        #expect(request.commandLineArguments() == ["--smoothness", "1,2,4", "--class", "piecewise"])
        request.mixing = .full
        #expect(try request.settings().mixing == .full)
        guard case .object(let fields) = CheckReport.json(piecewise) else { Issue.record("not an object"); return }
        #expect(fields.contains { $0.0 == "mixing" && $0.1 == .string("window") })
    }
}
