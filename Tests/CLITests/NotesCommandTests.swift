import Foundation
import Testing

/// `ratecalc notes` end to end with the built binary (the acceptance scenarios).
/// Assertions are on exact values and markers, not on the tables' layout.
@Suite struct NotesCommandTests {
    let scratch: Scratch
    init() throws { scratch = try Scratch() }

    func notes(_ arguments: [String]) throws -> CLIRunner.Output {
        try ExternalTool.run(CLIRunner.binary, ["notes"] + arguments, in: scratch.url)
    }

    @Test func markdownNoteRoundTrip() throws {
        try scratch.write("note.md", """
        # SSM rates — γ-smooth

        ```ratecalc
        --smoothness 1,2,4 --gamma anisotropic --arch ssm
        ```

        The rate is <!-- ratecalc:value rate-exponent --smoothness 1,2,4 --gamma anisotropic --arch ssm --style fraction --template 'n^(-{value})' -->.

        """)
        let first = try notes(["note.md"])
        #expect(first.status == 0 && first.stdout.isEmpty, "\(first.stderr)")
        let written = try scratch.read("note.md")
        #expect(written.contains("```\n<!-- ratecalc:begin -->\n"))
        #expect(written.contains("<!-- ratecalc:end -->\n"))
        #expect(Rendered.mentions(Rendered.markdownBlock(written), 8, 15))
        #expect(written.contains("-->n^(-8/15)<!-- /ratecalc:value -->."))

        let second = try notes(["note.md"])
        #expect(second.status == 0)
        #expect(try scratch.read("note.md") == written)
        let fresh = try notes(["--check", "note.md"])
        #expect(fresh.status == 0 && fresh.stdout.isEmpty)

        let edited = written.replacingOccurrences(of: "```ratecalc\n--smoothness 1,2,4", with: "```ratecalc\n--smoothness 1,2,8")
        try scratch.write("note.md", edited)
        let stale = try notes(["--check", "note.md"])
        #expect(stale.status == 1)
        #expect(stale.stdout == "note.md:3: stale\n")
        #expect(try scratch.read("note.md") == edited)

        let diff = try notes(["--diff", "note.md"])
        #expect(diff.status == 0 && diff.stdout.hasPrefix("--- a/note.md\n+++ b/note.md\n@@ -"))
        #expect(Rendered.mentions(diff.stdout, 16, 29))
        #expect(try scratch.read("note.md") == edited)

        let rerun = try notes(["note.md"])
        #expect(rerun.status == 0)
        let refreshed = try scratch.read("note.md")
        #expect(Rendered.mentions(Rendered.markdownBlock(refreshed), 16, 29) && !Rendered.mentions(Rendered.markdownBlock(refreshed), 8, 15))
        #expect(refreshed.contains("n^(-8/15)"), "the inline value still asks for 1,2,4")
    }

    @Test(.tags(.external), ExternalTool.required(.program("pdflatex")))
    func latexNoteRoundTripCompiles() throws {
        try scratch.write("paper.tex", """
        \\documentclass{article}
        \(Rendered.preamble)
        \\newcommand{\\ratecalc}[2]{#2}
        \\begin{document}
        % ratecalc: --smoothness 1,2,4 --gamma anisotropic --arch ssm
        The SSM rate is $n^{-\\ratecalc{rate-exponent --smoothness 1,2,4 --gamma anisotropic --arch ssm}}$ (naïve $\\gamma$-smooth).
        \\begin{thebibliography}{1}\\bibitem{nishikawa2024state} NS24.\\end{thebibliography}
        \\end{document}

        """)
        #expect(try notes(["paper.tex"]).status == 0)
        let written = try scratch.read("paper.tex")
        #expect(written.contains("% ratecalc: --smoothness 1,2,4 --gamma anisotropic --arch ssm\n% ratecalc:begin\n"))
        #expect(Rendered.mentions(Rendered.latexBlock(written), 8, 15) && written.contains("% ratecalc:end\n"))
        #expect(written.contains("\\ratecalc{rate-exponent --smoothness 1,2,4 --gamma anisotropic --arch ssm}{\\frac{8}{15}}"))
        #expect(try notes(["paper.tex"]).status == 0)
        #expect(try scratch.read("paper.tex") == written)
        #expect(try notes(["--check", "paper.tex"]).status == 0)
        let compiled = try scratch.pdflatex("paper.tex")
        #expect(compiled.status == 0, "\(compiled.stdout.suffix(800))")

        let edited = written.replacingOccurrences(of: "% ratecalc: --smoothness 1,2,4", with: "% ratecalc: --smoothness 1,2,8")
        try scratch.write("paper.tex", edited)
        let stale = try notes(["--check", "paper.tex"])
        #expect(stale.status == 1 && stale.stdout == "paper.tex:5: stale\n")
        #expect(try scratch.read("paper.tex") == edited)
        #expect(try notes(["paper.tex"]).status == 0)
        #expect(Rendered.mentions(Rendered.latexBlock(try scratch.read("paper.tex")), 16, 29))
        #expect(try scratch.pdflatex("paper.tex").status == 0)
    }

    @Test func aFailingBlockLeavesEveryFileUnchanged() throws {
        let good = "```ratecalc\n--smoothness 1,2,4 --gamma anisotropic\n```\n"
        let bad = "intro\n\n```ratecalc\n--smoothness 1,,2\n```\n"
        try scratch.write("good.md", good)
        try scratch.write("bad.md", bad)
        let output = try notes(["good.md", "bad.md"])
        #expect(output.status == 2 && output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("bad.md:3: error: smoothness entry 2 is empty"))
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(try scratch.read("good.md") == good && scratch.read("bad.md") == bad)
    }

    @Test func crlfAndPermissionsAreKept() throws {
        try scratch.write("win.md", "Intro ✓\r\n```ratecalc\r\n--smoothness 1,2,4 --gamma anisotropic --arch ssm\r\n```\r\nEnd\r\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: scratch.path("win.md"))
        #expect(try notes(["win.md"]).status == 0)
        let written = try scratch.read("win.md")
        #expect(Rendered.mentions(written, 8, 15))
        #expect(!written.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        let permissions = try FileManager.default.attributesOfItem(atPath: scratch.path("win.md"))[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o640)
        #expect(try notes(["--check", "win.md"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }

    @Test func readOnlyNotesAreNotWritten() throws {
        let text = "```ratecalc\n--smoothness 1,2\n```\n"
        try scratch.write("ro.md", text)
        try scratch.write("rw.md", text)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: scratch.path("ro.md"))
        let output = try notes(["rw.md", "ro.md"])
        #expect(output.status == 2 && output.stderr == "ratecalc: ro.md: the file is read-only; nothing was written\n")
        #expect(try scratch.read("ro.md") == text && scratch.read("rw.md") == text)
    }

    @Test func usageErrors() throws {
        try scratch.write("notes.txt", "x")
        for arguments in [["notes.txt"], [], ["missing.md"]] {
            let output = try notes(arguments)
            #expect(output.status == 2 && output.stdout.isEmpty, "\(arguments)")
            #expect(output.stderr.split(separator: "\n").count == 1, "\(arguments): \(output.stderr)")
        }
    }

    @Test func checkBlocksAreNotRunWithoutRunChecks() throws {
        let text = "```ratecalc\ncheck --smoothness 1,2,4\n```\n"
        try scratch.write("check.md", text)
        let output = try notes(["check.md"])
        #expect(output.status == 0)
        #expect(output.stderr.contains("check.md:1: note: check block not refreshed"))
        #expect(try scratch.read("check.md") == text)
    }

    /// What the Pandoc filter runs: one block's text on stdin, its output on stdout, exactly
    /// what the same command prints.
    @Test func renderBlockAndValuePrintWhatTheCommandPrints() throws {
        let direct = try CLIRunner.run(["--smoothness", "1,2,4", "--gamma", "anisotropic", "--arch", "ssm", "--format", "latex"])
        let block = try ExternalTool.run(CLIRunner.binary, ["notes", "--render-block", "latex"], in: scratch.url,
                                         input: "# the SSM rate\nratecalc --smoothness 1,2,4\n  --gamma anisotropic --arch ssm\n")
        #expect(block.status == 0 && block.stderr.isEmpty, "\(block.stderr)")
        #expect(block.stdout == direct.stdout && Rendered.mentions(block.stdout, 8, 15))
        let value = try ExternalTool.run(CLIRunner.binary, ["notes", "--render-value"], in: scratch.url,
                                         input: "rate-exponent --smoothness 1,2,4 --gamma anisotropic --arch ssm --style fraction")
        #expect(value.status == 0 && value.stdout == "8/15\n", "\(value.stderr)")
    }

    @Test("bad notes settings are one line", arguments: [
        (["--render-block", "markdown", "note.md"], [String: String](), "takes no FILE"),
        (["--render-block", "markdown", "--render-value"], [:], "takes no --render-value"),
        (["--render-value", "--check"], [:], "takes no --check"),
        (["--render-block", "html"], [:], "html"),
        (["--block-time-limit", "0", "note.md"], [:], "--block-time-limit 0"),
        (["note.md"], ["RATECALC_RUN_CHECKS": "yes"], "RATECALC_RUN_CHECKS"),
        (["note.md"], ["RATECALC_BLOCK_TIME_LIMIT": "soon"], "RATECALC_BLOCK_TIME_LIMIT"),
    ])
    func badSettings(arguments: [String], environment: [String: String], phrase: String) throws {
        let text = "```ratecalc\n--smoothness 1,2\n```\n"
        try scratch.write("note.md", text)
        let output = try ExternalTool.run(CLIRunner.binary, ["notes"] + arguments, in: scratch.url, environment: environment, input: "--smoothness 1")
        Contract.expectOneCleanLine(output)
        #expect(output.stderr.contains(phrase), "\(output.stderr)")
        #expect(try scratch.read("note.md") == text)
    }
}
