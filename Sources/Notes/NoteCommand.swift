/// The full `ratecalc` argument list that a block or an inline value runs.
struct NoteCommand: Sendable {
    /// Subcommands a block may run (`notes` itself, `merge` and `bench` are refused).
    static let blockSubcommands: Set<String> = ["rate", "samples", "value", "check"]

    let arguments: [String]

    /// Whether it is an empirical `check` (long work: run only when asked).
    var isCheck: Bool { arguments.first == "check" }

    /// A block's command: `rate` when the arguments start with an option, and
    /// `--format markdown|latex` (by syntax) unless the block names a format.
    /// A leading `ratecalc` (the program name, as typed in a shell) is allowed and dropped.
    init(block written: [String], syntax: NoteSyntax, line: Int) throws {
        let words = written.first == "ratecalc" ? Array(written.dropFirst()) : written
        guard let first = words.first else {
            throw NotesError(line: line + 1, message: "empty ratecalc block: expected arguments such as --smoothness 1,2,4 --arch ssm")
        }
        var arguments = first.hasPrefix("-") ? ["rate"] + words : words
        guard NoteCommand.blockSubcommands.contains(arguments[0]) else {
            throw NotesError(line: line + 1, message: "'\(first)' cannot run in a note: expected rate, samples, value or check (or options of rate)")
        }
        let namesFormat = arguments.contains { $0 == "--format" || $0.hasPrefix("--format=") }
        if arguments[0] != "value" && !namesFormat { arguments += ["--format", syntax.blockFormat] }
        self.arguments = arguments
    }

    /// An inline value's command: `ratecalc value ARGS`.
    init(inline words: [String]) {
        arguments = ["value"] + words
    }
}
