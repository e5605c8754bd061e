import Foundation
import Testing

/// What a paper author sees: closed forms beside enclosures, inline exponents, one booktabs
/// table for `--arch all`, the preamble, and "not proven" marks in every format.
@Test func familyLaTeXShowsTheClosedFormBesideItsEnclosure() throws {
    let latex = try CLIRunner.run(["--smoothness", "poly(c=1,q=2)", "--gamma", "anisotropic", "--format", "latex"]).stdout
    #expect(latex.contains("\\frac{12}{12+\\pi^{2}}"))
    #expect(latex.contains("r \\in 0.548706770361253610536006336934078"))
    #expect(latex.contains("n^{-12/(12+\\pi^{2})}"))
    let json = try CLIRunner.json(["--smoothness", "poly(c=1,q=2)", "--gamma", "anisotropic"])
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    let symbolic = { (key: String) in (result[key] as? [String: Any])?["symbolic"] as? String }
    #expect(symbolic("rate_exponent") == "12/(12 + π^2)")
    #expect(symbolic("T_coefficient") == "6/(12 + π^2)")
    #expect(symbolic("samples_exponent") == "(12 + π^2)/12")
    for format in ["text", "markdown"] {
        let output = try CLIRunner.run(["--smoothness", "poly(c=1,q=2)", "--gamma", "anisotropic", "--format", format]).stdout
        #expect(output.contains(format == "text" ? "12/(12 + π^2)" : "12/(12+\\pi^{2})"), "\(format)")
        #expect(output.contains("0.548706770361253610536006336934078"), "\(format)")
    }
}

@Test func latexExponentsAreInlineAndArchAllIsOneBooktabsTable() throws {
    let all = try CLIRunner.run(["--smoothness", "1,2,4", "--arch", "all", "--format", "latex"]).stdout
    #expect(all.components(separatedBy: "\\begin{tabular}").count == 2)
    #expect(all.contains("\\toprule") && all.contains("\\midrule") && all.contains("\\bottomrule"))
    #expect(!all.contains("align*") && !all.contains("\\hline"))
    #expect(!all.contains("piecewise-gamma-smooth"))
    let display = try CLIRunner.run(["--smoothness", "1,2,4", "--gamma", "anisotropic", "--format", "latex"]).stdout
    #expect(display.contains("n^{-8/15}") && display.contains("\\varepsilon^{-15/8}"))
    #expect(!display.contains("n^{-\\frac") && !display.contains("\\left("))
    let table = try CLIRunner.run(["--smoothness", "1,2,4", "--latex-style", "table", "--format", "latex"]).stdout
    #expect(table.contains("\\toprule") && !table.contains("align*"))
    let samples = try CLIRunner.run(["samples", "--smoothness", "1,2,4", "--arch", "all", "--format", "latex"]).stdout
    #expect(samples.contains("\\toprule") && samples.contains("\\bottomrule") && !samples.contains("\\hline"))
    let preamble = try CLIRunner.run(["--latex-preamble"])
    #expect(preamble.status == 0 && preamble.stdout.contains("\\usepackage{booktabs}") && preamble.stdout.contains("\\usepackage{amssymb}"))
    #expect(try CLIRunner.run(["samples", "--latex-preamble"]).stdout == preamble.stdout)
    let missing = try CLIRunner.run([])
    #expect(missing.status == 2 && missing.stdout.isEmpty && missing.stderr.contains("--smoothness"))
}

@Test func anUnprovenBoundIsMarkedInEveryFormat() throws {
    let arguments = ["--smoothness", "1,1,2", "--gamma", "mixed", "--arch", "cnn", "--q", "2"]
    #expect(try CLIRunner.run(arguments).stdout.contains("status: not proven"))
    #expect(try CLIRunner.run(arguments + ["--format", "latex"]).stdout.contains("\\textbf{Not proven:}"))
    #expect(try CLIRunner.run(arguments + ["--format", "latex", "--latex-style", "table"]).stdout.contains("$^{\\ast}$ not proven"))
    #expect(try CLIRunner.run(arguments + ["--format", "markdown"]).stdout.contains("(not proven)"))
    let samples = ["samples"] + arguments
    #expect(try CLIRunner.run(samples).stdout.contains("3/2 (not proven)"))
    #expect(try CLIRunner.run(samples + ["--format", "latex"]).stdout.contains("$3/2$$^{\\ast}$"))
    #expect(try CLIRunner.run(samples + ["--format", "markdown"]).stdout.contains("$3/2$ (not proven)"))
    let planned = try #require((try CLIRunner.json(samples)["results"] as? [[String: Any]])?.first)
    #expect(planned["theorem_applies"] as? Bool == false)
    let result = try #require((try CLIRunner.json(arguments)["results"] as? [[String: Any]])?.first)
    #expect(result["theorem_applies"] as? Bool == false && (result["proven_by"] as? [String])?.isEmpty == true)
    // With q = 2 on 1,2,4 the bound is proven by Theorem 10 while Theorem 14's hypothesis
    // fails; every format says which.
    let proven = ["--smoothness", "1,2,4", "--arch", "cnn", "--q", "2"]
    #expect(try CLIRunner.run(proven).stdout.contains("proven by O22 Theorem 10"))
    #expect(try CLIRunner.run(proven + ["--format", "latex"]).stdout.contains("fails (hypothesis of Thm.~14)"))
    #expect(try CLIRunner.run(proven + ["--format", "markdown"]).stdout.contains("fails (hypothesis of Thm. 14)"))
    let json = try #require((try CLIRunner.json(proven)["results"] as? [[String: Any]])?.first)
    #expect(json["proven_by"] as? [String] == ["Theorem 10"])
}
