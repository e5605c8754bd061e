import Foundation
import Testing

/// The Pandoc Lua filter (and the Quarto extension, which ships the same file) with the
/// real `pandoc` — Debian's and pandoc 3 — to HTML with MathJax math, and to a PDF through pdflatex.
@Suite(.tags(.external)) struct PandocFilterTests {
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

    /// Debian's pandoc (2.x) and pandoc 3 from pypandoc-binary.
    enum Pandoc: String, CaseIterable, CustomStringConvertible {
        case debian, pandoc3
        var description: String { rawValue }
        func path() throws -> URL { self == .debian ? try ExternalTool.path("pandoc") : try ExternalTool.pandoc3Path() }
    }

    let scratch: Scratch
    init() throws {
        scratch = try Scratch()
        try scratch.write("note.md", PandocFilterTests.note)
    }

    /// Runs `pandoc` in the scratch directory with the built ratecalc first on PATH (and
    /// `environment` added).
    func run(_ pandoc: Pandoc, _ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Output {
        let binDirectory = CLIRunner.binary.deletingLastPathComponent().path
        let path = binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try ExternalTool.run(try pandoc.path(), arguments, in: scratch.url, environment: environment.merging(["PATH": path]) { $1 })
    }

    @Test(.tags(.external), ExternalTool.required(.program("pandoc"), .pandoc3), arguments: Pandoc.allCases)
    func rendersHTMLWithMath(_ pandoc: Pandoc) throws {
        let output = try run(pandoc, ["--lua-filter", PandocFilterTests.filter.path, "--mathjax", "--wrap=none", "-t", "html", "note.md"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains(#"<span class="math inline">\(n^{-\frac{8}{15}}\)</span> by ratecalc"#))
        let table = output.stdout.components(separatedBy: "by ratecalc.").last ?? ""
        #expect(Rendered.mentions(table, 8, 15))
        #expect(output.stdout.components(separatedBy: "<table").count == 2, "one table: the block's, not the stale one")
        #expect(!output.stdout.contains("stale output"))
        #expect(!output.stdout.contains("--smoothness 1,2,4 --gamma anisotropic --arch ssm\n"), "the block is replaced")
    }

    /// The filter's output for the documented example is what running the commands directly
    /// gives: a reference filter with the arguments written out (`ratecalc ARGS --format
    /// markdown|latex`, `ratecalc value ARGS`) renders the same document byte for byte.
    @Test(.tags(.external), ExternalTool.required(.program("pandoc"), .pandoc3), arguments: Pandoc.allCases)
    func theOutputIsWhatTheCommandsPrint(_ pandoc: Pandoc) throws {
        try scratch.write("reference.lua", """
        local ratecalc = os.getenv("RATECALC")
        local latex = FORMAT:match("latex") ~= nil
        function CodeBlock(block)
          if not block.classes:includes("ratecalc") then return nil end
          local output = pandoc.pipe(ratecalc, { "--smoothness", "1,2,4", "--gamma", "anisotropic", "--arch", "ssm", "--format", latex and "latex" or "markdown" }, "")
          if latex then return pandoc.RawBlock("latex", output) end
          return pandoc.read(output, "markdown").blocks
        end
        function Code(code)
          if not code.classes:includes("ratecalc") then return nil end
          local output = pandoc.pipe(ratecalc, { "value", "rate-exponent", "--smoothness", "1,2,4", "--gamma", "anisotropic", "--arch", "ssm", "--template", "n^{-{value}}" }, "")
          return pandoc.Math("InlineMath", (output:gsub("%s+$", "")))
        end
        """)
        let fresh = PandocFilterTests.note.replacingOccurrences(of: "<!-- ratecalc:begin -->\n\nstale output that `ratecalc notes` wrote earlier\n\n<!-- ratecalc:end -->\n", with: "")
        #expect(fresh != PandocFilterTests.note)
        try scratch.write("fresh.md", fresh)
        for format in ["html", "latex"] {
            let common = ["--mathjax", "--wrap=none", "-s", "-t", format]
            let filtered = try run(pandoc, ["--lua-filter", PandocFilterTests.filter.path] + common + ["note.md"])
            let reference = try run(pandoc, ["--lua-filter", "reference.lua"] + common + ["fresh.md"], environment: ["RATECALC": CLIRunner.binary.path])
            #expect(filtered.status == 0 && reference.status == 0, "\(filtered.stderr) \(reference.stderr)")
            #expect(filtered.stdout == reference.stdout, "\(pandoc) \(format)")
            #expect(Rendered.mentions(filtered.stdout, 8, 15))
        }
    }

    @Test(.tags(.external, .slow), ExternalTool.required(.program("pandoc"), .program("pdflatex")))
    func rendersPDFThroughLaTeX() throws {
        let latex = try run(.debian, ["--lua-filter", PandocFilterTests.filter.path, "-t", "latex", "note.md"])
        #expect(latex.status == 0, "\(latex.stderr)")
        #expect(latex.stdout.contains("\\(n^{-\\frac{8}{15}}\\)"))
        #expect(Rendered.mentions(latex.stdout.components(separatedBy: "by ratecalc.").last ?? "", 8, 15))
        let pdf = try run(.debian, ["--lua-filter", PandocFilterTests.filter.path, "note.md", "-o", "note.pdf"])
        #expect(pdf.status == 0, "\(pdf.stderr)")
        let data = try Data(contentsOf: scratch.url.appendingPathComponent("note.pdf"))
        #expect(data.starts(with: Data("%PDF".utf8)) && data.count > 10_000)
    }

    /// One Lua file: the Quarto extension's copy is generated by scripts/sync-quarto-filter.sh
    /// (whose --check is what this runs), and the filter splits no words itself.
    @Test func theQuartoExtensionIsTheGeneratedCopyOfTheFilter() throws {
        #expect(try Data(contentsOf: PandocFilterTests.quartoFilter) == Data(contentsOf: PandocFilterTests.filter))
        let check = try ExternalTool.run(URL(fileURLWithPath: "/bin/sh"), [PandocFilterTests.repository.appendingPathComponent("scripts/sync-quarto-filter.sh").path, "--check"])
        #expect(check.status == 0, "\(check.stderr)")
        let lua = try String(contentsOf: PandocFilterTests.filter, encoding: .utf8)
        #expect(!lua.lowercased().contains("split") && !lua.contains("\"rate\"") && !lua.contains("\"value\""), "no word splitting or subcommand choice in Lua")
    }

    @Test(.tags(.external), ExternalTool.required(.program("pandoc"), .pandoc3), arguments: Pandoc.allCases)
    func theQuartoExtensionRunsWithTheBinaryFromTheEnvironment(_ pandoc: Pandoc) throws {
        let output = try ExternalTool.run(try pandoc.path(), ["--lua-filter", PandocFilterTests.quartoFilter.path, "--mathjax", "--wrap=none", "-t", "html", "note.md"],
                                          in: scratch.url, environment: ["RATECALC": CLIRunner.binary.path, "PATH": "/usr/bin:/bin"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains(#"\(n^{-\frac{8}{15}}\)"#))
    }

    /// Raw LaTeX that uses booktabs rules or `\resizebox` gets those packages in the header,
    /// since Pandoc's template loads them only for its own tables and images.
    @Test(.tags(.external, .slow), ExternalTool.required(.program("pandoc"), .program("pdflatex")))
    func packagesTheLaTeXOutputNeedsAreAdded() throws {
        try scratch.write("fake-ratecalc", "#!/bin/sh\nprintf '%s\\n' '\\begin{tabular}{l}\\toprule a\\\\ \\bottomrule\\end{tabular} \\resizebox{1cm}{!}{x}'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path("fake-ratecalc"))
        try scratch.write("table.md", "---\nheader-includes: \\usepackage{url}\n---\n```ratecalc\n--smoothness 1\n```\n")
        let arguments = ["--lua-filter", PandocFilterTests.filter.path, "table.md"]
        let fake = ["RATECALC": scratch.path("fake-ratecalc")]
        let latex = try run(.debian, arguments + ["-s", "-t", "latex"], environment: fake)
        #expect(latex.status == 0, "\(latex.stderr)")
        #expect(latex.stdout.contains("\\usepackage{booktabs,graphicx}") && latex.stdout.contains("\\usepackage{url}"))
        #expect(latex.stdout.contains("\\toprule a"))
        let pdf = try run(.debian, arguments + ["-o", "table.pdf"], environment: fake)
        #expect(pdf.status == 0, "\(pdf.stderr)")
    }

    /// A failing block stops the rendering with ratecalc's one line and exit 2, and no output file.
    @Test(.tags(.external), ExternalTool.required(.program("pandoc"), .pandoc3), arguments: Pandoc.allCases)
    func aFailingBlockStopsTheRendering(_ pandoc: Pandoc) throws {
        try scratch.write("bad.md", "```ratecalc\n--smoothness 1,,2\n```\n")
        let output = try run(pandoc, ["--lua-filter", PandocFilterTests.filter.path, "-t", "html", "bad.md", "-o", "bad.html"])
        #expect(output.status == 2)
        #expect(output.stderr == "ratecalc: ratecalc block: smoothness entry 2 is empty: expected a positive number such as 2, 3/2, 0.5 or 1e-3\n", "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("bad.html")))
        let missing = try run(pandoc, ["--lua-filter", PandocFilterTests.filter.path, "-t", "html", "bad.md"], environment: ["RATECALC": scratch.path("none")])
        #expect(missing.status == 2 && missing.stdout.isEmpty)
        #expect(missing.stderr.hasPrefix("ratecalc filter: cannot run ") && missing.stderr.split(separator: "\n").count == 1, "\(missing.stderr)")
    }

    /// The issue's note: through the filter, the check that names a CSV file writes nothing
    /// and stops with one line naming the option, even with check blocks allowed.
    @Test(.tags(.external), ExternalTool.required(.program("pandoc"), .pandoc3), arguments: Pandoc.allCases)
    func aBlockThatWouldWriteAFileIsRefused(_ pandoc: Pandoc) throws {
        try scratch.write("pwned.md", HostileNotesTests.csvNote.replacingOccurrences(of: "PWNED/", with: scratch.path("pwned-")))
        let output = try run(pandoc, ["--lua-filter", PandocFilterTests.filter.path, "-t", "html", "pwned.md", "-o", "pwned.html"],
                             environment: ["RATECALC_RUN_CHECKS": "1"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("ratecalc: ratecalc block: --csv cannot be used in a note") && output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["note.md", "pwned.md"])
    }

    /// Check blocks run only when the user sets RATECALC_RUN_CHECKS=1; a document cannot
    /// choose the binary (metadata `ratecalc-path` is not read).
    @Test(.tags(.external, .slow), ExternalTool.required(.program("pandoc")))
    func checkBlocksNeedTheUsersOptInAndTheDocumentCannotChooseTheBinary() throws {
        let check = "```ratecalc\ncheck --smoothness 1,2 --arch oracle --n-min 32 --n-max 64 --points 2 --seeds 1\n```\n"
        try scratch.write("check.md", check)
        let refused = try run(.debian, ["--lua-filter", PandocFilterTests.filter.path, "-t", "html", "check.md"])
        #expect(refused.status == 2 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("runs only when the user sets RATECALC_RUN_CHECKS=1"), "\(refused.stderr)")
        let allowed = try run(.debian, ["--lua-filter", PandocFilterTests.filter.path, "-t", "html", "check.md"], environment: ["RATECALC_RUN_CHECKS": "1"])
        #expect(allowed.status == 0 && allowed.stdout.contains("oracle"), "\(allowed.stderr)")

        try scratch.write("evil", "#!/bin/sh\ntouch \"$(dirname \"$0\")/ran\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path("evil"))
        try scratch.write("meta.md", "---\nratecalc-path: ./evil\n---\n```ratecalc\n--smoothness 1,2\n```\n")
        let meta = try run(.debian, ["--lua-filter", PandocFilterTests.filter.path, "-t", "html", "meta.md"])
        #expect(meta.status == 0 && Rendered.mentions(meta.stdout, 4, 7), "\(meta.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("ran")))
    }
}
