import Foundation
import Testing

/// Real `rate`, `samples` and `check` output validated against docs/json-schema.json with
/// the jsonschema package (scripts/validate-json.py), so that docs/json-schema.md, the
/// schema file and the output cannot drift apart.
enum SchemaValidator {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = package.appendingPathComponent("scripts/validate-json.py").path

    /// python3 with jsonschema (scripts/install-system-deps.sh).
    static let requirement = ExternalTool.Requirement.pythonModule("jsonschema", installer: "scripts/install-system-deps.sh")

    /// The validator's verdict on `json` as `kind` (rate, samples, check): nil when valid,
    /// else its messages.
    static func violations(_ json: String, kind: String) throws -> String? {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-schema-\(UUID().uuidString).json")
        try json.write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        guard requirement.isAvailable else { throw ExternalTool.Missing(description: "missing: \(requirement)") }
        let result = try TeXToolchain.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "python3 \"$0\" \"$1\" < \"$2\"", script, kind, input.path], in: package)
        return result.status == 0 ? nil : result.output
    }
}

@Test("rate and samples JSON match docs/json-schema.json", .tags(.external), ExternalTool.required(SchemaValidator.requirement), arguments: [
    ["--smoothness", "1,2,4", "--arch", "all"],
    ["--smoothness", "1,2,4", "--arch", "all", "--q", "2", "--n", "1e4", "--log-exponent", "3/2"],
    ["--smoothness", "1/2,5/4,2,3/7,11,13/3", "--arch", "cnn", "--q", "1/2", "--p", "3/2"],
    ["--smoothness", "1,1,2", "--arch", "cnn", "--q", "2"],
    ["--smoothness", "poly(c=1,q=2)", "--arch", "all", "--q", "2"],
    ["--smoothness", "1,2,poly(c=3,q=3)", "--gamma", "anisotropic"],
    ["--smoothness", "poly(c=1,q=1)", "--gamma", "anisotropic"],
    ["--smoothness", "1,2;3,4", "--p", "1"],
])
func rateAndSamplesMatchTheSchema(arguments: [String]) throws {
    let rate = try CLIRunner.run(arguments + ["--format", "json"])
    #expect(rate.status == 0, "\(rate.stderr)")
    #expect(try SchemaValidator.violations(rate.stdout, kind: "rate") == nil)
    let samples = try CLIRunner.run(["samples"] + arguments.filter { $0 != "--n" && $0 != "1e4" } + ["--format", "json"])
    #expect(samples.status == 0, "\(samples.stderr)")
    #expect(try SchemaValidator.violations(samples.stdout, kind: "samples") == nil)
}

@Test(.tags(.external), ExternalTool.required(SchemaValidator.requirement))
func checkJSONMatchesTheSchemaAndTheValidatorCatchesDrift() throws {
    let check = try CLIRunner.run(CheckCommandTests.tiny + ["--format", "json"])
    #expect(try SchemaValidator.violations(check.stdout, kind: "check") == nil)
    // Runs name their replicate index `replicate`; the old key `seed` no longer matches.
    #expect(check.stdout.contains("\"replicate\" : 0") || check.stdout.contains("\"replicate\": 0"), "\(check.stdout.prefix(200))")
    #expect(try SchemaValidator.violations(check.stdout.replacingOccurrences(of: "\"replicate\"", with: "\"seed\""), kind: "check") != nil)
    // The validator is not vacuous: a rate report is not a check report, and a renamed
    // field or a wrong type is caught.
    let rate = try CLIRunner.run(["--smoothness", "1,2,4", "--n", "100", "--format", "json"]).stdout
    #expect(try SchemaValidator.violations(rate, kind: "check") != nil)
    #expect(try SchemaValidator.violations(rate.replacingOccurrences(of: "\"theorem_applies\"", with: "\"applies\""), kind: "rate") != nil)
    #expect(try SchemaValidator.violations(rate.replacingOccurrences(of: "\"n\": \"100\"", with: "\"n\": 100"), kind: "rate") != nil)
}

/// `ratecalc theorems` and `rate --theorem` JSON (docs/theorems.md) against their definitions,
/// for the built-in library and the documented user file, proven and not.
@Test(.tags(.external), ExternalTool.required(SchemaValidator.requirement))
func theoremJSONMatchesTheSchema() throws {
    let user = SchemaValidator.package.appendingPathComponent("Examples/theorems/minimal.toml").path
    let library = try CLIRunner.run(["theorems", "--format", "json", "--theorems", user])
    #expect(library.status == 0, "\(library.stderr)")
    #expect(try SchemaValidator.violations(library.stdout, kind: "theorems") == nil)
    for beta in ["1/2", "-1"] {
        let rate = try CLIRunner.run(["rate", "--theorems", user, "--theorem", "my-holder", "--param", "beta=\(beta),d=3", "--format", "json"])
        #expect(rate.status == 0, "\(rate.stderr)")
        #expect(try SchemaValidator.violations(rate.stdout, kind: "theorem_rate") == nil)
    }
    let stone = try CLIRunner.run(["rate", "--theorem", "stone1982", "--param", "beta=2,d=3", "--format", "json"])
    #expect(try SchemaValidator.violations(stone.stdout, kind: "theorem_rate") == nil)
    // Not vacuous: a rate report is not a theorem evaluation.
    #expect(try SchemaValidator.violations(try CLIRunner.run(["--smoothness", "1,2", "--format", "json"]).stdout, kind: "theorem_rate") != nil)
}
