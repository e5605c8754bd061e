import Foundation
import Testing

/// `--format typst` and `.typ` notes compiled by the real Typst compiler (``TypstCompiler``):
/// every rate and samples invocation that the LaTeX tests compile, the check reports and the
/// window sweep of the tiny sweeps, the example note, and outputs of a hostile theorem file;
/// any error or warning fails.
@Suite struct TypstOutputTests {
    /// The vectors, families and unproven smoothness of the LaTeX compile tests.
    static let smoothnesses = ["1,2,4", "1/2,5/4,2,3/7,11,13/3", "poly(c=1,q=2)", "1,2,poly(c=3,q=3)", "1,1,2", "1,2;3,4"]

    /// The rate and samples invocations for one smoothness (those of the LaTeX compile tests).
    static func invocations(_ smoothness: String) -> [[String]] {
        let base = ["--smoothness", smoothness, "--format", "typst"]
        return [base + ["--arch", "all"], base + ["--arch", "all", "--q", "2"], base + ["--arch", "ssm"],
                base + ["--arch", "transformer"], base + ["--arch", "cnn", "--q", "2"],
                base + ["--arch", "ssm", "--class", "piecewise", "--p", "3/2"], base + ["--arch", "cnn", "--q", "1/2", "--gamma", "mixed"],
                base + ["--arch", "ssm", "--log-exponent", "3"],
                ["samples"] + base + ["--arch", "all"], ["samples"] + base + ["--arch", "ssm", "--error", "1e-2,5e-4"]]
    }

    private func output(_ arguments: [String]) throws -> String {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// The outputs joined with page breaks, each under a comment naming its invocation.
    private func document(_ invocations: [[String]]) throws -> String {
        try invocations.map { "// " + $0.joined(separator: " ") + "\n" + (try output($0)) }.joined(separator: "\n#pagebreak()\n")
    }

    @Test("the compiler check fails on an error and on a warning", .tags(.external), ExternalTool.required(.typst))
    func compilerCheckCanFail() throws {
        #expect(try TypstCompiler.problems(document: "#panic(\"boom\")\n", bibliography: nil).contains { $0.contains("boom") })
        #expect(try TypstCompiler.problems(document: "#text(font: \"no-such-font\")[x]\n", bibliography: nil).contains { $0.hasPrefix("warning:") })
        #expect(try TypstCompiler.problems(document: "@nishikawa2024state\n", bibliography: nil).contains { $0.hasPrefix("error:") })
    }

    @Test func typstGolden() throws {
        try Golden.check("rate-1,2,4-all.typ", ["--smoothness", "1,2,4", "--arch", "all", "--format", "typst"])
        try Golden.check("samples-1,2,4-all.typ", ["samples", "--smoothness", "1,2,4", "--arch", "all", "--format", "typst"])
    }

    @Test func bibliographyIsTheDocsFile() throws {
        let docs = try String(contentsOf: ExternalTool.repository.appendingPathComponent("docs/references.bib"), encoding: .utf8)
        #expect(try output(["--bibliography"]) == docs)
    }

    @Test func theWorkedExampleIsExactInMath() throws {
        let typst = try output(["--smoothness", "1,2,4", "--arch", "ssm", "--gamma", "anisotropic", "--format", "typst"])
        #expect(typst.contains("[$8/15$ ≈ 0.533333]") && typst.contains("[$4/7$ ≈ 0.571429]"))
        #expect(typst.contains("tilde(O)(n^(-8\\/15))") && typst.contains("@nishikawa2024state"))
        let unproven = try output(["--smoothness", "1,1,2", "--arch", "cnn", "--q", "2", "--format", "typst"])
        #expect(unproven.contains("*(not proven)*") && unproven.contains("*Not proven:*"))
        #expect(try output(["value", "rate-exponent", "--smoothness", "poly(c=1,q=2)", "--gamma", "anisotropic", "--arch", "ssm", "--style", "typst"])
                == "12/(12 + π^2)\n")
    }

    @Test("rate and samples Typst outputs compile without warnings", .tags(.external, .slow), ExternalTool.required(.typst),
          arguments: smoothnesses)
    func rateAndSamplesCompile(smoothness: String) throws {
        let problems = try TypstCompiler.problems(document: try document(Self.invocations(smoothness)), bibliography: try output(["--bibliography"]))
        #expect(problems.isEmpty, "\(smoothness): \(problems.joined(separator: "; "))")
    }

    @Test("the theorem listing and evaluations compile without warnings", .tags(.external), ExternalTool.required(.typst))
    func theoremsCompile() throws {
        let holder = ExternalTool.repository.appendingPathComponent("Examples/theorems/holder.toml").path
        let minimal = ExternalTool.repository.appendingPathComponent("Examples/theorems/minimal.toml").path
        let invocations = [["theorems", "--format", "typst"], ["theorems", "--theorems", holder, "--format", "typst"],
                           ["rate", "--theorem", "stone1982", "--param", "beta=2,d=3", "--format", "typst"],
                           ["rate", "--theorem", "ns24", "--smoothness", "1,2,4", "--format", "typst"],
                           ["rate", "--theorem", "o22-thm10", "--smoothness", "1,2,4", "--q", "2", "--format", "typst"],
                           ["rate", "--theorems", minimal, "--theorem", "my-holder", "--param", "beta=1/2,d=3", "--format", "typst"],
                           ["rate", "--theorems", holder, "--theorem", "my-composition", "--param", "beta=1/2,d=3,k=2", "--format", "typst"]]
        let typst = try document(invocations)
        #expect(typst.contains("*UNVERIFIED*") && typst.contains("$8/15$ ≈ 0.533333"))
        #expect(typst.contains("$2 beta + d > 0$ holds") && typst.contains("$macron(a)_1 < macron(a)_2$"))
        let problems = try TypstCompiler.problems(document: typst, bibliography: try output(["--bibliography"]))
        #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
    }

    @Test("check reports and the window sweep compile without warnings", .tags(.external, .slow), ExternalTool.required(.typst))
    func checkReportsCompile() throws {
        let check = try output(CheckCommandTests.tiny + ["--format", "typst"])
        #expect(check.contains("theory $r = 4/7$") && check.contains("#table("))
        let sweep = try output(WindowSweepCommandTests.tiny + ["--format", "typst"])
        #expect(sweep.contains("*Window sweep*") && sweep.contains("$V = 4$"))
        let problems = try TypstCompiler.problems(document: check + "\n#pagebreak()\n" + sweep, bibliography: nil)
        #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
    }

    /// Every string of a theorem file that a report prints, full of Typst syntax: unescaped, any
    /// of them would run code (`#panic`), reference a missing label, or leave math, a comment or
    /// a content block open, and the document would not compile.
    static let hostileTheorems = #"""
    [[source]]
    key = "EVIL"
    citation_key = "evil:not-in-the-bibliography"
    reference = "#panic(\"reference\") $ @nolabel <lbl> */ /* [ ] \\ `raw` _em_ *strong* = heading"

    [[theorem]]
    id = "evil"
    source = "EVIL"
    name = "#panic(\"name\") // ratecalc:end $x @ref <a> ] [ \\"
    provenance = "up-to-polylog"
    citation_detail = "#panic(\"detail\")] @x"
    arch = "cnn"
    class = "piecewise-gamma-smooth"
    domain = ["a_dagger > v"]
    rate = "2*(a_dagger - v)/(2*(a_dagger - v) + 1)"
    level = "a_dagger/(2*(a_dagger - v) + 1)"
    network_sizes = "#panic(\"sizes\") $"
    """#

    @Test("a hostile theorem file cannot change the Typst document", .tags(.external), ExternalTool.required(.typst))
    func hostileTheoremFile() throws {
        let scratch = try Scratch()
        try scratch.write("evil.toml", Self.hostileTheorems)
        let file = scratch.path("evil.toml")
        let rate = try output(["--smoothness", "1,2,4", "--arch", "ssm,cnn", "--class", "piecewise", "--theorems", file, "--format", "typst"])
        #expect(rate.contains(##"\#panic("name") \/\/ ratecalc:end"##))
        let body = rate.split(separator: "\n").dropFirst().joined(separator: "\n")
        let unescaped = body.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\#", with: "").replacingOccurrences(of: "\\@", with: "")
            .replacingOccurrences(of: "#table(", with: "").replacingOccurrences(of: "@okumoto2022learnability", with: "")
            .replacingOccurrences(of: "@takakura2023approximation", with: "").replacingOccurrences(of: "@nishikawa2024state", with: "")
        #expect(!unescaped.contains("#") && !unescaped.contains("@"), "\(rate)")
        let samples = try output(["samples", "--smoothness", "1,2,4", "--arch", "cnn", "--class", "piecewise", "--theorems", file, "--format", "typst"])
        let listing = try output(["theorems", "--theorems", file, "--format", "typst"])
        let evaluation = try output(["rate", "--theorems", file, "--theorem", "evil", "--smoothness", "1,2,4", "--format", "typst"])
        #expect(listing.contains("*UNVERIFIED*") && evaluation.contains("*UNVERIFIED*"))
        let problems = try TypstCompiler.problems(document: [rate, samples, listing, evaluation].joined(separator: "\n"),
                                                  bibliography: try output(["--bibliography"]))
        #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")

        // The same file in a .typ note: the refreshed note keeps its one block, a second run
        // changes nothing, and it compiles.
        let note = "// ratecalc: --smoothness 1,2,4 --arch cnn --class piecewise --theorems evil.toml\n#bibliography(\"ratecalc.bib\")\n"
        try scratch.write("note.typ", note)
        try scratch.write("ratecalc.bib", try output(["--bibliography"]))
        let first = try ExternalTool.run(CLIRunner.binary, ["notes", "note.typ"], in: scratch.url)
        #expect(first.status == 0, "\(first.stderr)")
        let refreshed = try scratch.read("note.typ")
        #expect(refreshed.components(separatedBy: "// ratecalc:end").count == 2 && refreshed.contains("EVIL"))
        let second = try ExternalTool.run(CLIRunner.binary, ["notes", "--check", "note.typ"], in: scratch.url)
        #expect(second.status == 0 && second.stdout.isEmpty, "\(second.stdout)\(second.stderr)")
        let noteProblems = try TypstCompiler.problems("note.typ", in: scratch.url)
        #expect(noteProblems.isEmpty, "\(noteProblems.joined(separator: "; "))")
    }

    @Test("the example note is fresh, refreshes idempotently and compiles", .tags(.external), ExternalTool.required(.typst))
    func exampleNote() throws {
        let scratch = try Scratch()
        let example = try String(contentsOf: ExternalTool.repository.appendingPathComponent("Examples/notes/rates.typ"), encoding: .utf8)
        try scratch.write("rates.typ", example)
        let fresh = try ExternalTool.run(CLIRunner.binary, ["notes", "--check", "rates.typ"], in: scratch.url)
        #expect(fresh.status == 0 && fresh.stdout.isEmpty, "Examples/notes/rates.typ is stale: \(fresh.stdout)\(fresh.stderr)")

        let edited = example.replacingOccurrences(of: "// ratecalc: --smoothness 1,2,4", with: "// ratecalc: --smoothness 1,2,8")
        try scratch.write("rates.typ", edited)
        let stale = try ExternalTool.run(CLIRunner.binary, ["notes", "--check", "rates.typ"], in: scratch.url)
        #expect(stale.status == 1 && stale.stdout.hasSuffix(": stale\n"), "\(stale.stdout)\(stale.stderr)")
        #expect(try scratch.read("rates.typ") == edited)
        let refreshed = try ExternalTool.run(CLIRunner.binary, ["notes", "rates.typ"], in: scratch.url)
        #expect(refreshed.status == 0, "\(refreshed.stderr)")
        let written = try scratch.read("rates.typ")
        #expect(Rendered.region(written, "// ratecalc:begin", "// ratecalc:end").contains("$16/29$"))
        let again = try ExternalTool.run(CLIRunner.binary, ["notes", "rates.typ"], in: scratch.url)
        let reread = try scratch.read("rates.typ")
        #expect(again.status == 0 && reread == written)

        try scratch.write("ratecalc.bib", try output(["--bibliography"]))
        for note in [example, written] {
            try scratch.write("rates.typ", note)
            let problems = try TypstCompiler.problems("rates.typ", in: scratch.url)
            #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
        }
    }
}
