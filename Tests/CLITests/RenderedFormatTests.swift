import Foundation
import Testing

/// Golden files for the worked example (issue #5 item 6). Regenerate deliberately with
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

/// Structural check of the LaTeX (always) and a real compile with pdflatex when it is
/// installed (Debian: texlive-latex-base).
@Test func latexIsWellFormedAndCompiles() throws {
    let latex = try CLIRunner.run(["--smoothness", "1,2,4", "--arch", "all", "--q", "2", "--format", "latex"]).stdout
    var depth = 0
    for character in latex where character == "{" || character == "}" {
        depth += character == "{" ? 1 : -1
        #expect(depth >= 0)
    }
    #expect(depth == 0)
    #expect(latex.components(separatedBy: "\\begin{align*}").count == latex.components(separatedBy: "\\end{align*}").count)
    #expect(latex.contains("\\frac{8}{15}") && latex.contains("\\lesssim") && latex.contains("\\tilde{O}"))
    #expect(latex.contains("\\cite{nishikawa2024state}"))

    let pdflatex = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let pdflatex else { return }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-latex-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let document = """
    \\documentclass{article}
    \\usepackage{amsmath,amssymb}
    \\begin{document}
    \(latex)
    \\begin{thebibliography}{3}
    \\bibitem{okumoto2022learnability} O22. \\bibitem{takakura2023approximation} TS23. \\bibitem{nishikawa2024state} NS24.
    \\end{thebibliography}
    \\end{document}
    """
    try document.write(to: directory.appendingPathComponent("doc.tex"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pdflatex)
    process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "pdflatex failed; see doc.log")
}
