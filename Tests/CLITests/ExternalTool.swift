import Foundation
import Notes
import Testing

extension Tag {
    /// Takes more than a few seconds (training, compiling with pdflatex, many processes).
    @Tag static var slow: Self
    /// Runs a program other than ratecalc: pandoc, pdflatex, python3 with a module.
    @Tag static var external: Self
}

/// The fast set (README): `RATECALC_TESTS=fast swift test` skips every test tagged `.slow` or
/// `.external`, each of which carries ``notFast`` (or ``ExternalTool/required(_:)``), since
/// `swift test` cannot select tests by tag.
enum TestSet {
    /// Whether only the fast set runs.
    static let isFast = ProcessInfo.processInfo.environment["RATECALC_TESTS"] == "fast"

    /// The condition of a `.slow` test: skipped in the fast set.
    static let notFast: ConditionTrait = .enabled(if: !isFast, "slow: not in the fast set (RATECALC_TESTS=fast)")
}

/// The one way the tests find and run programs other than the built `ratecalc`: pandoc (Debian's
/// and pandoc 3 from PyPI's pypandoc-binary), pdflatex, the Typst compiler, python3 modules. A test that needs one
/// carries `ExternalTool.required(…)`: where a tool is missing it is a visible skip naming
/// the tool and its install script, and when `CI` is set it runs anyway, so that
/// ``path(_:)`` fails it (a CI machine without pdflatex fails the suite).
enum ExternalTool {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// Something a test needs.
    enum Requirement: CustomStringConvertible {
        /// An executable on PATH, installed by scripts/install-system-deps.sh.
        case program(String)
        /// pandoc 3.x, installed by scripts/install-test-tools.sh (``pandoc3``).
        case pandoc3
        /// A module of `python3`, with the script that installs it.
        case pythonModule(String, installer: String)
        /// The Typst compiler from PyPI's typst, installed by scripts/install-test-tools.sh (``TypstCompiler``).
        case typst

        var isAvailable: Bool {
            switch self {
            case .program(let name): return find(name) != nil
            case .pandoc3: return FileManager.default.isExecutableFile(atPath: ExternalTool.pandoc3.path)
            case .pythonModule(let name, _): return hasPythonModule(name)
            case .typst: return find("python3") != nil && FileManager.default.fileExists(atPath: TypstCompiler.package.appendingPathComponent("typst/__init__.py").path)
            }
        }

        var description: String {
            switch self {
            case .program(let name): return "\(name) (scripts/install-system-deps.sh)"
            case .pandoc3: return "pandoc 3 from pypandoc-binary (scripts/install-test-tools.sh)"
            case .pythonModule(let name, let installer): return "python3 module \(name) (\(installer))"
            case .typst: return "typst from PyPI (scripts/install-test-tools.sh)"
            }
        }
    }

    /// Whether the tests run on CI (`CI` set and not `false` or `0`): missing tools fail there.
    static let onCI: Bool = {
        let value = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !value.isEmpty && value != "false" && value != "0"
    }()

    /// The trait of a test that needs `requirements`: enabled when all are there or on CI,
    /// otherwise skipped with the reason.
    static func required(_ requirements: Requirement...) -> ConditionTrait {
        if TestSet.isFast { return .enabled(if: false, "external: not in the fast set (RATECALC_TESTS=fast)") }
        let missing = requirements.filter { !$0.isAvailable }
        let reason = "missing: " + missing.map(\.description).joined(separator: ", ")
        return .enabled(if: onCI || missing.isEmpty, Comment(rawValue: reason))
    }

    /// The trait of a test that needs an optional tool that no install script brings (a
    /// reference framework): enabled only when it is there, on CI too, else skipped with the reason.
    static func optional(_ requirement: Requirement) -> ConditionTrait {
        if TestSet.isFast { return .enabled(if: false, "external: not in the fast set (RATECALC_TESTS=fast)") }
        return .enabled(if: requirement.isAvailable, Comment(rawValue: "optional, not installed: \(requirement)"))
    }

    /// The repository (for scripts and the test tools folder).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where scripts/install-test-tools.sh puts pandoc 3.
    static let pandoc3 = repository.appendingPathComponent(".build-test-tools/python/pypandoc/files/pandoc")

    /// The executable `name` on PATH, or nil.
    static func find(_ name: String) -> URL? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The executable `name` on PATH; throws (failing the test) when it is missing.
    static func path(_ name: String) throws -> URL {
        guard let url = find(name) else { throw Missing(description: "\(name) is not installed: run ./scripts/install-system-deps.sh") }
        return url
    }

    /// pandoc 3; throws when scripts/install-test-tools.sh has not installed it.
    static func pandoc3Path() throws -> URL {
        guard Requirement.pandoc3.isAvailable else { throw Missing(description: "pandoc 3 is not installed: run ./scripts/install-test-tools.sh") }
        return pandoc3
    }

    /// Whether `python3 -c 'import name'` succeeds.
    static func hasPythonModule(_ name: String) -> Bool {
        guard let python = find("python3") else { return false }
        return (try? run(python, ["-c", "import \(name)"]))?.status == 0
    }

    /// Runs `executable` with `arguments` (in `directory`, with `environment` added to the
    /// current one, `input` on stdin) and captures its output and exit status.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:], input: String = "") throws -> CLIRunner.Output {
        let result = try ProcessCapture.run(executable, arguments, in: directory, environment: environment, input: Data(input.utf8))
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
