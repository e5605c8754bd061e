import Foundation
import Testing
@testable import Bounds

private let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The minimal user file of docs/theorems.md, as shipped in Examples/theorems.
private let minimalFile = (try? String(contentsOf: package.appendingPathComponent("Examples/theorems/minimal.toml"), encoding: .utf8)) ?? ""

private func evaluate(_ id: String, _ parameters: String, library: TheoremLibrary = .builtIn) throws -> TheoremEvaluation {
    let theorem = try #require(library.theorem(id: id))
    return try TheoremEvaluation.evaluate(theorem, parameters: try TheoremParameters(parsing: [parameters]), smoothness: nil,
                                          gammas: GammaType.allCases, p: nil, q: nil, fieldNames: InputField.ownNames)[0]
}

/// The .toml files are the single source: the embedded copies (scripts/embed-theorems.sh) equal them.
@Test func embeddedTheoremFilesEqualTheTheoremFiles() throws {
    let directory = package.appendingPathComponent("Sources/Bounds/Theorems")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".toml") }.sorted()
    #expect(BuiltInTheoremFiles.files.map(\.0) == names)
    for (name, text) in BuiltInTheoremFiles.files {
        #expect(text + "\n" == (try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)), "\(name): run scripts/embed-theorems.sh")
    }
}

@Test func theBuiltInLibraryHasTheShippedTheorems() {
    let ids = TheoremLibrary.builtIn.theorems.map(\.id)
    for id in ["ns24", "ts23", "o22-thm10", "o22-thm14", "stone1982", "schmidt-hieber2020", "suzuki2019-besov", "suzuki-nitanda2021", "fnn-window"] {
        #expect(ids.contains(id), "\(id)")
    }
    #expect(ids.count >= 8)
    // Only what was checked is marked verified; the classic theorems are not.
    for id in ["stone1982", "schmidt-hieber2020", "suzuki2019-besov", "suzuki2019-mixed-besov", "suzuki-nitanda2021", "fnn-window"] {
        #expect(TheoremLibrary.builtIn.theorem(id: id)?.isVerified == false, "\(id)")
    }
    #expect(TheoremLibrary.builtIn.coveringSources.map(\.key) == ["O22", "TS23", "NS24"])
}

@Test func theMinimalUserFileGivesOneQuarterAndTheFailingCondition() throws {
    let library = try TheoremLibrary.builtIn.adding(text: minimalFile, file: "my.toml")
    let proven = try evaluate("my-holder", "beta=1/2,d=3", library: library)
    #expect(proven.rateExponent?.exact == Rational(1, 4) && proven.isProven)
    #expect(proven.conditions.map(\.status) == [.holds, .holds])
    let failing = try evaluate("my-holder", "beta=-1,d=3", library: library)
    #expect(!failing.isProven && failing.conditions.first { $0.name == "beta > 0" }?.status == .fails)
    #expect(failing.conditions.first?.detail == "-1 ≤ 0")
    #expect(failing.proofStatus.hasPrefix("not proven"))
}

@Test func classicTheoremsEvaluate() throws {
    #expect(try evaluate("stone1982", "beta=2,d=3").rateExponent?.exact == Rational(4, 7))
    // β₀* = β₀·min(β₁, 1) = 1·1/2: min(2·(1/2)/(1 + 1), 2·(1/2)/(1 + 2)) = min(1/2, 1/3).
    #expect(try evaluate("schmidt-hieber2020", "beta0=1,t0=1,beta1=1/2,t1=2").rateExponent?.exact == Rational(1, 3))
    let besov = try evaluate("suzuki2019-besov", "s=1,p=1,d=3")
    #expect(besov.rateExponent?.exact == Rational(2, 5) && !besov.isProven)   // s = 1 ≤ d(1/p − 1/2)₊ = 3/2
    #expect(try evaluate("suzuki2019-besov", "s=2,p=1,d=3").isProven)
    let summary = SmoothnessSummary(try Smoothness.parse("1,2,4"))
    let theorem = try #require(TheoremLibrary.builtIn.theorem(id: "suzuki-nitanda2021"))
    let anisotropic = try TheoremEvaluation.evaluate(theorem, parameters: TheoremParameters(), smoothness: summary, gammas: GammaType.allCases,
                                                     p: nil, q: nil, fieldNames: InputField.ownNames)
    #expect(anisotropic.map(\.gamma) == [.anisotropic] && anisotropic[0].rateExponent?.exact == Rational(8, 15))
    #expect(throws: TheoremRequestError.needsSmoothness(theorem: "suzuki-nitanda2021")) {
        try TheoremEvaluation.evaluate(theorem, parameters: TheoremParameters(), smoothness: nil, gammas: [.anisotropic], p: nil, q: nil, fieldNames: InputField.ownNames)
    }
}

@Test func parametersAreCheckedAgainstTheTheorem() throws {
    #expect(throws: TheoremRequestError.missingParameter("d", theorem: "stone1982")) { try evaluate("stone1982", "beta=1") }
    #expect(throws: TheoremRequestError.notAParameter("e", theorem: "stone1982", parameters: ["beta", "d"])) { try evaluate("stone1982", "beta=1,d=1,e=2") }
    for bad in ["beta", "beta=", "=1", "beta=x", "beta=1,beta=2", "2x=1"] {
        #expect(throws: TheoremRequestError.self, "\(bad)") { try TheoremParameters(parsing: [bad]) }
    }
}

/// Hostile and malformed files: one error naming the line and what was expected.
@Test func malformedFilesNameTheLine() {
    let cases: [(String, Int, String)] = [
        ("[[theorem]]\nid = \"x\"\nsource = \"s\"\nprovenance = \"stated\"\nrate = \"2*(\"", 5, "rate: an expression"),
        ("[[theorem]]\nid = \"x\"\nsource = \"s\"\nprovenance = \"maybe\"\nrate = \"1\"", 4, "provenance: stated or up-to-polylog"),
        ("[[theorem]]\nid = \"x\"\nsource = \"s\"\nprovenance = \"stated\"", 1, "a key rate"),
        ("[[theorem]]\nid = \"x\"\nsource = \"s\"\nprovenance = \"stated\"\nrate = \"beta\"", 5, "not 'beta'"),
        ("[[theorem]]\nid = \"x\"\nsource = \"s\"\nprovenance = \"stated\"\nrate = \"1\"\nrun = \"rm -rf /\"", 6, "one of the keys"),
        ("[[theorem]]\nid = \"X Y\"", 2, "id: lowercase"),
        ("[theorem]\nid = \"x\"", 1, "[[name]]"),
        ("[[theorem]]\nid = \"x\"\nid = \"y\"", 3, "each key once"),
        ("[[theorem]]\nid = \"x\nsource = \"s\"", 2, "closing"),
        ("[[theorem]]\nid = \"x\" source = \"s\"", 2, "end of the line"),
        ("[[theorem]]\nid = \"\\u001b[31m\"\nsource = \"s\"\nprovenance = \"stated\"\nrate = \"1\"", 2, "id:"),
        ("[[theorem]]\nid = \"x\"\nsource = \"s\\u0007\"", 3, "printable"),
        ("[[theorem]]\nid = \"x\"\nsource = \"s\"\nprovenance = \"stated\"\nrate = \"1\"\nconditions = [" + String(repeating: "[", count: 20), 6, "nested"),
        ("[[theorem]]\nid = \"ns24\"\nsource = \"s\"\nprovenance = \"stated\"\nrate = \"1\"", 2, "not already in the library"),
        ("x = 1.5", 1, "an integer"),
        ("[[theorem]]\nid = \"x\"\nsource = \"s\"\nprovenance = \"stated\"\narch = \"ssm\"\nclass = \"gamma-smooth\"\nrate = \"1\"", 5, "NS24 covers ssm"),
        ("[[theorem]]\nid = \"x\"\nsource = \"s\"\nprovenance = \"stated\"\nrate = \"1\"\nconditions = [\"1 > \"]", 6, "conditions: a comparison"),
        ("[[theorem]]\nid = \"x\"\nsource = \"s\"\nprovenance = \"stated\"\nparameters = [\"v\"]\nrate = \"1\"", 5, "parameters: names"),
        (String(repeating: "#", count: TheoremFile.maximumBytes + 1), 1, "at most"),
    ]
    for (text, line, expected) in cases {
        let error = #expect(throws: TheoremFileError.self, "\(text.prefix(80))") { try TheoremLibrary.builtIn.adding(text: text, file: "bad.toml") }
        #expect(error?.line == line, "\(text.prefix(80)): \(error?.description ?? "")")
        #expect(error?.description.contains(expected) == true, "\(text.prefix(80)): \(error?.description ?? "")")
        #expect(error?.description.hasPrefix("bad.toml:\(line): expected") == true)
        #expect(error?.description.contains("\n") == false && error?.description.contains("\u{1b}") == false)
    }
}

@Test func filesThatAreNotRegularFilesAreRefusedWithoutReading() {
    for path in ["/dev/zero", "/nonexistent/theorems.toml", "/tmp"] {
        let error = #expect(throws: TheoremFileError.self) { try TheoremLibrary.builtIn.adding(fileAt: path) }
        #expect(error?.description == "\(path): expected a readable regular file (a theorem file, docs/theorems.md)")
    }
}

@Test func theExampleFileParsesAndEvaluates() throws {
    let library = try TheoremLibrary.builtIn.adding(fileAt: package.appendingPathComponent("Examples/theorems/holder.toml").path)
    #expect(try evaluate("my-holder", "beta=1/2,d=3", library: library).rateExponent?.exact == Rational(1, 4))
    let composed = try evaluate("my-composition", "beta=1,d=1,k=2", library: library)
    #expect(composed.rateExponent?.exact == Rational(1, 2) && composed.logExponent == Rational(3) && composed.isProven)
}

/// check's r comes from the theorem files and equals the fixed formulas of RateQuantities.
@Test func theCheckReferenceGivesTheSameExponents() throws {
    for entries in [[1, 2, 4], [1], [3, 3], [1, 5, 7, 2]] {
        let values = entries.map { Rational($0) }
        for gamma in GammaType.allCases {
            for functionClass in FunctionClass.allCases {
                let theorem = TheoremLibrary.builtIn.checkReference(functionClass: functionClass)
                let fromTheorem = RateQuantities.compute(entries: values, gamma: gamma, p: nil, theorem: theorem)
                let fixed = RateQuantities.compute(entries: values, gamma: gamma, p: nil)
                #expect(fromTheorem.rateExponent == fixed.rateExponent && fromTheorem.levelCoefficient == fixed.levelCoefficient)
                #expect(fromTheorem.samplesExponent == fixed.samplesExponent && fromTheorem.aDagger == fixed.aDagger)
            }
        }
    }
}

/// A user file may cover a pair no theorem covers (here the CNN on the piecewise class): one
/// data file, and the report uses it.
@Test func aNewCoveringTheoremIsOneDataFile() throws {
    let file = """
    [[theorem]]
    id = "new-cnn-piecewise"
    source = "New26"
    number = "Theorem 3"
    name = "Theorem 3 (CNN, ranked tokens)"
    provenance = "up-to-polylog"
    arch = "cnn"
    class = "piecewise-gamma-smooth"
    domain = ["a_dagger > v"]
    conditions = ["a1 < a2"]
    rate = "2*a_dagger/(2*a_dagger + 2)"
    """
    let library = try TheoremLibrary.builtIn.adding(text: file, file: "new.toml")
    let request = try RateRequest(smoothness: SmoothnessSummary(try Smoothness.parse("1,2,4")), gammas: [.mixed],
                                  architectures: [.cnn], functionClasses: [.piecewise])
    let result = RateReport(request, library: library).results[0]
    #expect(result.theorem?.id == "new-cnn-piecewise" && result.rateExponent?.exact == Rational(1, 2) && result.theoremApplies)
    #expect(RateReport(request).results[0].theorem == nil)
}
