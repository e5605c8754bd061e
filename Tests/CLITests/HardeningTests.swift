import Foundation
import Testing

/// The reproducers of the hardening campaign (docs/limits.md): every input gets an answer
/// or one clean error line with exit 2 and empty stdout, quickly, with bounded output.
/// Times are asserted generously (debug build, shared cores); docs/limits.md has the
/// release measurements.
enum Contract {
    /// Runs and checks the contract: exit 0 with output, or exit 2 with one clean line
    /// (no control characters) and nothing on stdout; within `seconds`.
    @discardableResult
    static func run(_ arguments: [String], seconds: Double = 15, maxOutput: Int = 2_000_000) throws -> CLIRunner.Output {
        let start = Date()
        let output = try CLIRunner.run(arguments)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < seconds, "took \(elapsed) s: \(arguments.map { String($0.prefix(60)) })")
        #expect(output.status == 0 || output.status == 2, "status \(output.status): \(output.stderr.prefix(300))")
        #expect(output.stdout.utf8.count <= maxOutput)
        if output.status == 2 { expectOneCleanLine(output) }
        return output
    }

    /// Exit 2, empty stdout, exactly one stderr line `ratecalc: …` without control,
    /// line-separator or bidi characters, and not longer than 400 characters.
    static func expectOneCleanLine(_ output: CLIRunner.Output) {
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        let scalars = Array(output.stderr.unicodeScalars)
        #expect(scalars.last == "\n")
        let body = scalars.dropLast()
        #expect(!body.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
                                  || $0 == "\u{2028}" || $0 == "\u{2029}" }, "unsafe character in \(output.stderr.debugDescription)")
        #expect(output.stderr.hasPrefix("ratecalc: "))
        #expect(body.count <= 400, "long error line: \(body.count) characters")
    }
}

@Test("huge sample sizes and evaluation points render instead of trapping", arguments: ["latex", "markdown", "text", "json"])
func renderersNeverTrap(format: String) throws {
    let tiny = try Contract.run(["samples", "--smoothness", "1,2,4", "--error", "1e-400", "--format", format])
    #expect(tiny.status == 0)
    if format == "latex" { #expect(tiny.stdout.contains("1.00\\cdot 10^{600}")) }
    let nearHalf = try Contract.run(["samples", "--smoothness", "0.5000000001", "--p", "1", "--error", "1e-3", "--format", format])
    #expect(nearHalf.status == 0)
    if format == "text" { #expect(nearHalf.stdout.contains("1e+15000000003")) }
    let bigN = try Contract.run(["--smoothness", "1,2,4", "--log-exponent", "3", "--n", "1e309", "--format", format])
    #expect(bigN.status == 0)
}

@Test func levelAtAHugeSampleSizeIsFinite() throws {
    // T(n) = (1/3)·log₂(10^400) = 442.92…; it printed "inf" in floating point.
    let output = try Contract.run(["--smoothness", "1", "--gamma", "mixed", "--n", "1e400"])
    #expect(output.stdout.contains("T(n) ≈ 442.92374"))
    let json = try CLIRunner.json(["--smoothness", "1", "--gamma", "mixed", "--n", "1e400"])
    let atN = try #require((json["results"] as? [[String: Any]])?.first?["at_n"] as? [String: Any])
    #expect(abs((atN["T"] as? Double ?? 0) - 400 / 3 * log2(10.0)) < 1e-6)
    // n^(−r) = 10^(−400·2/3): inside the double range; its logarithm is always given.
    #expect(abs((atN["main_term"] as? Double ?? 0) / 2.154434690031884e-267 - 1) < 1e-9)
    #expect(atN["main_term_log10"] as? String == "-266.6666667")
    let beyond = try CLIRunner.json(["--smoothness", "1", "--gamma", "mixed", "--n", "1e9999"])
    let far = try #require((beyond["results"] as? [[String: Any]])?.first?["at_n"] as? [String: Any])
    #expect(far["main_term"] is NSNull && far["main_term_log10"] as? String == "-6666")
}

/// Inputs that hung or grew past 500 MB: now each answers or refuses in one line.
@Test(.tags(.slow), TestSet.notFast)
func costlyInputsAreBounded() throws {
    let ones = String(repeating: "1,", count: 2000)
    let manyHuge = (0..<18_000).map { _ in "1e9999" }.joined(separator: ",")
    let cases: [[String]] = [
        ["--smoothness", "poly(c=1,q=1000)", "--precision", "1e-1000"],
        ["--smoothness", "poly(c=1,q=999/998)", "--precision", "1e-500"],
        ["--smoothness", "geom(c=1e9999,r=100001/100000)", "--arch", "cnn", "--q", "1"],
        ["--smoothness", ones + "geom(c=1,r=1e9999)"],
        ["--smoothness", (0..<20).map { _ in "1e9999" }.joined(separator: ","), "--arch", "cnn", "--q", "1/4096"],
        ["--smoothness", manyHuge, "--arch", "cnn", "--q", "1/4096"],
        ["--smoothness", "poly(c=1" + String(repeating: "0", count: 100_000) + ",q=2)"],
        ["--smoothness", manyHuge, "--format", "json"],
        ["--smoothness", "poly(c=1,q=2)", "--precision", "1e-300"],
        // Found by the smoothness fuzz target (a 5 s libFuzzer timeout on a loaded machine; 0.3 s in release).
        ["--smoothness", "geom(c=1e9,r=100001/100000)", "--arch", "all", "--q", "1", "--n", "1000", "--format", "latex"],
    ]
    for arguments in cases { try Contract.run(arguments) }
    let refusedTotal = try Contract.run(["--smoothness", manyHuge, "--format", "json"])
    #expect(refusedTotal.status == 2 && refusedTotal.stderr.contains("limit 200000"))
    let geometric = try Contract.run(["--smoothness", ones + "geom(c=1,r=1e9999)"])
    #expect(geometric.status == 2 && geometric.stderr.contains("list fewer entries"))
    let zeros = try Contract.run(["--smoothness", "poly(c=1" + String(repeating: "0", count: 100_000) + ",q=2)"])
    #expect(zeros.status == 2 && zeros.stderr.contains("(100013 characters)"))
    // The library names the fields (smoothness, precision); the line names the flag to change.
    let work = try Contract.run(["--smoothness", "poly(c=1,q=999/998)", "--precision", "1e-500"])
    #expect(work.status == 2 && work.stderr.hasPrefix("ratecalc: smoothness: enclosing Σ i^(−q) for q = 999/998")
            && work.stderr.contains("ask for a larger --precision (work limit, see docs/limits.md)"), "\(work.stderr)")
    let large = try Contract.run(["--smoothness", "poly(c=1,q=1000)", "--precision", "1e-1000", "--gamma", "anisotropic", "--format", "json"])
    #expect(large.status == 0)
    let weak = try Contract.run(["--smoothness", (0..<20).map { _ in "1e9999" }.joined(separator: ","), "--arch", "cnn", "--q", "1/4096"])
    #expect(weak.status == 0 && weak.stdout.split(separator: "\n").contains { $0.contains("holds") && $0.contains("‖a‖_{wℓ^q} ≤ 1") })
}

@Test("line breaks, carriage returns and terminal controls are escaped in one line", .tags(.slow), TestSet.notFast, arguments: ["--smoothness", "--p", "--q", "--n", "--error"])
func controlCharactersAreEscaped(option: String) throws {
    for value in ["1\r\n2", "1\n2", "\u{1B}[2J\u{1B}[31mX", "1\u{202E}2", "1\u{2028}2"] {
        let command = option == "--error" ? ["samples"] : []
        let arguments = command + (option == "--smoothness" ? [option, value] : ["--smoothness", "1,2", option, value])
        let output = try CLIRunner.run(arguments)
        Contract.expectOneCleanLine(output)
        #expect(output.stderr.contains("\\") , "no visible escape in \(output.stderr.debugDescription)")
    }
}

@Test func negativeValuesSayMustBePositive() throws {
    for arguments in [["--smoothness", "1", "--precision", "-1"],
                      ["check", "--smoothness", "1", "--seeds", "-1"],
                      ["check", "--smoothness", "1", "--shard", "-1/2", "--out", "/tmp"]] {
        let output = try CLIRunner.run(arguments)
        Contract.expectOneCleanLine(output)
        #expect(output.stderr.contains("must be a positive") || output.stderr.contains("expected a positive")
                || output.stderr.contains("1 ≤ i ≤ N") || output.stderr.contains("must be positive"), "\(output.stderr)")
        #expect(!output.stderr.contains("Missing value"))
    }
}

@Test func longTokensAreCutToAnExcerpt() throws {
    let output = try CLIRunner.run(["--smoothness", "poly(c=1,q=2)", "--precision", "1e-1001"])
    Contract.expectOneCleanLine(output)
    #expect(output.stderr.contains("--precision 1e-1001: "), "\(output.stderr)")
    let internalName = try CLIRunner.run(["check", "--smoothness", "1e-9999,1", "--arch", "oracle", "--points", "2", "--n-max", "1024"])
    #expect(!internalName.stderr.contains("defaultLevel"))
}
