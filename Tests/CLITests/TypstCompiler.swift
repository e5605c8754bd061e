import Foundation

/// The real Typst compiler (PyPI's typst, which scripts/install-test-tools.sh puts into
/// `.build-test-tools/typst`), run through `python3`: it compiles a document to PDF with
/// Typst's embedded fonts only (no system fonts, so every machine sets the same glyphs) and
/// reports every error and every warning, each of which fails a test.
enum TypstCompiler {
    /// Where scripts/install-test-tools.sh installs the Python package.
    static let package = ExternalTool.repository.appendingPathComponent(".build-test-tools/typst")

    /// Compiles argv[1] (in its directory, the project root) and prints one line per error or
    /// warning, exiting 1 when there is any.
    static let script = """
    import sys, typst
    try:
        pdf, warnings = typst.compile_with_warnings(sys.argv[1], format="pdf", ignore_system_fonts=True)
    except typst.TypstError as error:
        print("error: " + error.message + " " + " ".join(error.hints) + " " + error.diagnostic)
        sys.exit(1)
    for warning in warnings:
        print("warning: " + warning.message + " " + warning.diagnostic)
    if not pdf.startswith(b"%PDF"):
        print("error: no PDF")
        sys.exit(1)
    sys.exit(1 if warnings else 0)
    """

    /// The errors and warnings of compiling `file` in `directory` (empty: it compiled cleanly).
    static func problems(_ file: String, in directory: URL) throws -> [String] {
        guard ExternalTool.Requirement.typst.isAvailable else {
            throw ExternalTool.Missing(description: "typst is not installed: run ./scripts/install-test-tools.sh")
        }
        let result = try ExternalTool.run(try ExternalTool.path("python3"), ["-c", script, file], in: directory,
                                          environment: ["PYTHONPATH": package.path])
        if result.status == 0 { return [] }
        let lines = (result.stdout + result.stderr).split(separator: "\n").map(String.init)
        return lines.isEmpty ? ["python3 exited \(result.status)"] : lines
    }

    /// Compiles `body` (Typst markup) as a document of its own, with ratecalc's bibliography
    /// (`ratecalc --bibliography`) written beside it as `ratecalc.bib` when `bibliography` is given.
    static func problems(document body: String, bibliography: String?) throws -> [String] {
        let scratch = try Scratch()
        var document = body
        if let bibliography {
            try scratch.write("ratecalc.bib", bibliography)
            document += "\n#bibliography(\"ratecalc.bib\")\n"
        }
        try scratch.write("doc.typ", document)
        return try problems("doc.typ", in: scratch.url)
    }
}
