import Foundation
import Testing

/// A note is data: every hostile note is answered with one line `FILE:LINE: error: …` naming
/// what is refused, exit 2, nothing on stdout, no file written or changed (the note included),
/// through `ratecalc notes --run-checks FILE` and, for single blocks, through
/// `ratecalc notes --render-block` (what the Pandoc filter runs).
@Suite struct HostileNotesTests {
    /// One hostile note: its file name and text, the 1-based line of the error, a phrase
    /// the error must hold, and the block's text when it is a single block (for --render-block).
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let file: String
        let text: String
        let line: Int
        let phrase: String
        var description: String { name }

        /// The lines of the first ```ratecalc block, when the note is one block.
        var blockText: String? {
            let lines = text.components(separatedBy: "\n")
            guard lines.first == "```ratecalc", let close = lines.dropFirst().firstIndex(of: "```"),
                  lines[(close + 1)...].allSatisfy(\.isEmpty) else { return nil }
            return lines[1..<close].joined(separator: "\n")
        }
    }

    /// The note: a check that would write the CSV file its block names.
    static let csvNote = "```ratecalc\ncheck --smoothness 1 --arch oracle --n-min 16 --n-max 32 --points 2 --seeds 1 --oracle-below 0 --csv PWNED/pwned.csv\n```\n"

    static func block(_ arguments: String) -> String { "```ratecalc\n\(arguments)\n```\n" }

    static let cases: [Case] = [
        Case(name: "check --csv", file: "note.md", text: csvNote, line: 1, phrase: "--csv cannot be used in a note"),
        Case(name: "check --plot", file: "note.md", text: block("check --smoothness 1 --arch oracle --plot PWNED/p.svg"), line: 1, phrase: "--plot"),
        Case(name: "check --shard --out", file: "note.md", text: block("check --smoothness 1 --shard 1/2 --out PWNED"), line: 1, phrase: "--shard"),
        Case(name: "check --out", file: "note.md", text: block("check --smoothness 1 --out=PWNED"), line: 1, phrase: "--out"),
        Case(name: "check --threads", file: "note.md", text: block("check --smoothness 1 --threads 4096"), line: 1, phrase: "--threads"),
        Case(name: "--theorems", file: "note.md", text: block("--smoothness 1 --theorems ../theorems.toml"), line: 1, phrase: "--theorems"),
        Case(name: "bench --binary", file: "note.md", text: block("bench train --binary PWNED/evil"), line: 1, phrase: "'bench' cannot run in a note"),
        Case(name: "plan", file: "note.md", text: block("plan --smoothness 1 --shards 2 --out PWNED"), line: 1, phrase: "'plan'"),
        Case(name: "merge", file: "note.md", text: block("merge PWNED --csv PWNED/x.csv"), line: 1, phrase: "'merge'"),
        Case(name: "notes", file: "note.md", text: block("notes other.md"), line: 1, phrase: "'notes'"),
        Case(name: "inline --csv", file: "note.md", text: "x\nThe rate <!-- ratecalc:value rate-exponent --smoothness 1 --csv PWNED/x -->.\n", line: 2, phrase: "--csv"),
        Case(name: "latex --plot", file: "paper.tex", text: "% ratecalc: check --smoothness 1 --plot PWNED/x.svg\n", line: 1, phrase: "--plot"),
        Case(name: "latex inline --out", file: "paper.tex", text: "$\\ratecalc{a-dagger --smoothness 1 --out PWNED}$\n", line: 1, phrase: "--out"),
        Case(name: "$(…)", file: "note.md", text: block("--smoothness $(touch PWNED/x)"), line: 1, phrase: "$( is shell syntax"),
        Case(name: "$(…) in double quotes", file: "note.md", text: block("value a-dagger --smoothness 1 --template \"$(touch PWNED/x){value}\""), line: 1, phrase: "$( is shell syntax"),
        Case(name: "backticks", file: "note.md", text: block("--smoothness `touch PWNED/x`"), line: 1, phrase: "` is shell syntax"),
        Case(name: ";", file: "note.md", text: block("--smoothness 1 ; touch PWNED/x"), line: 1, phrase: "; is shell syntax"),
        Case(name: "&&", file: "note.md", text: block("--smoothness 1 && touch PWNED/x"), line: 1, phrase: "& is shell syntax"),
        Case(name: "redirection", file: "note.md", text: block("--smoothness 1 > PWNED/x"), line: 1, phrase: "> is shell syntax"),
        Case(name: "NUL", file: "note.md", text: block("--smoothness 1\u{0} --csv PWNED/x"), line: 1, phrase: "U+0000"),
        Case(name: "escape sequence", file: "note.md", text: block("--smoothness \u{1B}]0;owned\u{7}1"), line: 1, phrase: "U+001B"),
        Case(name: "DEL in an inline value", file: "note.md", text: "<!-- ratecalc:value a-dagger --smoothness 1\u{7F} -->\n", line: 1, phrase: "U+007F"),
        Case(name: "huge block", file: "note.md", text: block("--smoothness " + String(repeating: "1,", count: 40_000) + "1"), line: 1, phrase: "bytes long"),
        Case(name: "10,000 blocks", file: "note.md", text: String(repeating: block("--smoothness 1"), count: 10_000), line: 1501, phrase: "more than 500"),
        Case(name: "20,000 values on one line", file: "note.md", text: "x " + String(repeating: "<!-- ratecalc:value a-dagger --smoothness 1 -->", count: 20_000) + "\n", line: 1, phrase: "more than 500"),
        Case(name: "20,000 \\ratecalc on one line", file: "paper.tex", text: String(repeating: "\\ratecalc{a-dagger --smoothness 1}", count: 20_000) + "\n", line: 1, phrase: "more than 500"),
        Case(name: "nested fences", file: "note.md", text: "````ratecalc\n```ratecalc\n--smoothness 1\n```\n````\n", line: 1, phrase: "shell syntax"),
        Case(name: "begin without end", file: "note.md", text: block("--smoothness 1") + "<!-- ratecalc:begin -->\nold\n", line: 4, phrase: "without a matching"),
        Case(name: "end without a block", file: "note.md", text: "text\n<!-- ratecalc:end -->\n", line: 2, phrase: "without a ratecalc block"),
        Case(name: "unclosed fence", file: "note.md", text: "intro\n```ratecalc\n--smoothness 1\n", line: 2, phrase: "without a closing fence"),
        Case(name: "inline value without -->", file: "note.md", text: "a <!-- ratecalc:value a-dagger --smoothness 1\nb -->\n", line: 1, phrase: "without a closing -->"),
        Case(name: "unclosed \\ratecalc{", file: "paper.tex", text: "$\\ratecalc{a-dagger --smoothness 1$\n", line: 1, phrase: "without a matching }"),
        Case(name: "unclosed quote", file: "note.md", text: block("--smoothness '1,2"), line: 1, phrase: "unclosed '"),
        Case(name: "a theorem file outside the note's directory", file: "note.md", text: block("--smoothness 1 --theorems ../lib.toml"), line: 1, phrase: "inside its own directory"),
        Case(name: "a theorem file by absolute path", file: "note.md", text: block("--smoothness 1 --theorems=/etc/passwd"), line: 1, phrase: "inside its own directory"),
        Case(name: "its own output: --csv onto the note", file: "note.md", text: block("check --smoothness 1 --arch oracle --csv note.md"), line: 1, phrase: "--csv"),
        Case(name: "its own output: a value that writes a value", file: "note.md",
             text: "v <!-- ratecalc:value a-dagger --smoothness 1 --gamma anisotropic --template '{value}<!-- ratecalc:value a-dagger --smoothness 2' -->\n", line: 1, phrase: "nothing was written"),
        Case(name: "its own output: a value that closes its brace", file: "paper.tex",
             text: "$\\ratecalc{a-dagger --smoothness 1 --gamma anisotropic --template {value}\\}}$\n", line: 1, phrase: "nothing was written"),
    ]

    let scratch: Scratch
    init() throws {
        scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("PWNED"), withIntermediateDirectories: true)
    }

    /// Every file under the scratch directory with its bytes.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: scratch.url.path)
        while let name = enumerator?.nextObject() as? String {
            let url = scratch.url.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[name] = try Data(contentsOf: url)
            } else {
                files[name] = Data()
            }
        }
        return files
    }

    /// One line on stderr without control characters, exit 2, nothing on stdout.
    static func expectOneLine(_ output: CLIRunner.Output, _ context: String) {
        #expect(output.status == 2, "\(context): status \(output.status), \(output.stderr.prefix(300))")
        #expect(output.stdout.isEmpty, "\(context)")
        let body = output.stderr.unicodeScalars.dropLast()
        #expect(output.stderr.hasSuffix("\n") && !body.contains { $0.properties.generalCategory == .control }, "\(context): \(output.stderr.debugDescription.prefix(300))")
        #expect(body.count <= 400, "\(context): \(body.count) characters")
    }

    @Test("a hostile note: one line, exit 2, nothing written", .tags(.slow), TestSet.notFast, arguments: cases)
    func refused(_ hostile: Case) throws {
        try scratch.write(hostile.file, hostile.text)
        let before = try snapshot()
        let start = Date()
        let output = try ExternalTool.run(CLIRunner.binary, ["notes", "--run-checks", hostile.file], in: scratch.url)
        Self.expectOneLine(output, hostile.name)
        #expect(output.stderr.hasPrefix("\(hostile.file):\(hostile.line): error: "), "\(hostile.name): \(output.stderr.prefix(300))")
        #expect(output.stderr.contains(hostile.phrase), "\(hostile.name): \(output.stderr.prefix(300))")
        #expect(try snapshot() == before, "\(hostile.name): a file was written or changed")
        #expect(Date().timeIntervalSince(start) < 10, "\(hostile.name)")

        guard let block = hostile.blockText else { return }
        let rendered = try ExternalTool.run(CLIRunner.binary, ["notes", "--render-block", "markdown", "--run-checks"], in: scratch.url, input: block)
        Self.expectOneLine(rendered, "\(hostile.name) through --render-block")
        #expect(rendered.stderr.hasPrefix("ratecalc: ratecalc block: "), "\(hostile.name): \(rendered.stderr.prefix(300))")
        #expect(try snapshot() == before, "\(hostile.name) through --render-block: a file was written")
    }

    @Test func aSymlinkedNoteIsRefused() throws {
        let text = Self.block("--smoothness 1,2")
        try scratch.write("target.md", text)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.md"), withDestinationPath: "target.md")
        let before = try snapshot()
        let output = try ExternalTool.run(CLIRunner.binary, ["notes", "link.md"], in: scratch.url)
        Self.expectOneLine(output, "symlink")
        #expect(output.stderr.contains("link.md: is a symbolic link"), "\(output.stderr)")
        #expect(try snapshot() == before && scratch.read("target.md") == text)
    }

    /// `--theorems FILE` reads a file of the note's own directory (docs/notes.md), and a symbolic
    /// link there cannot lead it elsewhere.
    @Test func aTheoremFileIsReadOnlyFromTheNotesDirectory() throws {
        let theorem = "[[theorem]]\nid = \"my-holder\"\nsource = \"A. Author, 2026\"\nprovenance = \"up-to-polylog\"\nparameters = [\"beta\", \"d\"]\nrate = \"2*beta/(2*beta + d)\"\nconditions = [\"beta > 0\", \"d >= 1\"]\n"
        try scratch.write("my.toml", theorem)
        try scratch.write("note.md", Self.block("--smoothness 1,2,4 --arch ssm --theorems my.toml"))
        let refreshed = try ExternalTool.run(CLIRunner.binary, ["notes", "note.md"], in: scratch.url)
        #expect(refreshed.status == 0, "\(refreshed.stderr)")
        #expect(try scratch.read("note.md").contains("$8/15$"))
        // The file is really read: a malformed one is named in the error.
        try scratch.write("my.toml", "[[theorem]]\nid = \n")
        let malformed = try ExternalTool.run(CLIRunner.binary, ["notes", "note.md"], in: scratch.url)
        Self.expectOneLine(malformed, "malformed theorem file")
        #expect(malformed.stderr.contains("my.toml"), "\(malformed.stderr)")
        // A link inside the directory that points out of it is refused before anything runs.
        try FileManager.default.createSymbolicLink(atPath: scratch.path("escape.toml"), withDestinationPath: "/etc/passwd")
        try scratch.write("escape.md", Self.block("--smoothness 1,2,4 --theorems escape.toml"))
        let before = try snapshot()
        let escaped = try ExternalTool.run(CLIRunner.binary, ["notes", "escape.md"], in: scratch.url)
        Self.expectOneLine(escaped, "symlinked theorem file")
        #expect(escaped.stderr.contains("leads outside the note's directory"), "\(escaped.stderr)")
        #expect(try snapshot() == before)
    }

    @Test func aNoteGivenTwiceOrNotARegularFileIsRefused() throws {
        try scratch.write("a.md", Self.block("--smoothness 1,2"))
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("dir.md"), withIntermediateDirectories: true)
        let before = try snapshot()
        for (arguments, phrase) in [(["a.md", "./a.md"], "is the same file as"), (["dir.md"], "not a regular file"), (["/dev/null.md"], "cannot read")] {
            let output = try ExternalTool.run(CLIRunner.binary, ["notes"] + arguments, in: scratch.url)
            Self.expectOneLine(output, "\(arguments)")
            #expect(output.stderr.contains(phrase), "\(arguments): \(output.stderr)")
        }
        #expect(try snapshot() == before)
    }

    /// The allow-list names real options: each allowed option appears in its subcommand's help
    /// (a renamed option would otherwise be refused in every note without a test noticing).
    @Test func theAllowListNamesOptionsOfTheCommands() throws {
        let allowed: [String: [String]] = [
            "rate": ["smoothness", "gamma", "arch", "class", "p", "q", "log-exponent", "precision", "format", "macro-prefix", "latex-style", "latex-preamble", "n",
                     "theorem", "param", "theorems"],
            "samples": ["error"], "value": ["style", "template"],
            "check": ["n-min", "n-max", "points", "seeds", "seed", "noise", "length", "width", "epochs", "min-steps", "patience", "size",
                      "oracle-below", "window", "target-level", "max-terms", "weights", "oracle-level", "test-sequences", "log-band", "strict",
                      "depth", "no-pre-fnn", "learning-rate", "no-floor"],
        ]
        for (subcommand, options) in allowed {
            let help = try CLIRunner.run([subcommand, "--help"])
            #expect(help.status == 0)
            for option in options { #expect(help.stdout.contains("--\(option)"), "\(subcommand) --\(option)") }
        }
    }

    /// A block over its time limit is stopped and fails in one line; nothing stays running.
    @Test(.tags(.slow), TestSet.notFast) func aBlockOverItsTimeLimitFails() throws {
        let text = Self.block("check --smoothness 1,2 --arch ssm --n-min 64 --n-max 256")
        try scratch.write("slow.md", text)
        let start = Date()
        let output = try ExternalTool.run(CLIRunner.binary, ["notes", "--run-checks", "--block-time-limit", "1", "slow.md"], in: scratch.url)
        Self.expectOneLine(output, "time limit")
        #expect(output.stderr.contains("slow.md:1: error: the block ran longer than its time limit of 1 s"), "\(output.stderr)")
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(try scratch.read("slow.md") == text)
        let rendered = try ExternalTool.run(CLIRunner.binary, ["notes", "--render-block", "markdown"], in: scratch.url,
                                            environment: ["RATECALC_RUN_CHECKS": "1", "RATECALC_BLOCK_TIME_LIMIT": "1"],
                                            input: "check --smoothness 1,2 --arch ssm --n-min 64 --n-max 256")
        Self.expectOneLine(rendered, "time limit through --render-block")
        #expect(rendered.stderr.contains("time limit of 1 s"))
    }
}
