import Foundation
import Testing
@testable import Numeric

/// Model files: exact round trip, and rejection of files that do not match their configuration.
@Suite struct EngineSerializationTests {
    func trained(_ architecture: SequenceArchitecture) throws -> (TrainedSequenceModel, SequenceDataset) {
        let data = EngineTrainingTests.shiftDataset(count: 32, length: 8, seed: 9)
        let (model, _) = try trainSequenceModel(EngineTrainingTests.small(architecture),
                                                training: TrainingConfiguration(epochs: 2, batchSize: 8), data: data)
        return (model, data)
    }

    func temporaryURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-model-\(UUID().uuidString).json")
    }

    @Test(arguments: SequenceArchitecture.allCases)
    func roundTripIsExact(architecture: SequenceArchitecture) throws {
        let (model, data) = try trained(architecture)
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try TrainedSequenceModel.load(from: url)
        #expect(loaded.configuration == model.configuration)
        #expect(loaded.parameters == model.parameters)
        #expect(loaded.predict(data) == model.predict(data))
    }

    @Test func rejectsTamperedFiles() throws {
        let (model, _) = try trained(.ssm)
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        // A configuration whose width no longer matches the stored tensors.
        try text.replacingOccurrences(of: "\"width\":8", with: "\"width\":9").write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: EngineError.self) { try TrainedSequenceModel.load(from: url) }
        try "{\"format\": 3}".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: EngineError.self) { try TrainedSequenceModel.load(from: url) }
    }
}
