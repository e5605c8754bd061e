import Foundation
import Notes

/// Runs programs for the tests: the built `ratecalc` and the real `pandoc` and `pdflatex`
/// (which `scripts/install-system-deps.sh` installs; a missing tool is a failure, not a skip).
enum ExternalTool {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The executable `name` on PATH.
    static func path(_ name: String) throws -> URL {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(description: "\(name) is not installed: run ./scripts/install-system-deps.sh")
    }

    /// Runs `executable` with `arguments` (in `directory`, with `environment` added to the
    /// current one) and captures its output and exit status.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> CLIRunner.Output {
        let result = try ProcessCapture.run(executable, arguments, in: directory, environment: environment)
        return CLIRunner.Output(status: result.status,
                                stdout: String(decoding: result.stdout, as: UTF8.self),
                                stderr: String(decoding: result.stderr, as: UTF8.self))
    }
}

/// A temporary directory for one test, removed when the test ends.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ratecalc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
    }

    /// `pdflatex` on `name` here; returns its output (status 0 when it compiled).
    func pdflatex(_ name: String) throws -> CLIRunner.Output {
        try ExternalTool.run(try ExternalTool.path("pdflatex"), ["-interaction=nonstopmode", "-halt-on-error", name], in: url)
    }
}

/// Layout-independent looks at rendered output: the renderers' tables and displays may
/// change, the exact values in them may not.
enum Rendered {
    /// Whether `text` shows the fraction p/q, as `\frac{p}{q}` or `p/q`.
    static func mentions(_ text: String, _ p: Int, _ q: Int) -> Bool {
        text.contains("\\frac{\(p)}{\(q)}") || text.contains("\(p)/\(q)")
    }

    /// The text between the first `begin` line and the next `end` line ("" when absent).
    static func region(_ text: String, _ begin: String, _ end: String) -> String {
        guard let start = text.range(of: begin + "\n"),
              let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else { return "" }
        return String(text[start.upperBound..<stop.lowerBound])
    }

    /// The generated output of the first block of a Markdown note.
    static func markdownBlock(_ text: String) -> String { region(text, "<!-- ratecalc:begin -->", "<!-- ratecalc:end -->") }

    /// The generated output of the first block of a LaTeX note.
    static func latexBlock(_ text: String) -> String { region(text, "% ratecalc:begin", "% ratecalc:end") }

    /// A preamble with every package ratecalc's LaTeX output may need.
    static let preamble = "\\usepackage{amsmath,amssymb,booktabs,graphicx}"
}
