import Foundation
import Numeric
import Testing

@Test func workedExampleJSONMatchesTheContract() throws {
    let json = try CLIRunner.json(["--smoothness", "1,2,4", "--arch", "ssm"])
    #expect(json["schema_version"] as? Int == 1)
    let smoothness = try #require(json["smoothness"] as? [String: Any])
    #expect(smoothness["entries"] as? [String] == ["1", "2", "4"])
    #expect(smoothness["rows"] as? Int == 3 && smoothness["columns"] as? Int == 1)
    #expect(json["p"] is NSNull)
    let results = try #require(json["results"] as? [[String: Any]])
    #expect(results.count == 2)
    func exact(_ result: [String: Any], _ key: String) -> String? { (result[key] as? [String: Any])?["exact"] as? String }
    let mixed = try #require(results.first { $0["gamma"] as? String == "mixed" })
    let aniso = try #require(results.first { $0["gamma"] as? String == "anisotropic" })
    #expect(exact(mixed, "a_dagger") == "1" && exact(mixed, "rate_exponent") == "2/3")
    #expect(exact(aniso, "a_dagger") == "4/7" && exact(aniso, "rate_exponent") == "8/15")
    #expect(exact(aniso, "T_coefficient") == "4/15" && exact(aniso, "samples_exponent") == "15/8")
    #expect(((aniso["rate_exponent"] as? [String: Any])?["approx"] as? Double).map { abs($0 - 8.0 / 15) < 1e-10 } == true)
    #expect(aniso["source"] as? String == "NS24" && aniso["provenance"] as? String == "up-to-polylog")
    #expect(aniso["log_exponent"] is NSNull)
    #expect((aniso["bound"] as? [String: Any])?["text"] as? String == "Õ(n^(-8/15))")
    let conditions = try #require(aniso["conditions"] as? [[String: Any]])
    #expect(conditions.contains { $0["name"] as? String == "a_dagger > v" && $0["holds"] as? Bool == true && $0["detail"] as? String == "4/7 > 0" })
}

@Test func textReportShowsExactAndDecimal() throws {
    let output = try CLIRunner.run(["--smoothness", "1,2,4", "--arch", "ssm"])
    #expect(output.status == 0 && output.stderr.isEmpty)
    #expect(output.stdout.contains("8/15") && output.stdout.contains("0.5333333333"))
    #expect(output.stdout.contains("2/3") && output.stdout.contains("NS24"))
    #expect(output.stdout.contains("up-to-polylog"))
}

@Test func cnnWithQHasTheStatedLogExponentAndPiecewiseHasNoTheorem() throws {
    let json = try CLIRunner.json(["rate", "--smoothness", "1,2,4", "--arch", "cnn", "--q", "2", "--gamma", "mixed"])
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    #expect((result["log_exponent"] as? [String: Any])?["exact"] as? String == "7")
    #expect(result["provenance"] as? String == "stated")
    let piecewise = try CLIRunner.json(["--smoothness", "1,2,4", "--arch", "cnn", "--class", "piecewise"])
    let none = try #require((piecewise["results"] as? [[String: Any]])?.first)
    #expect(none["rate_exponent"] is NSNull && none["source"] is NSNull)
    #expect((none["note"] as? String)?.contains("no theorem") == true)
}

@Test func userSuppliedLogExponentAndEvaluationAtN() throws {
    let json = try CLIRunner.json(["--smoothness", "1,2,4", "--gamma", "anisotropic", "--log-exponent", "3", "--n", "1e4"])
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    #expect(result["log_exponent_origin"] as? String == "user-supplied")
    let atN = try #require(result["at_n"] as? [String: Any])
    let main = try #require(atN["main_term"] as? Double)
    #expect(abs(main - pow(1e4, -8.0 / 15)) < 1e-12)
}

@Test func allArchitecturesShareTheExponent() throws {
    let json = try CLIRunner.json(["--smoothness", "1,2,4", "--arch", "all"])
    let results = try #require(json["results"] as? [[String: Any]])
    #expect(results.count == 12)
    let rates = Set(results.filter { $0["gamma"] as? String == "anisotropic" && !($0["rate_exponent"] is NSNull) }
        .compactMap { ($0["rate_exponent"] as? [String: Any])?["exact"] as? String })
    #expect(rates == ["8/15"])
}

/// `--gamma` and `--arch` take comma lists of the library's values (report order as given), or `both`/`all`.
@Test func gammaAndArchitectureListsSelectTheirResults() throws {
    func selected(_ arguments: [String]) throws -> [String] {
        let results = try #require(try CLIRunner.json(["--smoothness", "1,2,4"] + arguments)["results"] as? [[String: Any]])
        return results.map { "\($0["arch"] ?? "")/\($0["gamma"] ?? "")" }
    }
    #expect(try selected(["--gamma", "anisotropic", "--arch", "transformer,ssm"]) == ["transformer/anisotropic", "ssm/anisotropic"])
    #expect(try selected(["--gamma", "both"]) == selected(["--gamma", "mixed,anisotropic"]))
    #expect(try selected(["--arch", "all"]).count == 12)  // 3 architectures × 2 γ × 2 classes
    #expect(try selected(["--arch", "ssm,transformer,cnn"]).count == 12)  // every architecture named is `all`: both classes
    #expect(try selected(["--arch", "ssm,cnn"]).count == 4)  // otherwise the γ-smooth class only
    for bad in [["--gamma", "mixed,mixed"], ["--arch", "all,ssm"], ["--arch", "ssm,"]] {
        let output = try CLIRunner.run(["--smoothness", "1,2,4"] + bad)
        #expect(output.status == 2 && output.stdout.isEmpty && output.stderr.contains("is invalid for"), "\(bad): \(output.stderr)")
    }
    // A bad list names the accepted items (the regression of the list types, caught comparing before/after).
    let gpu = try CLIRunner.run(["--smoothness", "1,2,4", "--arch", "gpu"])
    #expect(gpu.stderr.contains("Please provide one of 'ssm', 'transformer', 'cnn' or 'all'"), "\(gpu.stderr)")
    // Six or more values (argument-parser's bulleted list) are folded into the same one-line form.
    let estimator = try CLIRunner.run(["check", "--smoothness", "1", "--arch", "gpu"])
    let every = CheckEstimator.allCases.map { "'\($0.rawValue)'" }
    #expect(every.count >= 6)
    #expect(estimator.status == 2 && estimator.stdout.isEmpty && estimator.stderr.split(separator: "\n").count == 1)
    #expect(estimator.stderr.contains("Please provide one of " + every.dropLast().joined(separator: ", ") + " or " + every.last! + "."),
            "\(estimator.stderr)")
}

@Test("bad input: exit 2, one line on stderr naming the problem, nothing on stdout", arguments: [
    (["--smoothness", ""], "empty"),
    (["--smoothness", "1,,2"], "entry 2 is empty"),
    (["--smoothness", "abc"], "'abc'"),
    (["--smoothness", "0"], "'0' must be > 0"),
    (["--smoothness", "-1"], "'-1' must be > 0"),
    (["--smoothness", "1/0"], "zero denominator"),
    (["--smoothness", "nan"], "'nan'"),
    (["--smoothness", "inf"], "'inf'"),
    (["--smoothness", "1e99999"], "exponent too large"),
    (["--smoothness", "1,2", "--p", "0"], "--p 0"),
    (["--smoothness", "1,2", "--q", "-1"], "--q -1"),
    (["--smoothness", "1,2", "--arch", "gpu"], "'gpu'"),
    (["--smoothness", "1,2", "--n", "1"], "--n 1"),
    (["--smoothness", "1,2", "--p", "x"], "'x' is invalid for '--p <P>': it is not a number"),
    (["--smoothness", "1,2", "--p", "1e-999"], "--p 1e-999: expected p ≥ 1"),  // a long exact value, written short
    (["--smoothness", "1,2", "--format", "yaml"], "'yaml'"),
])
func badInput(arguments: [String], fragment: String) throws {
    let output = try CLIRunner.run(arguments)
    #expect(output.status == 2)
    #expect(output.stdout.isEmpty)
    let lines = output.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(output.stderr)")
    #expect(output.stderr.contains(fragment), "\(output.stderr)")
}

@Test func tenThousandEntryVectorIsFineAndBadEntryIsNamed() throws {
    var entries = (1...10_000).map(String.init)
    let good = try CLIRunner.run(["--smoothness", entries.joined(separator: ","), "--gamma", "anisotropic", "--format", "json"])
    #expect(good.status == 0)
    entries[7_776] = "x7"
    let bad = try CLIRunner.run(["--smoothness", entries.joined(separator: ",")])
    #expect(bad.status == 2 && bad.stderr.contains("entry 7777 'x7'"))
}

@Test func hugeNumeratorsAreExact() throws {
    let big = String(repeating: "9", count: 3000)
    let json = try CLIRunner.json(["--smoothness", "\(big)/8,\(big)", "--gamma", "mixed"])
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    #expect((result["a_dagger"] as? [String: Any])?["exact"] as? String == "\(big)/8")
}

@Test func samplesInvertTheRate() throws {
    let json = try CLIRunner.json(["samples", "--smoothness", "1,2,4", "--gamma", "anisotropic", "--error", "1e-3"])
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    #expect((result["samples_exponent"] as? [String: Any])?["exact"] as? String == "15/8")
    let n = try #require((result["n"] as? [Double])?.first)
    #expect(abs(n - pow(1e3, 15.0 / 8)) / n < 1e-12)
    let bad = try CLIRunner.run(["samples", "--smoothness", "1,2,4", "--error", "0"])
    #expect(bad.status == 2 && bad.stderr.contains("--error 0"))
}

@Test func infiniteFamilyGivesACertifiedEnclosureOfSixOverPiSquared() throws {
    let json = try CLIRunner.json(["--smoothness", "poly(c=1,q=2)", "--gamma", "anisotropic"])
    #expect((json["smoothness"] as? [String: Any])?["rows"] is NSNull)
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    let aDagger = try #require(result["a_dagger"] as? [String: Any])
    #expect(aDagger["exact"] is NSNull && aDagger["symbolic"] as? String == "6/π^2")
    let lower = try #require(aDagger["lower"] as? String), upper = try #require(aDagger["upper"] as? String)
    #expect(lower.contains("/") && upper.contains("/") && lower != upper)
    #expect(abs((aDagger["approx"] as? Double ?? 0) - 6 / (Double.pi * Double.pi)) < 1e-9)
    let rate = try #require(result["rate_exponent"] as? [String: Any])
    #expect(rate["exact"] is NSNull && rate["lower"] is String && rate["upper"] is String)
    let text = try CLIRunner.run(["--smoothness", "poly(c=1,q=2)", "--gamma", "anisotropic"]).stdout
    #expect(text.contains("6/π^2") && text.contains("0.60792710185402662866327677925836"))
}

@Test func badFamilyAndPrecision() throws {
    let bad = try CLIRunner.run(["--smoothness", "geom(c=1,r=1)"])
    #expect(bad.status == 2 && bad.stderr.contains("r must be > 1") && bad.stdout.isEmpty)
    let precision = try CLIRunner.run(["--smoothness", "poly(c=1,q=2)", "--precision", "0"])
    #expect(precision.status == 2 && precision.stderr.contains("--precision"))
}
