/// The full `ratecalc` argument list that a block or an inline value runs, checked against
/// ``NoteOptions`` (only `rate`, `samples`, `value` and `check`, only their allowed options).
struct NoteCommand: Sendable {
    let arguments: [String]

    /// Whether it is an empirical `check` (long work: run only when asked).
    var isCheck: Bool { arguments.first == "check" }

    /// A block's command: `rate` when the arguments start with an option, and
    /// `--format markdown|latex|typst` (by syntax) unless the block names a format.
    /// A leading `ratecalc` (the program name, as typed in a shell) is allowed and dropped.
    /// - Throws: ``NotesError`` at 0-based `line` for an empty block, a subcommand other than
    ///   rate, samples, value or check, or an option not allowed in a note.
    init(block written: [String], syntax: NoteSyntax, line: Int) throws {
        let words = written.first == "ratecalc" ? Array(written.dropFirst()) : written
        guard let first = words.first else {
            throw NotesError(line: line + 1, message: "empty ratecalc block: expected arguments such as --smoothness 1,2,4 --arch ssm")
        }
        var arguments = first.hasPrefix("-") ? ["rate"] + words : words
        try NoteOptions.validate(arguments, line: line + 1)
        let namesFormat = arguments.contains { $0 == "--format" || $0.hasPrefix("--format=") }
        if arguments[0] != "value" && !namesFormat { arguments += ["--format", syntax.blockFormat] }
        self.arguments = arguments
    }

    /// An inline value's command: `ratecalc value ARGS`, with `--style typst` in a Typst note
    /// unless the value names a style.
    /// - Throws: ``NotesError`` at 0-based `line` for an option not allowed in a note.
    init(inline words: [String], syntax: NoteSyntax = .markdown, line: Int) throws {
        var arguments = ["value"] + words
        try NoteOptions.validate(arguments, line: line + 1)
        let namesStyle = arguments.contains { $0 == "--style" || $0.hasPrefix("--style=") }
        if let style = syntax.inlineStyle, !namesStyle { arguments += ["--style", style] }
        self.arguments = arguments
    }
}
