import Foundation
import Testing

// `ratecalc bench`: the sum benchmark's exact result at a small N, and the registered
// subcommands. The expected values for N = 2000 were computed once, independently of
// ratecalc, with Python's `fractions`:
//
//     s = sum((Fraction(i + 1, 7 * i + 3) for i in range(1, 2001)), Fraction(0))
//     round(s, 10)                            # ties to even → 286.3374573120
//     len(str(s.numerator)), len(str(s.denominator))   # 2491, 2488
//
// (the same sum as bench/rational_sum.py, whose `fraction` implementation sums left to right).

@Test func benchSumPrintsTheExactSumAtSmallCount() throws {
    let output = try CLIRunner.run(["bench", "sum", "--count", "2000", "--runs", "1"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stderr.isEmpty)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("ã ≈ 286.3374573120"), "\(output.stdout)")
    #expect(lines.contains("numerator digits: 2491"))
    #expect(lines.contains("denominator digits: 2488"))
    #expect(lines.contains("numerator: 20643925887261994720…20115215411616690879"))
    #expect(lines.contains("denominator: 72096490906422379189…98432177871241600000"))
    #expect(lines.filter { $0.hasPrefix("run ") }.count == 1)
    #expect(lines.contains { $0.hasPrefix("median: ") && $0.hasSuffix(" s") })
}

@Test func benchSumSingleTermAndBadOptions() throws {
    // N = 1: 1/a_1 = 2/10 = 1/5.
    let one = try CLIRunner.run(["bench", "sum", "--count", "1", "--runs", "3"])
    #expect(one.status == 0)
    #expect(one.stdout.contains("ã ≈ 0.2000000000") && one.stdout.contains("numerator: 1\n") && one.stdout.contains("denominator: 5\n"))
    #expect(one.stdout.split(separator: "\n").filter { $0.hasPrefix("run ") }.count == 3)
    for bad in [["--count", "0"], ["--runs", "0"], ["--count", "x"]] {
        let output = try CLIRunner.run(["bench", "sum"] + bad)
        #expect(output.status == 2, "\(bad): \(output.stderr)")
        #expect(output.stdout.isEmpty && output.stderr.hasPrefix("ratecalc: "))
    }
}

@Test func benchSubcommandsHaveHelp() throws {
    let train = try CLIRunner.run(["bench", "train", "--help"])
    #expect(train.status == 0, "\(train.stderr)")
    #expect(train.stdout.contains("--steps") && train.stdout.contains("--threads"))
    let bench = try CLIRunner.run(["bench", "--help"])
    #expect(bench.status == 0)
    #expect(bench.stdout.contains("sum") && bench.stdout.contains("train") && bench.stdout.contains("oracle"))
    let sum = try CLIRunner.run(["bench", "sum", "--help"])
    #expect(sum.status == 0 && sum.stdout.contains("--count") && sum.stdout.contains("--runs"))
}

@Test func benchOracleRunsSmallAndRejectsBadOptions() throws {
    let output = try CLIRunner.run(["bench", "oracle", "--sequences", "24", "--rows", "10", "--gamma", "mixed", "--threads", "1"])
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 5, "\(output.stdout)")
    #expect(lines.contains { $0.hasPrefix("mixed: level ") && $0.hasSuffix(" terms") })
    #expect(lines.contains { $0.hasPrefix("  evaluate 10 rows: ") })
    #expect(lines.contains { $0.hasPrefix("  fit: ") && $0.contains(", P ") })
    for bad in [["--sequences", "1"], ["--rows", "0"], ["--gamma", "isotropic"], ["--gamma", "mixed,"], ["--threads", "0"]] {
        let rejected = try CLIRunner.run(["bench", "oracle"] + bad)
        #expect(rejected.status == 2, "\(bad): \(rejected.stderr)")
        #expect(rejected.stdout.isEmpty && rejected.stderr.hasPrefix("ratecalc: "))
    }
}
