import Foundation
import Testing
@testable import Numeric

/// `bench/canonical.py` states the configuration the PyTorch and JAX scripts build; it must be
/// `CanonicalBenchmark`'s, and both scripts must build exactly the engine's architectures. Read
/// as text (no Python needed), so a change on either side fails here.
@Suite struct CanonicalBenchmarkTests {
    static let bench = ExternalTool.repository.appendingPathComponent("bench")

    /// `NAME = <integer>` assignments of `bench/canonical.py`.
    static func constants() throws -> [String: Int] {
        let text = try String(contentsOf: bench.appendingPathComponent("canonical.py"), encoding: .utf8)
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].split(separator: "#").first?.trimmingCharacters(in: .whitespaces) ?? ""
            if name.allSatisfy({ $0.isUppercase || $0 == "_" }), let number = Int(value) { values[name] = number }
        }
        return values
    }

    @Test func canonicalConstantsAreTheEngines() throws {
        let constants = try Self.constants()
        let model = CanonicalBenchmark.configuration(.ssm)
        let expected: [String: Int] = [
            "SEQUENCE_LENGTH": model.sequenceLength, "TOKEN_DIMENSION": model.tokenDimension, "WIDTH": model.width,
            "STATE_SIZE": model.stateSize, "HIDDEN_WIDTH": model.hiddenWidth, "DEPTH": model.depth, "HEADS": model.heads,
            "WINDOW": model.window, "CONVOLUTION_KERNEL": SequenceModelConfiguration.convolutionKernel,
            "BATCH": CanonicalBenchmark.batchSize,
        ]
        for (name, value) in expected { #expect(constants[name] == value, "bench/canonical.py \(name)") }
    }

    /// The keys of each script's `MODELS = {…}` table.
    static func modelNames(_ script: String) throws -> [String] {
        let text = try String(contentsOf: bench.appendingPathComponent(script), encoding: .utf8)
        let start = try #require(text.range(of: "MODELS = {"))
        let body = text[start.upperBound...].prefix { $0 != "}" }
        return body.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
    }

    @Test(arguments: ["torch_train_step.py", "jax_train_step.py"])
    func scriptsBuildEveryEngineArchitecture(script: String) throws {
        #expect(try Set(Self.modelNames(script)) == Set(SequenceArchitecture.allCases.map(\.rawValue)))
    }
}
