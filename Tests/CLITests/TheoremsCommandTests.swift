import Foundation
import Testing

private func userFile(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-theorems-\(UUID().uuidString).toml")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}

/// The minimal user file of docs/theorems.md, as shipped in Examples/theorems.
private let minimal = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Examples/theorems/minimal.toml")

@Test func theMinimalUserFileGivesOneQuarterThroughTheCLI() throws {
    let file = minimal
    let json = try CLIRunner.json(["rate", "--theorems", file.path, "--theorem", "my-holder", "--param", "beta=1/2,d=3"])
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    #expect((result["rate_exponent"] as? [String: Any])?["exact"] as? String == "1/4")
    #expect(result["theorem_applies"] as? Bool == true)
    #expect((json["theorem"] as? [String: Any])?["verified"] as? Bool == false)

    let failing = try CLIRunner.json(["rate", "--theorems", file.path, "--theorem", "my-holder", "--param", "beta=-1", "--param", "d=3"])
    let bad = try #require((failing["results"] as? [[String: Any]])?.first)
    #expect(bad["theorem_applies"] as? Bool == false && (bad["status"] as? String)?.hasPrefix("not proven") == true)
    let condition = try #require((bad["conditions"] as? [[String: Any]])?.first { $0["name"] as? String == "beta > 0" })
    #expect(condition["status"] as? String == "fails" && condition["holds"] as? Bool == false && condition["detail"] as? String == "-1 ≤ 0")

    let text = try CLIRunner.run(["rate", "--theorems", file.path, "--theorem", "my-holder", "--param", "beta=-1,d=3"])
    #expect(text.status == 0 && text.stdout.contains("fails  beta > 0") && text.stdout.contains("UNVERIFIED"))
}

@Test func theoremsListsTheLibrary() throws {
    let output = try CLIRunner.run(["theorems"])
    #expect(output.status == 0 && output.stderr.isEmpty)
    for id in ["ns24", "ts23", "o22-thm10", "o22-thm14", "stone1982", "schmidt-hieber2020", "suzuki2019-besov", "suzuki-nitanda2021"] {
        #expect(output.stdout.contains(id + " "), "\(id)")
    }
    let json = try CLIRunner.json(["theorems"])
    let theorems = try #require(json["theorems"] as? [[String: Any]])
    #expect(theorems.count >= 8)
    #expect(theorems.first { $0["id"] as? String == "stone1982" }?["verified"] as? Bool == false)
    #expect(theorems.first { $0["id"] as? String == "stone1982" }?["rate"] as? String == "2*beta/(2*beta + d)")
}

@Test func badTheoremInputIsOneLineAndExitTwo() throws {
    let broken = try userFile("[[theorem]]\nid = \"x\"\nsource = \"s\"\nprovenance = \"stated\"\nrate = \"2*(\"\n")
    defer { try? FileManager.default.removeItem(at: broken) }
    let cases: [([String], String)] = [
        (["rate", "--theorems", broken.path, "--theorem", "x"], "\(broken.path):5: expected rate: an expression"),
        (["theorems", "--theorems", broken.path], "\(broken.path):5: expected rate"),
        (["rate", "--theorems", "/dev/zero", "--theorem", "x"], "/dev/zero: expected a readable regular file"),
        (["rate", "--theorem", "nope"], "--theorem 'nope': expected one of"),
        (["rate", "--theorem", "stone1982", "--param", "beta=1"], "--param: stone1982 needs d=VALUE"),
        (["rate", "--theorem", "stone1982", "--param", "beta=1,d=1", "--format", "latex"], "--format latex: expected text, json or typst"),
        (["rate", "--theorem", "suzuki-nitanda2021"], "--smoothness is missing"),
        (["rate", "--smoothness", "1,2", "--param", "beta=1"], "--param needs --theorem"),
        (["--smoothness", "1,2", "--theorems", broken.path], "\(broken.path):5"),
    ]
    for (arguments, message) in cases {
        let output = try CLIRunner.run(arguments)
        #expect(output.status == 2 && output.stdout.isEmpty, "\(arguments)")
        #expect(output.stderr.hasPrefix("ratecalc: " + message), "\(arguments): \(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1, "\(arguments)")
    }
}

/// A parameter-only user file changes nothing in the architecture report.
@Test func aUserFileLeavesTheRateReportAlone() throws {
    let file = minimal
    let plain = try CLIRunner.run(["--smoothness", "1,2,4", "--arch", "all", "--format", "json"])
    let with = try CLIRunner.run(["--smoothness", "1,2,4", "--arch", "all", "--format", "json", "--theorems", file.path])
    #expect(plain.status == 0 && plain.stdout == with.stdout)
    let classic = try CLIRunner.run(["rate", "--theorem", "suzuki-nitanda2021", "--smoothness", "1,2,4", "--format", "json"])
    #expect(classic.status == 0 && classic.stdout.contains("\"exact\": \"8/15\""))
}
