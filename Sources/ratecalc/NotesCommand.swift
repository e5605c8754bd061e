import ArgumentParser
import Foundation
import Notes

/// `ratecalc notes`: refreshes the generated blocks and inline values of Markdown, Quarto
/// and LaTeX notes in place (`docs/notes.md`).
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Refresh ratecalc blocks and inline values in Markdown, Quarto and LaTeX files, in place.",
        discussion: """
        Markdown/Quarto: a ```ratecalc fenced block of arguments gets its output between \
        <!-- ratecalc:begin --> and <!-- ratecalc:end --> lines after the fence; \
        <!-- ratecalc:value ARGS -->…<!-- /ratecalc:value --> holds one value. LaTeX: a line \
        % ratecalc: ARGS gets its output between % ratecalc:begin and % ratecalc:end; \
        \\ratecalc{ARGS}{…} holds one value. Nothing outside the markers changes; a failing block \
        leaves every file unchanged and prints FILE:LINE: error: … (exit 2). --check exits 1 \
        listing stale blocks. See docs/notes.md.
        """,
        usage: "ratecalc notes FILE… [--check] [--diff] [--run-checks]",
        examples: "ratecalc notes note.md paper.tex\nratecalc notes --check paper.tex"
    )

    @Argument(help: ArgumentHelp("Notes to refresh: .md, .markdown, .qmd or .tex.", valueName: "FILE"))
    var files: [String]

    @Flag(help: "Change nothing; list stale blocks as FILE:LINE and exit 1 if there are any.")
    var check = false

    @Flag(help: "Change nothing; print what would change as a unified diff.")
    var diff = false

    @Flag(name: .customLong("run-checks"), help: "Also run `check` blocks (long: they train networks); otherwise their old output is kept.")
    var runChecks = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("notes: expected at least one FILE (.md, .markdown, .qmd or .tex)") }
        if let other = files.first(where: { NoteSyntax(path: $0) == nil }) {
            throw ValidationError("notes: '\(other)' is not a note: expected a .md, .markdown, .qmd or .tex file")
        }
    }

    func run() throws {
        // Every file is computed before any is written: one failing block changes nothing.
        var refreshed: [(path: String, outcome: NotesOutcome, original: String)] = []
        for path in files {
            let text = try NoteFile.read(path)
            let runner = SubprocessNoteRunner(noteDirectory: URL(fileURLWithPath: path).deletingLastPathComponent())
            do {
                let outcome = try NotesProcessor.process(text, syntax: NoteSyntax(path: path)!, runChecks: runChecks, run: runner.run)
                refreshed.append((path, outcome, text))
            } catch let error as NotesError {
                FileHandle.standardError.write(Data("\(path):\(error.line): error: \(error.message)\n".utf8))
                throw ExitCode(2)
            }
        }
        for (path, outcome, _) in refreshed {
            for line in outcome.notRefreshed {
                FileHandle.standardError.write(Data("\(path):\(line): note: check block not refreshed (run with --run-checks)\n".utf8))
            }
        }
        if diff {
            print(refreshed.map { UnifiedDiff.render(path: $0.path, edits: $0.outcome.edits) }.joined(), terminator: "")
        }
        if check {
            let stale = refreshed.flatMap { file in file.outcome.stale.map { "\(file.path):\($0): stale" } }
            stale.forEach { print($0) }
            if !stale.isEmpty { throw ExitCode(1) }
            return
        }
        if diff { return }
        let changed = refreshed.filter { $0.outcome.text != $0.original }
        try changed.forEach { try NoteFile.checkWritable($0.path) }
        for (path, outcome, _) in changed {
            try NoteFile.write(outcome.text, to: path)
            FileHandle.standardError.write(Data("\(path): refreshed \(outcome.stale.count) stale block\(outcome.stale.count == 1 ? "" : "s") or value\(outcome.stale.count == 1 ? "" : "s")\n".utf8))
        }
    }
}
