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

    @Argument(help: ArgumentHelp("Notes to refresh: \(NoteSyntax.extensions).", valueName: "FILE"))
    var files: [String]

    @Flag(help: "Change nothing; list stale blocks as FILE:LINE and exit 1 if there are any.")
    var check = false

    @Flag(help: "Change nothing; print what would change as a unified diff.")
    var diff = false

    @Flag(name: .customLong("run-checks"), help: "Also run `check` blocks (long: they train networks); otherwise their old output is kept.")
    var runChecks = false

    func run() throws {
        let refresh: NotesRefresh
        do {
            refresh = try NotesRefresh(paths: files, runChecks: runChecks)
        } catch let failure as NotesRefresh.Failure {
            FileHandle.standardError.write(Data("\(failure)\n".utf8))
            throw ExitCode(2)
        }
        refresh.notRefreshedNotes.forEach { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
        if diff { print(refresh.diff, terminator: "") }
        if check {
            refresh.staleLines.forEach { print($0) }
            if !refresh.staleLines.isEmpty { throw ExitCode(1) }
            return
        }
        if diff { return }
        try refresh.write { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
    }
}
