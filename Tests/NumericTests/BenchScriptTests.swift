import Foundation
import Testing
@testable import Numeric

/// The reference scripts in `bench/` build the engine's models: each model's parameter count,
/// as `python3 bench/<script> --params` prints it, equals the engine's at the configuration
/// `ratecalc bench train` uses (docs/model-format.md). Skipped when python3 or the framework is
/// missing (the scripts are optional; docs/benchmarks.md says how to install them).
@Suite struct BenchScriptTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `python3 arguments…` in the repository; nil when it cannot start or fails.
    static func python(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    static func hasModule(_ name: String) -> Bool { python(["-c", "import \(name)"]) != nil }

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
            let model = SequenceModelConfiguration(architecture: architecture, tokenDimension: 1, sequenceLength: 32,
                                                   preFeedForward: preFeedForward)
            return (architecture.rawValue, SequenceNetwork<Float>(model, seed: 0).layout.count)
        })
    }

    @Test(.enabled(if: hasModule("torch"), "PyTorch is not installed"))
    func torchModelsHaveTheEngineParameterCounts() throws {
        #expect(try Self.parameterCounts(script: "torch_train_step.py") == Self.engineCounts())
        #expect(try Self.parameterCounts(script: "torch_train_step.py", preFeedForward: true) == Self.engineCounts(preFeedForward: true))
    }

    @Test(.enabled(if: hasModule("jax"), "JAX is not installed"))
    func jaxModelsHaveTheEngineParameterCounts() throws {
        #expect(try Self.parameterCounts(script: "jax_train_step.py") == Self.engineCounts())
        #expect(try Self.parameterCounts(script: "jax_train_step.py", preFeedForward: true) == Self.engineCounts(preFeedForward: true))
    }
}
