import ArgumentParser
import Bounds
import Foundation
import Notes
import Numeric
import ProcessIO

extension NoteSyntax: ExpressibleByArgument {}

/// `ratecalc notes`: refreshes the generated blocks and inline values of Markdown, Quarto
/// and LaTeX notes in place, or renders one block for the Pandoc filter (`docs/notes.md`).
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Refresh ratecalc blocks and inline values in Markdown, Quarto and LaTeX files, in place.",
        discussion: """
        Markdown/Quarto: a ```ratecalc fenced block of arguments gets its output between \
        <!-- ratecalc:begin --> and <!-- ratecalc:end --> lines after the fence; \
        <!-- ratecalc:value ARGS -->…<!-- /ratecalc:value --> holds one value. LaTeX: a line \
        % ratecalc: ARGS gets its output between % ratecalc:begin and % ratecalc:end; \
        \\ratecalc{ARGS}{…} holds one value. A block may run rate, samples, value or check with \
        options that only compute (no --plot, --csv, --out, --shard, …), each within \
        --block-time-limit seconds. Nothing outside the markers changes; a failing block \
        leaves every file unchanged and prints FILE:LINE: error: … (exit 2). --check exits 1 \
        listing stale blocks. See docs/notes.md.
        """,
        usage: "ratecalc notes FILE… [--check] [--diff] [--run-checks] [--block-time-limit SECONDS]\nratecalc notes --render-block markdown|latex|typst < BLOCK\nratecalc notes --render-value < ARGS",
        examples: "ratecalc notes note.md paper.tex\nratecalc notes --check paper.tex\necho '--smoothness 1,2,4' | ratecalc notes --render-block markdown"
    )

    @Argument(help: ArgumentHelp("Notes to refresh: \(NoteSyntax.extensions).", valueName: "FILE"))
    var files: [String] = []

    @Flag(help: "Change nothing; list stale blocks as FILE:LINE and exit 1 if there are any.")
    var check = false

    @Flag(help: "Change nothing; print what would change as a unified diff.")
    var diff = false

    @Flag(name: .customLong("run-checks"), help: "Also run `check` blocks (long: they train networks); otherwise their old output is kept. Also set by \(NoteBudget.runChecksVariable)=1.")
    var runChecks = false

    @Option(name: .customLong("block-time-limit"), parsing: .unconditional, help: ArgumentHelp("Seconds one block or inline value may run before it is stopped and fails (default \(NoteBudget.defaultBlockTimeLimit), or \(NoteBudget.timeLimitVariable)).", valueName: "SECONDS"))
    var blockTimeLimit: Int?

    @Option(name: .customLong("render-block"), help: ArgumentHelp("Read one block's text on stdin and print its output in this format (markdown, latex or typst): what the Pandoc filter runs.", valueName: "FORMAT"))
    var renderBlock: NoteSyntax?

    @Flag(name: .customLong("render-value"), help: "Read an inline value's arguments on stdin and print its one line: what the Pandoc filter runs.")
    var renderValue = false

    func validate() throws {
        if renderBlock != nil || renderValue {
            let other = renderBlock != nil && renderValue ? "--render-value" : check ? "--check" : diff ? "--diff" : files.first.map { "FILE '\($0)'" }
            if let other {
                throw ValidationError("\(renderBlock != nil ? "--render-block" : "--render-value") reads one block on stdin and takes no \(other)")
            }
        }
    }

    func run() throws {
        let budget = try NoteBudget(runChecks: runChecks, blockTimeLimit: blockTimeLimit, environment: ProcessInfo.processInfo.environment)
        if renderBlock != nil || renderValue {
            let text = try NoteRender.readText()
            let runner = SubprocessNoteRunner(noteDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), timeLimit: budget.blockTimeLimit)
            let output = try renderBlock.map { try NoteRender.block(text, syntax: $0, budget: budget, run: runner.run) }
                ?? NoteRender.value(text, run: runner.run)
            return try StandardOutput.write(output)
        }
        let refresh: NotesRefresh
        do {
            refresh = try NotesRefresh(paths: files, budget: budget)
        } catch let failure as NotesRefresh.Failure {
            FileHandle.standardError.write(Data((SafeText.line(failure.description) + "\n").utf8))
            throw ExitCode(2)
        }
        refresh.notRefreshedNotes.forEach { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
        if diff { try StandardOutput.write(refresh.diff) }
        if check {
            try StandardOutput.write(refresh.staleLines.map { $0 + "\n" }.joined())
            if !refresh.staleLines.isEmpty { throw ExitCode(1) }
            return
        }
        if diff { return }
        try refresh.write { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
    }
}
