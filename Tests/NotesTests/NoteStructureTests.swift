import Foundation
import Testing
@testable import Notes

/// A note's structure cannot be changed by its outputs, every block is checked before any
/// runs, and markers without their partner are errors at their line.
@Suite struct NoteStructureTests {
    /// Refreshes `text` with a runner that prints `output` for every command and records the calls.
    func refresh(_ text: String, _ syntax: NoteSyntax = .markdown, output: String = "out\n") throws -> (NotesOutcome, [[String]]) {
        var calls: [[String]] = []
        let outcome = try NotesProcessor.process(text, syntax: syntax) { arguments in
            calls.append(arguments)
            return output
        }
        return (outcome, calls)
    }

    /// The error refreshing `text` gives (nil when it refreshes).
    func error(_ text: String, _ syntax: NoteSyntax = .markdown, output: String = "out\n") -> NotesError? {
        notesError { _ = try refresh(text, syntax, output: output) }
    }

    @Test func everyBlockIsCheckedBeforeAnyRuns() {
        var calls = 0
        let text = "```ratecalc\n--smoothness 1\n```\n\n```ratecalc\ncheck --smoothness 1 --csv x.csv\n```\n"
        #expect(throws: NotesError.self) {
            _ = try NotesProcessor.process(text, syntax: .markdown, runChecks: true) { _ in calls += 1; return "x\n" }
        }
        #expect(calls == 0)
    }

    @Test func aNoteHoldsAtMostTheBudgetOfBlocks() throws {
        let one = "```ratecalc\n--smoothness 1\n```\n"
        let many = String(repeating: one, count: NoteBudget.maximumCommands + 1)
        let refused = try #require(error(many))
        #expect(refused.line == 3 * NoteBudget.maximumCommands + 1 && refused.message.contains("more than \(NoteBudget.maximumCommands)"))
        let (outcome, calls) = try refresh(String(repeating: one, count: 3))
        #expect(calls.count == 3 && outcome.stale == [1, 4, 7])
    }

    @Test("markers without their partner are errors at their line", arguments: [
        ("intro\n<!-- ratecalc:end -->\n", NoteSyntax.markdown, 2, "without a ratecalc block"),
        ("```ratecalc\n--smoothness 1\n```\n\n<!-- ratecalc:begin -->\nx\n<!-- ratecalc:end -->\n", .markdown, 5, "without a ratecalc block"),
        ("a <!-- ratecalc:value rate-exponent --smoothness 1\n", .markdown, 1, "without a closing -->"),
        ("% ratecalc:end\n", .latex, 1, "without a ratecalc block"),
        ("````ratecalc\n```ratecalc\n--smoothness 1\n```\n````\n", .markdown, 1, "shell syntax"),
    ])
    func unmatchedMarkers(text: String, syntax: NoteSyntax, line: Int, message: String) throws {
        let refused = try #require(error(text, syntax))
        #expect(refused.line == line && refused.message.contains(message), "\(refused)")
    }

    @Test func syntaxInsideOtherFencesIsText() throws {
        let text = "````markdown\n<!-- ratecalc:end -->\n```ratecalc\n--smoothness 1 --csv x\n```\n````\n"
        let (outcome, calls) = try refresh(text)
        #expect(outcome.text == text && calls.isEmpty)
    }

    @Test("an output that holds note syntax is refused: a note cannot be its own output", arguments: [
        ("v <!-- ratecalc:value a-dagger --smoothness 1 -->\n", NoteSyntax.markdown, "x<!-- ratecalc:value a-dagger --smoothness 2 -->\n"),
        ("v <!-- ratecalc:value a-dagger --smoothness 1 -->\n", .markdown, "<!-- /ratecalc:value -->\n"),
        ("```ratecalc\n--smoothness 1\n```\n", .markdown, "a\n<!-- ratecalc:end -->\nb\n"),
        ("% ratecalc: --smoothness 1\n", .latex, "% ratecalc:end\n\\ratecalc{a-dagger --smoothness 2}\n"),
        ("$\\ratecalc{a-dagger --smoothness 1}$\n", .latex, "}\\ratecalc{a-dagger --smoothness 2}{\n"),
        ("$\\ratecalc{a-dagger --smoothness 1}$ and \\ratecalc{a-dagger --smoothness 3}\n", .latex, "x % y\n"),
        ("$\\ratecalc{a-dagger --smoothness 1}$\n", .latex, "}{\n"),
    ])
    func outputsCannotChangeTheStructure(text: String, syntax: NoteSyntax, output: String) throws {
        let refused = try #require(error(text, syntax, output: output), "\(output.debugDescription)")
        #expect(refused.line == 1, "\(refused)")
        #expect(refused.message.contains("nothing was written"))
    }

    @Test func renderingOneBlockUsesTheSameRules() throws {
        var calls: [[String]] = []
        let run: NoteRunner = { calls.append($0); return "out\n" }
        #expect(try NoteRender.block("# comment\nratecalc --smoothness 1,2\n  --arch all\n", syntax: .latex, budget: NoteBudget(), run: run) == "out\n")
        #expect(calls == [["rate", "--smoothness", "1,2", "--arch", "all", "--format", "latex"]])
        #expect(try NoteRender.value("rate-exponent --smoothness 1\n", run: run) == "out\n")
        for text in ["check --smoothness 1", "--smoothness 1 --csv x", "--smoothness 1; id", "notes a.md", ""] {
            #expect(throws: NoteRender.Failure.self, "\(text)") { try NoteRender.block(text, syntax: .markdown, budget: NoteBudget(), run: run) }
        }
        #expect(calls.count == 2)
        #expect(try NoteRender.block("check --smoothness 1", syntax: .markdown, budget: NoteBudget(runChecks: true), run: run) == "out\n")
        #expect(throws: NoteRender.Failure.self) { try NoteRender.value("a-dagger --smoothness 1", run: { _ in "two\nlines\n" }) }
    }
}
