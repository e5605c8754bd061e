import Foundation
import Testing
@testable import Numeric

/// The estimator registry is the one list of estimators: its ids, salts and constants are
/// consistent, and the JSON schema's estimator enum is the registry in report order.
@Suite struct EstimatorRegistryTests {
    @Test func idsAndSaltsAreDistinct() {
        let all = EstimatorRegistry.all
        #expect(Set(all.map(\.id)).count == all.count)
        #expect(Set(all.map(\.seedSalt)).count == all.count)
        #expect(Set(all.map(\.plotStyle.colour)).count == all.count)
    }

    @Test func everyNetworkHasAMeasuredStepCostAndEveryEngineArchitectureAnEstimator() {
        for descriptor in EstimatorRegistry.all {
            if let seconds = descriptor.stepSeconds { #expect(seconds > 0 && seconds.isFinite, "\(descriptor.id)") }
        }
        #expect(Set(EstimatorRegistry.all.compactMap(\.network)) == Set(SequenceArchitecture.allCases))
        #expect(CheckCostModel.Constants.measured.neuralStep.count == CheckEstimator.allCases.filter(\.isNetwork).count)
    }

    @Test func idsDecodeAndUnknownIdsAreRefused() throws {
        let decoded = try JSONDecoder().decode([CheckEstimator].self, from: Data(#"["oracle","ssm"]"#.utf8))
        #expect(decoded == [.oracle, .ssm])
        #expect(decoded.sorted() == [.ssm, .oracle])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CheckEstimator].self, from: Data(#"["lstm"]"#.utf8)) }
        #expect(CheckEstimator(rawValue: "") == nil)
    }

    @Test func defaultSetsComeFromTheDescriptors() {
        #expect(CheckSweep.defaultEstimators(windowSweep: false) == [.ssm, .transformer, .oracle])
        #expect(CheckSweep.defaultEstimators(windowSweep: true) == [.ssm, .transformer, .fnn, .oracle])
    }

    @Test func schemaEnumIsTheRegistry() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: repository.appendingPathComponent("docs/json-schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let estimator = try #require(definitions["estimator"] as? [String: Any])
        #expect(estimator["enum"] as? [String] == CheckEstimator.allCases.map(\.rawValue))
    }
}
