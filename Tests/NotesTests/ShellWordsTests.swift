import Testing
@testable import Notes

@Test func shellWordsSplitLikeAShell() throws {
    #expect(try ShellWords.split("  --smoothness 1,2,4\t--arch  ssm ") == ["--smoothness", "1,2,4", "--arch", "ssm"])
    #expect(try ShellWords.split("--template '$n^{-{value}}$'") == ["--template", "$n^{-{value}}$"])
    #expect(try ShellWords.split(#"--template "a \"b\" \\ c\d""#) == ["--template", #"a "b" \ c\d"#])
    #expect(try ShellWords.split(#"a\ b ''"#) == ["a b", ""])
    #expect(throws: ShellWords.SplitError.self) { try ShellWords.split("'open") }
    #expect(throws: ShellWords.SplitError.self) { try ShellWords.split("\"open") }
    #expect(throws: ShellWords.SplitError.self) { try ShellWords.split("end\\") }
}

@Test func unifiedDiffOfEdits() {
    let edits = [NoteEdit(start: 2, old: ["a\n"], new: ["a\n", "b\n", "c\n"]), NoteEdit(start: 5, old: ["x\n"], new: ["y"])]
    #expect(UnifiedDiff.render(path: "n.md", edits: edits) == """
    --- a/n.md
    +++ b/n.md
    @@ -3,1 +3,3 @@
    -a
    +a
    +b
    +c
    @@ -6,1 +8,1 @@
    -x
    +y
    \\ No newline at end of file

    """)
    #expect(UnifiedDiff.render(path: "n.md", edits: []) == "")
}
