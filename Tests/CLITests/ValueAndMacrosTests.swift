import Foundation
import Testing

@Test func valuePrintsOneExactQuantity() throws {
    let base = ["value", "rate-exponent", "--smoothness", "1,2,4", "--gamma", "anisotropic", "--arch", "ssm"]
    #expect(try CLIRunner.run(base).stdout == "\\frac{8}{15}\n")
    #expect(try CLIRunner.run(base + ["--style", "fraction"]).stdout == "8/15\n")
    #expect(try CLIRunner.run(base + ["--style", "decimal"]).stdout == "0.5333333333\n")
    #expect(try CLIRunner.run(base + ["--template", "n^{-{value}}"]).stdout == "n^{-\\frac{8}{15}}\n")
    #expect(try CLIRunner.run(["value", "a-dagger", "--smoothness", "1,2,8", "--gamma", "anisotropic", "--style", "fraction"]).stdout == "8/13\n")
    #expect(try CLIRunner.run(["value", "samples-exponent", "--smoothness", "1,2,8", "--gamma", "anisotropic", "--arch", "transformer", "--style", "fraction"]).stdout == "29/16\n")
    for bad in [["value", "rate-exponent", "--smoothness", "1,2,4"],
                base + ["--template", "no placeholder"],
                ["value", "a-tilde", "--smoothness", "1,2,4", "--gamma", "mixed"],
                ["value", "speed", "--smoothness", "1,2,4", "--gamma", "mixed"]] {
        let output = try CLIRunner.run(bad)
        #expect(output.status == 2 && output.stdout.isEmpty, "\(bad)")
        #expect(output.stderr.split(separator: "\n").count == 1, "\(bad): \(output.stderr)")
    }
}

@Test(.tags(.external), ExternalTool.required(.program("pdflatex")))
func latexMacrosDefineEveryQuantityAndCompile() throws {
    let rates = try CLIRunner.run(["--smoothness", "1,2,4", "--arch", "all", "--format", "latex-macros"])
    #expect(rates.status == 0)
    for line in ["\\newcommand{\\RateAnisoSSM}{\\frac{8}{15}}", "\\newcommand{\\RateMixedTransformer}{\\frac{2}{3}}",
                 "\\newcommand{\\ADaggerAnisoSSM}{\\frac{4}{7}}", "\\newcommand{\\TCoefAnisoSSM}{\\frac{4}{15}}",
                 "\\newcommand{\\SamplesAnisoSSM}{\\frac{15}{8}}", "\\newcommand{\\ATildeAnisoCNN}{\\frac{7}{4}}",
                 "\\newcommand{\\RateAnisoSSMPiecewise}{\\frac{8}{15}}"] {
        #expect(rates.stdout.contains(line + "\n"), "\(line)")
    }
    #expect(rates.stdout.contains("% \\RateAnisoCNNPiecewise undefined"))
    let prefixed = try CLIRunner.run(["--smoothness", "1,2,8", "--gamma", "anisotropic", "--format", "latex-macros", "--macro-prefix", "paper"])
    #expect(prefixed.stdout.contains("\\newcommand{\\paperRateAnisoSSM}{\\frac{16}{29}}\n"))
    let samples = try CLIRunner.run(["samples", "--smoothness", "1,2,4", "--gamma", "anisotropic", "--error", "1e-3", "--format", "latex-macros"])
    #expect(samples.stdout.contains("\\newcommand{\\ErrorA}{\\frac{1}{1000}}\n"))
    #expect(samples.stdout.contains("\\newcommand{\\SampleSizeAnisoSSMA}{") && samples.stdout.contains("\\newcommand{\\SamplesAnisoSSM}{\\frac{15}{8}}"))

    let scratch = try Scratch()
    try scratch.write("rates.tex", rates.stdout)
    try scratch.write("samples.tex", samples.stdout.replacingOccurrences(of: "\\newcommand{\\", with: "\\newcommand{\\s"))
    try scratch.write("paper.tex", """
    \\documentclass{article}
    \(Rendered.preamble)
    \\input{rates.tex}
    \\input{samples.tex}
    \\begin{document}
    SSMs reach $n^{-\\RateAnisoSSM}$ with $a^\\dagger = \\ADaggerAnisoSSM$, $T(n) = \\TCoefAnisoSSM \\log_2 n$;
    $n(\\sErrorA) \\approx \\sSampleSizeAnisoSSMA$.
    \\end{document}

    """)
    let compiled = try scratch.pdflatex("paper.tex")
    #expect(compiled.status == 0, "\(compiled.stdout.suffix(800))")

    let bad = try CLIRunner.run(["--smoothness", "1,2,4", "--format", "latex-macros", "--macro-prefix", "my_prefix"])
    #expect(bad.status == 2 && bad.stdout.isEmpty && bad.stderr.contains("--macro-prefix"))
}
