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

    /// The cnn's forward pass exactly as docs/model-format.md writes it, in Float64 plain loops
    /// over the file's tensors (an implementation independent of the engine's), agrees with `predict`.
    @Test func cnnFileRecomputesAsDocumented() throws {
        let (model, data) = try trained(.cnn)
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var W: [String: [Double]] = [:]
        for tensor in try #require(file["tensors"] as? [[String: Any]]) {
            W[tensor["name"] as! String] = (tensor["values"] as! [NSNumber]).map(\.doubleValue)
        }
        let c = model.configuration
        let (L, d, D, H, K) = (c.sequenceLength, c.tokenDimension, c.width, c.hiddenWidth, 2)
        func affine(_ x: [Double], _ name: String, inputs: Int, outputs: Int) -> [Double] {   // x @ W + b
            let weight = W[name + ".weight"]!, bias = W[name + ".bias"]!
            return (0..<outputs).map { o in bias[o] + (0..<inputs).reduce(0.0) { $0 + x[$1] * weight[$1 * outputs + o] } }
        }
        let expected = model.predict(data)
        var worst = 0.0, largest = 0.0
        for b in 0..<data.count {
            var h = (0..<L).map { t in affine((0..<d).map { Double(data.inputs[(b * L + t) * d + $0]) }, "embed", inputs: d, outputs: D) }
            for i in 0..<c.convolutionLayers {
                let dilation = 1 << i
                h = (0..<L).map { t in
                    let z = (0..<K).flatMap { j in t - j * dilation >= 0 ? h[t - j * dilation] : [Double](repeating: 0, count: D) }
                    return zip(h[t], affine(z, "conv.\(i)", inputs: K * D, outputs: D)).map { $0 + max($1, 0) }
                }
            }
            for m in 0..<c.depth {
                h = h.map { row in
                    let hidden = affine(row, "ffn.\(m).fc1", inputs: D, outputs: H).map { max($0, 0) }
                    return zip(row, affine(hidden, "ffn.\(m).fc2", inputs: H, outputs: D)).map(+)
                }
            }
            for t in 0..<L {
                let y = affine(h[t], "out", inputs: D, outputs: 1)[0]
                worst = max(worst, abs(y - Double(expected[b * L + t])))
                largest = max(largest, abs(y))
            }
        }
        #expect(worst <= 1e-5 * max(largest, 1), "max |Δŷ| = \(worst), max |ŷ| = \(largest)")
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
