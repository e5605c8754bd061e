import Foundation
import Testing
@testable import Numeric

/// The reference scripts in `bench/` build the engine's models: each model's parameter count,
/// as `python3 bench/<script> --params` prints it, equals the engine's at the configuration
/// `ratecalc bench train` uses (docs/model-format.md). PyTorch and JAX are optional reference
/// frameworks that no install script brings (docs/benchmarks.md says how): without them
/// these tests are skipped, visibly, also on CI.
@Suite(.tags(.external)) struct BenchScriptTests {
    static let repository = ExternalTool.repository

    /// Runs `python3 arguments…` in the repository; nil when it cannot start or fails.
    static func python(_ arguments: [String]) -> String? {
        guard let python = ExternalTool.find("python3"),
              let result = try? ExternalTool.run(python, arguments, in: repository), result.status == 0 else { return nil }
        return result.stdout
    }

    /// `{model: parameter count}` from the script's `--params` output.
    static func parameterCounts(script: String, preFeedForward: Bool = false) throws -> [String: Int] {
        let architectures = SequenceArchitecture.allCases.map(\.rawValue).joined(separator: ",")
        let output = try #require(python(["bench/\(script)", "--params", "--models", architectures] + (preFeedForward ? ["--pre-fnn"] : [])))
        var counts: [String: Int] = [:]
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, let count = Int(fields[1]) { counts[String(fields[0])] = count }
        }
        return counts
    }

    static func engineCounts(preFeedForward: Bool = false) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: SequenceArchitecture.allCases.map { architecture in
            let model = CanonicalBenchmark.configuration(architecture, preFeedForward: preFeedForward)
            return (architecture.rawValue, SequenceNetwork<Float>(model, seed: 0).layout.count)
        })
    }

    @Test(ExternalTool.optional(.pythonModule("torch", installer: "docs/benchmarks.md")))
    func torchModelsHaveTheEngineParameterCounts() throws {
        #expect(try Self.parameterCounts(script: "torch_train_step.py") == Self.engineCounts())
        #expect(try Self.parameterCounts(script: "torch_train_step.py", preFeedForward: true) == Self.engineCounts(preFeedForward: true))
    }

    @Test(ExternalTool.optional(.pythonModule("jax", installer: "docs/benchmarks.md")))
    func jaxModelsHaveTheEngineParameterCounts() throws {
        #expect(try Self.parameterCounts(script: "jax_train_step.py") == Self.engineCounts())
        #expect(try Self.parameterCounts(script: "jax_train_step.py", preFeedForward: true) == Self.engineCounts(preFeedForward: true))
    }
}
