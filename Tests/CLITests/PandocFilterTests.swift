import Foundation
import Testing

/// The Pandoc Lua filter (and the Quarto extension, which ships the same file) with the
/// real `pandoc`: to HTML with MathJax math, and to a PDF through pdflatex.
@Suite struct PandocFilterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let filter = repository.appendingPathComponent("integrations/pandoc/ratecalc.lua")
    static let quartoFilter = repository.appendingPathComponent("integrations/quarto/_extensions/ratecalc/ratecalc.lua")

    static let note = """
    ---
    title: Rates of SSMs — naïve notes
    ---

    The SSM rate is $n^{-\\frac{8}{15}}$ by hand and `rate-exponent --smoothness 1,2,4 --gamma anisotropic --arch ssm --template 'n^{-{value}}'`{.ratecalc} by ratecalc.

    ```ratecalc
    --smoothness 1,2,4 --gamma anisotropic --arch ssm
    ```
    <!-- ratecalc:begin -->

    stale output that `ratecalc notes` wrote earlier

    <!-- ratecalc:end -->

    End.

    """

    let scratch: Scratch
    init() throws {
        scratch = try Scratch()
        try scratch.write("note.md", PandocFilterTests.note)
    }

    func pandoc(_ arguments: [String]) throws -> CLIRunner.Output {
        let binDirectory = CLIRunner.binary.deletingLastPathComponent().path
        return try ExternalTool.run(try ExternalTool.path("pandoc"), arguments, in: scratch.url,
                                    environment: ["PATH": binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")])
    }

    @Test func rendersHTMLWithMath() throws {
        let output = try pandoc(["--lua-filter", PandocFilterTests.filter.path, "--mathjax", "--wrap=none", "-t", "html", "note.md"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains(#"<span class="math inline">\(n^{-\frac{8}{15}}\)</span> by ratecalc"#))
        let table = output.stdout.components(separatedBy: "by ratecalc.").last ?? ""
        #expect(Rendered.mentions(table, 8, 15))
        #expect(output.stdout.components(separatedBy: "<table").count == 2, "one table: the block's, not the stale one")
        #expect(!output.stdout.contains("stale output"))
        #expect(!output.stdout.contains("--smoothness 1,2,4 --gamma anisotropic --arch ssm\n"), "the block is replaced")
    }

    @Test func rendersPDFThroughLaTeX() throws {
        let latex = try pandoc(["--lua-filter", PandocFilterTests.filter.path, "-t", "latex", "note.md"])
        #expect(latex.status == 0, "\(latex.stderr)")
        #expect(latex.stdout.contains("\\(n^{-\\frac{8}{15}}\\)"))
        #expect(Rendered.mentions(latex.stdout.components(separatedBy: "by ratecalc.").last ?? "", 8, 15))
        let pdf = try pandoc(["--lua-filter", PandocFilterTests.filter.path, "note.md", "-o", "note.pdf"])
        #expect(pdf.status == 0, "\(pdf.stderr)")
        let data = try Data(contentsOf: scratch.url.appendingPathComponent("note.pdf"))
        #expect(data.starts(with: Data("%PDF".utf8)) && data.count > 10_000)
    }

    @Test func quartoExtensionIsTheSameFilterAndFindsRatecalcFromMetadata() throws {
        #expect(try Data(contentsOf: PandocFilterTests.quartoFilter) == Data(contentsOf: PandocFilterTests.filter))
        let output = try ExternalTool.run(try ExternalTool.path("pandoc"),
                                          ["--lua-filter", PandocFilterTests.quartoFilter.path, "-M", "ratecalc-path=\(CLIRunner.binary.path)",
                                           "--mathjax", "--wrap=none", "-t", "html", "note.md"], in: scratch.url)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains(#"\(n^{-\frac{8}{15}}\)"#))
    }

    /// Raw LaTeX that uses booktabs rules or `\resizebox` gets those packages in the header,
    /// since Pandoc's template loads them only for its own tables and images.
    @Test func packagesTheLaTeXOutputNeedsAreAdded() throws {
        try scratch.write("fake-ratecalc", "#!/bin/sh\nprintf '%s\\n' '\\begin{tabular}{l}\\toprule a\\\\ \\bottomrule\\end{tabular} \\resizebox{1cm}{!}{x}'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path("fake-ratecalc"))
        try scratch.write("table.md", "---\nheader-includes: \\usepackage{url}\n---\n```ratecalc\n--smoothness 1\n```\n")
        let arguments = ["--lua-filter", PandocFilterTests.filter.path, "-M", "ratecalc-path=\(scratch.path("fake-ratecalc"))", "table.md"]
        let latex = try pandoc(arguments + ["-s", "-t", "latex"])
        #expect(latex.status == 0, "\(latex.stderr)")
        #expect(latex.stdout.contains("\\usepackage{booktabs,graphicx}") && latex.stdout.contains("\\usepackage{url}"))
        #expect(latex.stdout.contains("\\toprule a"))
        let pdf = try pandoc(arguments + ["-o", "table.pdf"])
        #expect(pdf.status == 0, "\(pdf.stderr)")
    }

    @Test func aFailingBlockStopsTheRendering() throws {
        try scratch.write("bad.md", "```ratecalc\n--smoothness 1,,2\n```\n")
        let output = try pandoc(["--lua-filter", PandocFilterTests.filter.path, "-t", "html", "bad.md"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("smoothness entry 2 is empty"))
    }
}
