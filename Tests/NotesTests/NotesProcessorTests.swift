import Testing
@testable import Notes

/// A stand-in for ratecalc: prints its arguments, so every block's output is predictable
/// and changes when the block is edited; `--smoothness bad` fails like ratecalc does.
private struct EchoRunner {
    struct Failure: Error, CustomStringConvertible { let description: String }
    var calls: [[String]] = []

    mutating func run(_ arguments: [String]) throws -> String {
        calls.append(arguments)
        if arguments.contains("bad") { throw Failure(description: "smoothness entry 1 'bad' is not a number") }
        if arguments.first == "value" { return "v(" + arguments.dropFirst().joined(separator: " ") + ")\n" }
        return "out: " + arguments.joined(separator: " ") + "\nsecond line\n"
    }
}

private func refresh(_ text: String, _ syntax: NoteSyntax = .markdown, runChecks: Bool = false) throws -> NotesOutcome {
    var runner = EchoRunner()
    return try NotesProcessor.process(text, syntax: syntax, runChecks: runChecks) { try runner.run($0) }
}

private let block = "# Title\n\n```ratecalc\n--smoothness 1,2,4 --gamma anisotropic --arch ssm\n```\n\nAfter.\n"

@Test func insertsMarkersWhenThereAreNone() throws {
    let outcome = try refresh(block)
    #expect(outcome.text == """
    # Title

    ```ratecalc
    --smoothness 1,2,4 --gamma anisotropic --arch ssm
    ```
    <!-- ratecalc:begin -->

    out: rate --smoothness 1,2,4 --gamma anisotropic --arch ssm --format markdown
    second line

    <!-- ratecalc:end -->

    After.

    """)
    #expect(outcome.stale == [3])
}

@Test func secondRunChangesNothing() throws {
    let first = try refresh(block).text
    let second = try refresh(first)
    #expect(second.text == first)
    #expect(second.stale.isEmpty && second.edits.isEmpty)
}

@Test func staleOutputIsReplacedAndOnlyIt() throws {
    let text = block.replacingOccurrences(of: "```\n\nAfter.", with: "```\n<!-- ratecalc:begin -->\nold output\n<!-- ratecalc:end -->\n\nAfter.")
    #expect(text != block)
    let outcome = try refresh(text)
    #expect(outcome.stale == [3])
    #expect(!outcome.text.contains("old output"))
    #expect(outcome.text == (try refresh(block)).text)
}

@Test func editedBlockIsStaleAndGetsNewOutput() throws {
    let fresh = try refresh(block).text
    let edited = fresh.replacingOccurrences(of: "--smoothness 1,2,4 --gamma anisotropic --arch ssm\n```", with: "--smoothness 1,2,8 --gamma anisotropic --arch ssm\n```")
    let outcome = try refresh(edited)
    #expect(outcome.stale == [3])
    #expect(outcome.text.contains("out: rate --smoothness 1,2,8"))
    #expect(!outcome.text.contains("out: rate --smoothness 1,2,4"))
}

@Test func twoBlocksAreIndependent() throws {
    let text = block + "\n```ratecalc\nsamples --smoothness 1,2 --error 1e-3\n```\nEnd\n"
    let once = try refresh(text)
    #expect(once.stale == [3, 9])
    #expect(once.text.contains("out: rate --smoothness 1,2,4") && once.text.contains("out: samples --smoothness 1,2 --error 1e-3 --format markdown"))
    let edited = once.text.replacingOccurrences(of: "samples --smoothness 1,2 --error 1e-3\n```", with: "samples --smoothness 1,3 --error 1e-3\n```")
    let twice = try refresh(edited)
    #expect(twice.stale.count == 1 && twice.text.contains("out: samples --smoothness 1,3"))
    #expect(try refresh(twice.text).stale.isEmpty)
}

@Test func crlfFilesKeepTheirLineEndings() throws {
    let crlf = block.replacingOccurrences(of: "\n", with: "\r\n")
    let outcome = try refresh(crlf)
    #expect(outcome.text.contains("<!-- ratecalc:begin -->\r\n\r\nout: rate"))
    #expect(!outcome.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    #expect(try refresh(outcome.text).text == outcome.text)
    #expect(outcome.text.replacingOccurrences(of: "\r\n", with: "\n") == (try refresh(block)).text)
}

@Test func aFailingBlockThrowsWithItsLine() throws {
    let text = block + "\n```ratecalc\n--smoothness bad\n```\n"
    #expect(throws: NotesError.self) { try refresh(text) }
    do {
        _ = try refresh(text)
    } catch let error as NotesError {
        #expect(error.line == 9)
        #expect(error.message == "smoothness entry 1 'bad' is not a number")
    }
}

@Test func unicodeAroundTheBlockIsKeptByteForByte() throws {
    let text = "γ-smooth ✓ — naïve 数学 🧮\n```ratecalc\n--smoothness 1,2,4\n```\n<!-- ratecalc:begin -->\nold\n<!-- ratecalc:end -->\nAfter: ã, a†, ∞ 🎉"
    let outcome = try refresh(text)
    #expect(outcome.text.hasPrefix("γ-smooth ✓ — naïve 数学 🧮\n```ratecalc\n--smoothness 1,2,4\n```\n<!-- ratecalc:begin -->\n"))
    #expect(outcome.text.hasSuffix("<!-- ratecalc:end -->\nAfter: ã, a†, ∞ 🎉"))
    #expect(try refresh(outcome.text).text == outcome.text)
}

@Test func aBlockAtTheEndWithoutNewlineKeepsNoFinalNewline() throws {
    let text = "```ratecalc\n--smoothness 1,2\n```"
    let outcome = try refresh(text)
    #expect(outcome.text.hasSuffix("```\n<!-- ratecalc:begin -->\n\nout: rate --smoothness 1,2 --format markdown\nsecond line\n\n<!-- ratecalc:end -->"))
    #expect(try refresh(outcome.text).text == outcome.text)
}

@Test func otherCodeBlocksAndCodeSpansAreNotTouched() throws {
    let text = "````markdown\n```ratecalc\n--smoothness 1\n```\n````\n`<!-- ratecalc:value rate-exponent --smoothness 1 -->`\n~~~\n<!-- ratecalc:value a -->\n~~~\n"
    let outcome = try refresh(text)
    #expect(outcome.text == text)
    #expect(outcome.stale.isEmpty)
}

@Test func inlineValuesInMarkdown() throws {
    let text = "The rate is <!-- ratecalc:value rate-exponent --smoothness 1,2,4 --template '$n^{-{value}}$' --> and <!-- ratecalc:value a-dagger --smoothness 1 -->old<!-- /ratecalc:value -->.\n"
    let outcome = try refresh(text)
    #expect(outcome.text == "The rate is <!-- ratecalc:value rate-exponent --smoothness 1,2,4 --template '$n^{-{value}}$' -->v(rate-exponent --smoothness 1,2,4 --template $n^{-{value}}$)<!-- /ratecalc:value --> and <!-- ratecalc:value a-dagger --smoothness 1 -->v(a-dagger --smoothness 1)<!-- /ratecalc:value -->.\n")
    #expect(outcome.stale == [1])
    #expect(try refresh(outcome.text).stale.isEmpty)
}

@Test func latexBlocksAndInlineValues() throws {
    let text = "\\documentclass{article}\n% ratecalc: --smoothness 1,2,4 --arch ssm\nRate $n^{-\\ratecalc{rate-exponent --smoothness 1,2,4}}$, a† $\\ratecalc{a-dagger --smoothness 1}{\\frac{1}{2}}$. % \\ratecalc{not this}\n\\begin{verbatim}\n% ratecalc: --smoothness 9\n\\end{verbatim}\n"
    let outcome = try refresh(text, .latex)
    #expect(outcome.text == "\\documentclass{article}\n% ratecalc: --smoothness 1,2,4 --arch ssm\n% ratecalc:begin\nout: rate --smoothness 1,2,4 --arch ssm --format latex\nsecond line\n% ratecalc:end\nRate $n^{-\\ratecalc{rate-exponent --smoothness 1,2,4}{v(rate-exponent --smoothness 1,2,4)}}$, a† $\\ratecalc{a-dagger --smoothness 1}{v(a-dagger --smoothness 1)}$. % \\ratecalc{not this}\n\\begin{verbatim}\n% ratecalc: --smoothness 9\n\\end{verbatim}\n")
    #expect(outcome.stale == [2, 3])
    #expect(try refresh(outcome.text, .latex).stale.isEmpty)
}

@Test func checkBlocksRunOnlyWhenAsked() throws {
    let text = "```ratecalc\ncheck --smoothness 1,2,4\n```\n<!-- ratecalc:begin -->\nkept\n<!-- ratecalc:end -->\n"
    let kept = try refresh(text)
    #expect(kept.text == text && kept.notRefreshed == [1] && kept.stale.isEmpty)
    let run = try refresh(text, runChecks: true)
    #expect(run.text.contains("out: check --smoothness 1,2,4 --format markdown") && run.stale == [1])
}

@Test func malformedNotesAreErrorsAtTheirLine() throws {
    let cases: [(String, NoteSyntax, Int, String)] = [
        ("x\n```ratecalc\n--smoothness 1\n```\n<!-- ratecalc:begin -->\nno end\n", .markdown, 5, "without a matching"),
        ("```ratecalc\n--smoothness 1\n", .markdown, 1, "closing fence"),
        ("```ratecalc\n```\n", .markdown, 1, "empty ratecalc block"),
        ("```ratecalc\nnotes x.md\n```\n", .markdown, 1, "cannot run in a note"),
        ("```ratecalc\n--smoothness '1,2\n```\n", .markdown, 1, "unclosed '"),
        ("% ratecalc: --smoothness 1\n% ratecalc:begin\n", .latex, 2, "without a matching"),
        ("a \\ratecalc{rate-exponent --smoothness 1\n", .latex, 1, "without a matching }"),
    ]
    for (text, syntax, line, message) in cases {
        do {
            _ = try refresh(text, syntax)
            Issue.record("no error for \(text.debugDescription)")
        } catch let error as NotesError {
            #expect(error.line == line, "\(text.debugDescription)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}

@Test func formatGivenInTheBlockIsKept() throws {
    let outcome = try refresh("```ratecalc\n--smoothness 1 --format=json\n# a comment line\n```\n")
    #expect(outcome.text.contains("out: rate --smoothness 1 --format=json\n"))
    let named = try refresh("```ratecalc\nratecalc samples --smoothness 1\n```\n")
    #expect(named.text.contains("out: samples --smoothness 1 --format markdown\n"))
}

@Test func syntaxByExtension() {
    #expect(NoteSyntax(path: "a/b/note.md") == .markdown)
    #expect(NoteSyntax(path: "x.QMD") == .markdown)
    #expect(NoteSyntax(path: "x.markdown") == .markdown)
    #expect(NoteSyntax(path: "paper.tex") == .latex)
    #expect(NoteSyntax(path: "notes.txt") == nil)
    #expect(NoteSyntax(path: ".md") == nil)
}
