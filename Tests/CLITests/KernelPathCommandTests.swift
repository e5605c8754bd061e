import Foundation
import Numeric
import Testing

/// `check` on every kernel path this machine has, forced by `RATECALC_KERNELS`
/// (docs/training-engine.md, "Kernels and their paths"): the report records the path, and on each
/// path the networks' results are reproducible from the seed whatever the thread count. Width 32
/// with the default 4 heads gives heads of 8, so the transformer runs the per-head attention
/// kernels and the ssm the convolution kernels.
@Suite(.tags(.slow), TestSet.notFast) struct KernelPathCommandTests {
    static let sweep = ["check", "--smoothness", "1,2", "--arch", "ssm,transformer", "--n-min", "100", "--n-max", "200",
                        "--points", "2", "--seeds", "1", "--length", "8", "--width", "32", "--epochs", "2", "--min-steps", "4",
                        "--test-sequences", "16", "--target-level", "4", "--no-floor"]

    static func machine(_ report: [String: Any]) -> [String: Any]? {
        ((report["settings"] as? [String: Any])?["machine"] as? [[String: Any]])?.first
    }

    @Test(arguments: KernelPath.supported)
    func eachPathIsRecordedAndReproducible(path: KernelPath) throws {
        let environment = [KernelPath.environmentVariable: path.rawValue]
        let one = try CLIRunner.json(Self.sweep + ["--threads", "1"], environment: environment)
        let two = try CLIRunner.json(Self.sweep + ["--threads", "2"], environment: environment)
        #expect(Self.machine(one)?["kernels"] as? String == path.rawValue)
        #expect(try CheckCommandTests.canonical(one) == CheckCommandTests.canonical(two))
    }

    /// A name that is no path (or a path this CPU lacks) runs the widest path and says so.
    @Test func refusedRequestIsRecorded() throws {
        let report = try CLIRunner.json(Self.sweep, environment: [KernelPath.environmentVariable: "sse9"])
        let kernels = try #require(Self.machine(report)?["kernels"] as? String)
        #expect(kernels == "\(KernelPath.supported.last!.rawValue) (RATECALC_KERNELS refused)")
    }
}
