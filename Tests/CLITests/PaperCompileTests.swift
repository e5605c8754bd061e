import Foundation
import Testing

/// Every LaTeX output of `rate` and `samples` for the worked example and a 6-entry vector
/// (plus two infinite families), compiled with pdflatex in `article` and in two-column
/// `article` (so at `\columnwidth`), with the preamble of `--latex-preamble`; any error or
/// overfull box fails. Markdown goes through `pandoc -t latex` and pdflatex.
private let vectors = ["1,2,4", "1/2,5/4,2,3/7,11,13/3"]
private let families = ["poly(c=1,q=2)", "1,2,poly(c=3,q=3)"]
/// A smoothness whose CNN bound is not proven (tie ā₁ = ā₂, weak ℓ² norm fails), for the marks.
private let unproven = ["1,1,2"]

/// The LaTeX invocations compiled for one smoothness.
private func latexInvocations(_ smoothness: String) -> [[String]] {
    let base = ["--smoothness", smoothness, "--format", "latex"]
    var invocations: [[String]] = [
        base + ["--arch", "all"], base + ["--arch", "all", "--q", "2", "--latex-style", "display"],
        base + ["--arch", "ssm"], base + ["--arch", "transformer", "--latex-style", "table"],
        base + ["--arch", "cnn", "--q", "2"], base + ["--arch", "ssm", "--class", "piecewise", "--p", "3/2"],
        ["samples"] + base + ["--arch", "all"], ["samples"] + base + ["--arch", "ssm", "--error", "1e-2,5e-4"],
    ]
    invocations.append(base + ["--arch", "cnn", "--q", "1/2", "--gamma", "mixed", "--latex-style", "table"])
    return invocations
}

private func output(_ arguments: [String]) throws -> String {
    let result = try CLIRunner.run(arguments)
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    return result.stdout
}

@Test("LaTeX outputs compile without overfull boxes", .tags(.external, .slow), ExternalTool.required(.program("pdflatex")), arguments: ["", "twocolumn"])
func latexOutputsCompile(classOption: String) throws {
    let pdflatex = try ExternalTool.path("pdflatex")
    let preamble = try output(["--latex-preamble"])
    #expect(preamble.contains("\\usepackage{booktabs}") && preamble.contains("\\usepackage{amsmath}"))
    for smoothness in vectors + families + unproven {
        let directory = try TeXToolchain.directory("latex")
        defer { try? FileManager.default.removeItem(at: directory) }
        let body = try latexInvocations(smoothness).map { arguments in
            "% " + arguments.joined(separator: " ") + "\n" + (try output(arguments)) + "\n\\clearpage\n"
        }.joined()
        let document = "\\documentclass[\(classOption)]{article}\n\(preamble)\\begin{document}\n\(body)\n\(TeXToolchain.bibliography)\n\\end{document}\n"
        try document.write(to: directory.appendingPathComponent("doc.tex"), atomically: true, encoding: .utf8)
        let problems = try TeXToolchain.compileProblems(pdflatex: pdflatex, in: directory)
        #expect(problems.isEmpty, "\(smoothness) [\(classOption)]: \(problems.joined(separator: "; "))")
    }
}

@Test(.tags(.external, .slow), ExternalTool.required(.program("pdflatex"), .program("pandoc")))
func markdownOutputsCompileThroughPandoc() throws {
    let pdflatex = try ExternalTool.path("pdflatex"), pandoc = try ExternalTool.path("pandoc")
    for smoothness in vectors + families + unproven {
        let base = ["--smoothness", smoothness, "--format", "markdown"]
        let invocations = [base + ["--arch", "all"], base + ["--arch", "cnn", "--q", "2"], base + ["--arch", "ssm"],
                           ["samples"] + base + ["--arch", "all"]]
        let markdown = try invocations.map { try output($0) }.joined(separator: "\n\n")
        for line in markdown.split(separator: "\n") {
            // Outside $…$ only ASCII, so that Pandoc's default pdflatex template compiles it.
            let outside = line.split(separator: "$", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            let ascii = outside.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "non-ASCII outside math: \(line)")
        }
        let directory = try TeXToolchain.directory("markdown")
        defer { try? FileManager.default.removeItem(at: directory) }
        try markdown.write(to: directory.appendingPathComponent("doc.md"), atomically: true, encoding: .utf8)
        let converted = try TeXToolchain.run(pandoc, ["-s", "-f", "markdown", "-t", "latex", "doc.md", "-o", "doc.tex"], in: directory)
        #expect(converted.status == 0, "pandoc: \(converted.output)")
        let problems = try TeXToolchain.compileProblems(pdflatex: pdflatex, in: directory)
        #expect(problems.isEmpty, "\(smoothness) markdown: \(problems.joined(separator: "; "))")
    }
}

/// The `check` report's LaTeX table (a tiny real sweep, with fitted exponents, efficiency and
/// verdicts) compiles in `article` and two-column `article` without an overfull box.
@Test("check LaTeX table compiles without overfull boxes", .tags(.external, .slow), ExternalTool.required(.program("pdflatex")), arguments: ["", "twocolumn"])
func checkLatexCompiles(classOption: String) throws {
    let pdflatex = try ExternalTool.path("pdflatex")
    let preamble = try output(["--latex-preamble"])
    let table = try output(CheckCommandTests.tiny + ["--arch", "ssm,oracle", "--format", "latex"])
    #expect(table.contains("\\toprule") && table.contains("$b$ (efficiency)"))
    let directory = try TeXToolchain.directory("check-latex")
    defer { try? FileManager.default.removeItem(at: directory) }
    let document = "\\documentclass[\(classOption)]{article}\n\(preamble)\\begin{document}\n\(table)\n\\end{document}\n"
    try document.write(to: directory.appendingPathComponent("doc.tex"), atomically: true, encoding: .utf8)
    let problems = try TeXToolchain.compileProblems(pdflatex: pdflatex, in: directory)
    #expect(problems.isEmpty, "check [\(classOption)]: \(problems.joined(separator: "; "))")
}

/// The `check` report's Markdown: ASCII outside math, and through `pandoc -t latex` + pdflatex
/// without errors or overfull boxes.
@Test(.tags(.external, .slow), ExternalTool.required(.program("pdflatex"), .program("pandoc")))
func checkMarkdownCompilesThroughPandoc() throws {
    let pdflatex = try ExternalTool.path("pdflatex"), pandoc = try ExternalTool.path("pandoc")
    let markdown = try output(CheckCommandTests.tiny + ["--arch", "ssm,oracle", "--format", "markdown"])
    for line in markdown.split(separator: "\n") {
        let outside = line.split(separator: "$", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
        #expect(outside.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII outside math: \(line)")
    }
    let directory = try TeXToolchain.directory("check-markdown")
    defer { try? FileManager.default.removeItem(at: directory) }
    try markdown.write(to: directory.appendingPathComponent("doc.md"), atomically: true, encoding: .utf8)
    let converted = try TeXToolchain.run(pandoc, ["-s", "-f", "markdown", "-t", "latex", "doc.md", "-o", "doc.tex"], in: directory)
    #expect(converted.status == 0, "pandoc: \(converted.output)")
    let problems = try TeXToolchain.compileProblems(pdflatex: pdflatex, in: directory)
    #expect(problems.isEmpty, "check markdown: \(problems.joined(separator: "; "))")
}
