import Foundation
import Testing

/// Golden files for the worked example. Regenerate deliberately with
/// `RATECALC_UPDATE_GOLDEN=1 swift test --filter RenderedFormatTests` and review the diff.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ name: String, _ arguments: [String]) throws {
        let output = try CLIRunner.run(arguments)
        #expect(output.status == 0, "\(output.stderr)")
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RATECALC_UPDATE_GOLDEN"] == "1" {
            try output.stdout.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output.stdout == expected, "\(name) differs from its golden file")
    }
}

@Test func latexGolden() throws {
    try Golden.check("rate-1,2,4-all.tex", ["--smoothness", "1,2,4", "--arch", "all", "--format", "latex"])
    try Golden.check("samples-1,2,4-all.tex", ["samples", "--smoothness", "1,2,4", "--arch", "all", "--format", "latex"])
}

@Test func markdownGolden() throws {
    try Golden.check("rate-1,2,4-all.md", ["--smoothness", "1,2,4", "--arch", "all", "--format", "markdown"])
}

@Test func jsonGolden() throws {
    try Golden.check("rate-1,2,4-all.json", ["--smoothness", "1,2,4", "--arch", "all", "--format", "json"])
}

/// Structural check of the LaTeX: balanced braces and environments (the real compile is
/// in PaperCompileTests).
@Test func latexIsWellFormed() throws {
    for style in ["display", "table"] {
        let latex = try CLIRunner.run(["--smoothness", "1,2,4", "--arch", "all", "--q", "2", "--format", "latex", "--latex-style", style]).stdout
        var depth = 0
        for character in latex where character == "{" || character == "}" {
            depth += character == "{" ? 1 : -1
            #expect(depth >= 0)
        }
        #expect(depth == 0)
        for environment in ["align*", "table", "tabular"] {
            #expect(latex.components(separatedBy: "\\begin{\(environment)}").count == latex.components(separatedBy: "\\end{\(environment)}").count)
        }
        #expect(latex.contains("8/15") && latex.contains("\\cite{nishikawa2024state}"))
    }
}
