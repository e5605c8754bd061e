import Testing
@testable import Notes

/// `.typ` notes: `// ratecalc: ARGS` blocks and `/* ratecalc:value … */` inline values, with the
/// contract of the Markdown and LaTeX notes (in place, idempotent, same allow-list and limits).
@Suite struct TypstNotesTests {
    /// Prints its arguments, so every output is predictable and changes when a block is edited.
    private static func echo(_ arguments: [String]) throws -> String {
        if arguments.first == "value" { return "v(" + arguments.dropFirst().joined(separator: " ") + ")\n" }
        return "out: " + arguments.joined(separator: " ") + "\nsecond line\n"
    }

    private func refresh(_ text: String) throws -> NotesOutcome {
        try NotesProcessor.process(text, syntax: .typst, run: Self.echo)
    }

    @Test func syntaxByExtension() {
        #expect(NoteSyntax(path: "paper.typ") == .typst && NoteSyntax(path: "dir/Paper.TYP") == .typst)
        #expect(NoteSyntax.typst.blockFormat == "typst")
    }

    @Test func blocksDefaultToTypstAndInlineValuesToTypstMath() throws {
        let note = "= Rates\n// ratecalc: --smoothness 1,2,4 --arch ssm\nThe rate $n^(-/* ratecalc:value rate-exponent --smoothness 1,2,4 */)$.\n"
        let outcome = try refresh(note)
        #expect(outcome.text == """
        = Rates
        // ratecalc: --smoothness 1,2,4 --arch ssm
        // ratecalc:begin
        out: rate --smoothness 1,2,4 --arch ssm --format typst
        second line
        // ratecalc:end
        The rate $n^(-/* ratecalc:value rate-exponent --smoothness 1,2,4 */v(rate-exponent --smoothness 1,2,4 --style typst)/* /ratecalc:value */)$.

        """)
        #expect(outcome.stale == [2, 3])
        let again = try refresh(outcome.text)
        #expect(again.text == outcome.text && again.stale.isEmpty)
    }

    @Test func aNamedFormatOrStyleIsKept() throws {
        let text = try refresh("// ratecalc: --smoothness 1 --format text\n/* ratecalc:value a-dagger --smoothness 1 --style fraction */\n").text
        #expect(text.contains("--format text\nsecond line") && !text.contains("--format typst"))
        #expect(text.contains("--style fraction)") && !text.contains("--style typst"))
    }

    @Test func rawTextAndCommentsAreSkipped() throws {
        let note = "```\n// ratecalc: --smoothness 1\n```\n`/* ratecalc:value a-dagger --smoothness 1 */`\n// a comment /* ratecalc:value a-dagger --smoothness 1 */\n"
        let outcome = try refresh(note)
        #expect(outcome.text == note && outcome.stale.isEmpty)
    }

    @Test("bad Typst notes are one error at their line", arguments: [
        ("// ratecalc:begin\n", 1, "without a ratecalc block"),
        ("// ratecalc: --smoothness 1\n// ratecalc:begin\nold\n", 2, "without a matching // ratecalc:end"),
        ("x /* ratecalc:value a-dagger --smoothness 1\n", 1, "without a closing */"),
        ("x /* ratecalc:value a-dagger /* --smoothness 1 */ */\n", 1, "nest"),
        ("// ratecalc: --smoothness 1 --csv out.csv\n", 1, "--csv"),
        ("// ratecalc: --smoothness 1; rm -rf x\n", 1, "shell syntax"),
        ("/* ratecalc:value a-dagger --plot p.svg */\n", 1, "--plot"),
    ])
    func badNotes(note: String, line: Int, phrase: String) {
        do {
            _ = try refresh(note)
            Issue.record("accepted: \(note)")
        } catch let error as NotesError {
            #expect(error.line == line, "\(note): \(error)")
            #expect(error.message.contains(phrase), "\(note): \(error)")
        } catch {
            Issue.record("\(note): \(error)")
        }
    }

    @Test func anOutputHoldingMarkersIsRefused() {
        #expect(throws: NotesError.self) {
            try NotesProcessor.process("// ratecalc: --smoothness 1\n", syntax: .typst) { _ in "// ratecalc:end\n" }
        }
        #expect(throws: NotesError.self) {
            try NotesProcessor.process("/* ratecalc:value a-dagger --smoothness 1 */\n", syntax: .typst) { _ in "1/* /ratecalc:value */x\n" }
        }
    }

    @Test func theBudgetApplies() {
        let many = String(repeating: "/* ratecalc:value a-dagger --smoothness 1 */ ", count: NoteBudget.maximumCommands + 1) + "\n"
        #expect(throws: NotesError.self) { try refresh(many) }
    }
}
