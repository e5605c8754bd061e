import Foundation
import Testing
@testable import Notes

/// The allow-list: what a block or inline value may pass, and the first word it may not.
@Suite struct NoteOptionsTests {
    /// The refusal for `words` as a block at line 7 (0-based 6), or nil when allowed.
    func refusal(_ words: [String]) -> NotesError? {
        notesError { _ = try NoteCommand(block: words, syntax: .markdown, line: 6) }
    }

    @Test func computingOptionsAreAllowed() {
        let allowed: [[String]] = [
            ["--smoothness", "1,2,4", "--gamma", "anisotropic", "--arch", "all", "--class", "piecewise", "--p", "3/2",
             "--q", "2", "--log-exponent", "1", "--precision", "1e-10", "--latex-style", "table", "--n", "1e4"],
            ["--smoothness=1,2", "--format=json", "--macro-prefix", "paper", "--latex-preamble"],
            ["--smoothness", "-1,2"],  // a value that starts with "-" (argument-parser's unconditional parsing)
            ["samples", "--smoothness", "1", "--error", "1e-2,1e-3"],
            ["value", "rate-exponent", "--smoothness", "1", "--style", "fraction", "--template", "n^{-{value}}"],
            ["check", "--smoothness", "1,2", "--arch", "oracle", "--n-min", "16", "--n-max", "32", "--points", "2",
             "--seeds", "1", "--oracle-below", "0", "--window", "4", "--strict", "--noise", "-0", "--format", "markdown"],
            ["check", "--smoothness", "1", "--depth", "3", "--no-pre-fnn", "--learning-rate", "1e-3,3e-3", "--no-floor"],
            // A theorem file inside the note's directory (docs/notes.md, docs/theorems.md).
            ["rate", "--theorems", "my.toml", "--theorem", "my-holder", "--param", "beta=1/2,d=3"],
            ["--smoothness", "1,2,4", "--theorems=theorems/extra.toml", "--theorems", "./a.toml"],
        ]
        for words in allowed { #expect(refusal(words) == nil, "\(words)") }
    }

    @Test("options that touch files, processes or the machine are refused, naming the option", arguments: [
        (["check", "--smoothness", "1", "--csv", "/tmp/x.csv"], "--csv"),
        (["check", "--smoothness", "1", "--plot=/tmp/x.svg"], "--plot"),
        (["check", "--smoothness", "1", "--out", "runs/"], "--out"),
        (["check", "--smoothness", "1", "--shard", "1/2"], "--shard"),
        (["check", "--smoothness", "1", "--balance", "cost"], "--balance"),
        (["check", "--smoothness", "1", "--threads", "64"], "--threads"),
        (["--smoothness", "1", "--theorems", "/etc/lib.toml"], "--theorems"),
        (["--smoothness", "1", "--theorems", "../lib.toml"], "--theorems"),
        (["--smoothness", "1", "--theorems=sub/../../lib.toml"], "--theorems"),
        (["--smoothness", "1", "--theorems", "~/lib.toml"], "--theorems"),
        (["rate", "--theorem", "x", "--theorems"], "--theorems"),
        (["bench", "train", "--binary", "x"], "'bench'"),
        (["plan", "--smoothness", "1"], "'plan'"),
        (["merge", "runs/"], "'merge'"),
        (["notes", "other.md"], "'notes'"),
        (["--smoothness", "1", "--help"], "--help"),
        (["--smoothness", "1", "-h"], "-h"),
        (["--smoothness", "1", "--", "--csv"], "--"),
        (["--smoothness", "1", "extra"], "'extra'"),
        (["--gamma", "--csv", "x.csv"], "--csv"),  // --gamma does not take a value starting with "-"
        (["value", "rate-exponent", "a-dagger", "--smoothness", "1"], "'a-dagger'"),
        (["ratecalc", "ratecalc", "--smoothness", "1"], "'ratecalc'"),
    ])
    func refused(words: [String], named: String) throws {
        let error = try #require(refusal(words))
        #expect(error.line == 7)
        #expect(error.message.contains(named), "\(error.message)")
        #expect(!error.message.contains("\n"))
    }

    @Test func inlineValuesHaveTheSameList() throws {
        #expect(throws: NotesError.self) { try NoteCommand(inline: ["rate-exponent", "--smoothness", "1", "--csv", "x"], line: 0) }
        #expect(try NoteCommand(inline: ["rate-exponent", "--smoothness", "1"], line: 0).arguments.first == "value")
    }

    @Test func shellSyntaxIsRefusedUnlessSingleQuoted() throws {
        for text in ["--smoothness 1 ; touch x", "--smoothness 1 && touch x", "--smoothness 1 | tee x", "--smoothness 1 > x",
                     "--smoothness $(touch x)", "--smoothness `touch x`", "--template \"$(id){value}\"", "--template \"`id`{value}\"",
                     "--smoothness 1 & touch x", "--smoothness 1 < x"] {
            #expect(throws: ShellWords.SplitError.self, "\(text)") { try ShellWords.split(text) }
        }
        #expect(try ShellWords.split("--smoothness '1,2;3,4' --template '$(x)`y`{value}'") == ["--smoothness", "1,2;3,4", "--template", "$(x)`y`{value}"])
        #expect(try ShellWords.split(#"--template "\$ {value}" a\;b"#) == ["--template", #"\$ {value}"#, "a;b"])
    }

    @Test func controlCharactersAndHugeArgumentsAreRefused() throws {
        for text in ["--smoothness 1\u{0}", "--smoothness \u{1B}[2J1", "--smoothness 1\u{7F}", "--smoothness 1\u{85}", "--smoothness 1\r"] {
            #expect(throws: NotesError.self, "\(text.debugDescription)") { try NoteScan.words(text, line: 0) }
        }
        #expect(try NoteScan.words("--smoothness\t1", line: 0) == ["--smoothness", "1"])
        let huge = "--smoothness " + String(repeating: "1,", count: NoteBudget.maximumBlockBytes)
        #expect(throws: NotesError.self) { try NoteScan.words(huge, line: 0) }
    }

    @Test func theBudgetComesFromFlagsThenEnvironment() throws {
        #expect(try NoteBudget(runChecks: false, blockTimeLimit: nil, environment: [:]) == NoteBudget())
        #expect(try NoteBudget(runChecks: false, blockTimeLimit: nil, environment: ["RATECALC_RUN_CHECKS": "1"]).runChecks)
        #expect(try !NoteBudget(runChecks: false, blockTimeLimit: nil, environment: ["RATECALC_RUN_CHECKS": "0"]).runChecks)
        #expect(try NoteBudget(runChecks: false, blockTimeLimit: nil, environment: ["RATECALC_BLOCK_TIME_LIMIT": "5"]).blockTimeLimit == 5)
        #expect(try NoteBudget(runChecks: false, blockTimeLimit: 7, environment: ["RATECALC_BLOCK_TIME_LIMIT": "5"]).blockTimeLimit == 7)
        for (flag, environment) in [(0, [String: String]()), (nil, ["RATECALC_BLOCK_TIME_LIMIT": "x"]), (nil, ["RATECALC_RUN_CHECKS": "yes"]),
                                    (86_401, [:]), (nil, ["RATECALC_BLOCK_TIME_LIMIT": "-1"])] as [(Int?, [String: String])] {
            #expect(throws: NoteBudget.SettingError.self) { try NoteBudget(runChecks: false, blockTimeLimit: flag, environment: environment) }
        }
    }
}
