import Bounds
import Testing
@testable import Numeric

/// `CheckRequest`: the documented defaults and how they resolve into `CheckSettings`.
@Suite struct CheckRequestTests {
    @Test func defaultsResolveToTheDocumentedSweep() throws {
        let settings = try CheckRequest(smoothness: "1,2,4").settings()
        #expect(settings.estimators == [.ssm, .transformer, .oracle])
        #expect(settings.sampleSizes == [512, 1024, 2048, 4096, 8192, 16384])
        #expect(settings.seeds == 3 && settings.noise == 1 && settings.length == 32 && settings.width == 32)
        #expect(settings.window == 8 && settings.minSteps == 4000 && settings.oracleSizesBelow == 5)
        // T_max from the 12,000-term budget (docs/check.md: level 7, 11,475 terms for a = (1, 2, 4)).
        #expect(settings.targetLevel == 7)
        #expect(settings.cnnQ == nil)
    }

    @Test func choicesAreResolvedInReportOrder() throws {
        var request = CheckRequest(smoothness: "1,2")
        request.estimators = [.oracle, .fnn, .ssm]
        request.targetLevel = 3
        request.cnnQ = Rational(3, 2)
        let settings = try request.settings()
        #expect(settings.estimators == [.ssm, .fnn, .oracle])
        #expect(settings.targetLevel == 3)
        #expect(settings.cnnQ == "3/2")
    }

    @Test func severalWindowsAreTheWindowSweepAtTheLargestN() throws {
        var request = CheckRequest(smoothness: "1,2")
        request.functionClass = .piecewise
        request.windows = [4, 16, 8]
        #expect(request.isWindowSweep)
        let settings = try request.settings()
        #expect(settings.sampleSizes == [16384])
        #expect(settings.window == 16)
        #expect(settings.estimators == [.ssm, .transformer, .fnn, .oracle])
    }

    @Test func badRequestsNameTheirField() {
        func field(_ change: (inout CheckRequest) -> Void) -> CheckField? {
            var request = CheckRequest(smoothness: "1,2,4")
            change(&request)
            do {
                _ = try request.settings()
                return nil
            } catch let error as CheckSettingsError {
                return error.field
            } catch {
                return nil
            }
        }
        #expect(field { $0.windows = [] } == .windows)
        #expect(field { $0.nMin = 1 } == .nMin)
        #expect(field { $0.nMax = 100 } == .nMax)
        #expect(field { $0.points = 0 } == .points)
        #expect(field { $0.maxTerms = 0 } == .maxTerms)
        #expect(field { $0.cnnQ = Rational(0) } == .cnnQ)
        #expect(field { $0.seeds = 0 } == .seeds)
        #expect(field { _ in } == nil)
    }
}
