import Foundation
import Testing

/// Compiling with pdflatex and pandoc for the compile tests (found through ``ExternalTool``).
enum TeXToolchain {
    /// Runs `executable` in `directory`; returns the exit status and the combined output.
    @discardableResult
    static func run(_ executable: URL, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let result = try ExternalTool.run(executable, arguments, in: directory)
        return (result.status, result.stdout + result.stderr)
    }

    /// A fresh temporary directory.
    static func directory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Compiles `doc.tex` in `directory` with pdflatex and returns the problems: a failed
    /// run (with the log's first error) and every `Overfull \hbox` line of the log.
    static func compileProblems(pdflatex: URL, in directory: URL) throws -> [String] {
        let (status, _) = try run(pdflatex, ["-interaction=nonstopmode", "-halt-on-error", "doc.tex"], in: directory)
        let log = (try? String(contentsOf: directory.appendingPathComponent("doc.log"), encoding: .utf8)) ?? ""
        let lines = log.components(separatedBy: "\n")
        var problems = lines.filter { $0.hasPrefix("Overfull \\hbox") || $0.hasPrefix("Overfull \\vbox") }
        if status != 0 {
            problems.append("pdflatex exit \(status): " + (lines.first { $0.hasPrefix("!") } ?? "see doc.log"))
        }
        return problems
    }

    /// A bibliography with the three citation keys, so that `\cite` resolves.
    static let bibliography = """
    \\begin{thebibliography}{3}
    \\bibitem{okumoto2022learnability} Okumoto and Suzuki, ICLR 2022.
    \\bibitem{takakura2023approximation} Takakura and Suzuki, ICML 2023.
    \\bibitem{nishikawa2024state} Nishikawa and Suzuki, arXiv 2405.19036.
    \\end{thebibliography}
    """
}
