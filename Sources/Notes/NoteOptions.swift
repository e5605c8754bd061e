/// What a block or an inline value may pass to ratecalc: an allow-list of options per
/// subcommand (docs/notes.md, "What a note may do"). Everything a note runs is a pure
/// computation on its own arguments: options that write or read a path (`--plot`, `--csv`,
/// `--out`), split work across processes (`--shard`, `--balance`) or choose machine
/// resources (`--threads`) are not on the list, nor is any option added to ratecalc later
/// until it is put here.
enum NoteOptions {
    /// How an allowed option takes its value.
    enum Kind: Sendable {
        /// `--name VALUE` or `--name=VALUE`; a next word starting with `-` is not its value
        /// (argument-parser's default), so it is checked as an option itself.
        case value
        /// `--name VALUE`, where VALUE may start with `-` (argument-parser's
        /// `.unconditional` parsing: `--p -1`, `--smoothness -1,2`).
        case anyValue
        /// `--name` alone.
        case flag
        /// `--name FILE`, a file the command reads, which must lie inside the note's directory:
        /// a relative path with no `..` component (``isInsideNoteDirectory(_:)``); symbolic links
        /// are resolved and checked when the block runs (``SubprocessNoteRunner``).
        case notePath
    }

    /// Whether `path` stays inside the directory it is resolved against: not empty, not absolute,
    /// not `~`-relative, and without a `..` component.
    static func isInsideNoteDirectory(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~") else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: true).contains("..")
    }

    /// The options of `rate`, `samples` and `value` that describe the theory and its rendering.
    static let theory: [String: Kind] = [
        "smoothness": .anyValue, "gamma": .value, "arch": .value, "class": .value, "p": .anyValue,
        "q": .anyValue, "log-exponent": .anyValue, "precision": .anyValue, "format": .value,
        "macro-prefix": .value, "latex-style": .value, "latex-preamble": .flag,
        "theorem": .value, "param": .anyValue, "theorems": .notePath,
    ]

    /// The design of a `check` sweep and its report on standard output.
    static let check: [String: Kind] = [
        "smoothness": .anyValue, "gamma": .value, "class": .value, "arch": .value, "n-min": .value,
        "n-max": .value, "points": .value, "seeds": .value, "seed": .value, "noise": .anyValue,
        "length": .value, "width": .value, "epochs": .value, "min-steps": .value, "patience": .value,
        "size": .value, "oracle-below": .value, "window": .value, "q": .anyValue, "target-level": .anyValue,
        "max-terms": .value, "weights": .value, "oracle-level": .value, "test-sequences": .value,
        "log-band": .anyValue, "format": .value, "strict": .flag,
        "depth": .value, "no-pre-fnn": .flag, "learning-rate": .anyValue, "no-floor": .flag,
    ]

    /// The allowed options of each subcommand a note may run.
    static let allowed: [String: [String: Kind]] = [
        "rate": theory.merging(["n": .anyValue]) { $1 },
        "samples": theory.merging(["error": .anyValue]) { $1 },
        "value": theory.merging(["style": .value, "template": .value]) { $1 },
        "check": check,
    ]

    /// How many positional words each subcommand takes (`value QUANTITY`).
    static let positionals: [String: Int] = ["value": 1]

    /// Throws at `line` (1-based) for the first word that is not an allowed option of the
    /// subcommand `arguments[0]`, its value, or one of its positional words; returns the files the
    /// arguments name (the values of ``Kind/notePath`` options, each already checked with
    /// ``isInsideNoteDirectory(_:)``), in order, as `(option name, path)`.
    @discardableResult
    static func validate(_ arguments: [String], line: Int) throws -> [(name: String, path: String)] {
        var paths: [(name: String, path: String)] = []
        guard let subcommand = arguments.first, let options = allowed[subcommand] else {
            throw NotesError(line: line, message: "'\(arguments.first ?? "")' cannot run in a note: expected rate, samples, value or check (or options of rate)")
        }
        var positionalsLeft = positionals[subcommand] ?? 0
        var index = 1
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            guard word.hasPrefix("-"), word != "-" else {
                guard positionalsLeft > 0 else {
                    throw NotesError(line: line, message: "'\(word)' is not an option of \(subcommand): a note passes only options (docs/notes.md)")
                }
                positionalsLeft -= 1
                continue
            }
            let name = word.hasPrefix("--") ? String(word.dropFirst(2).prefix { $0 != "=" }) : ""
            guard let kind = options[name], !name.isEmpty else {
                let shown = word.hasPrefix("--") ? "--" + name : word
                throw NotesError(line: line, message: "\(shown) cannot be used in a note: a block or inline value only computes, it may not write or read files or start other work (the options \(subcommand) takes in a note: docs/notes.md)")
            }
            if kind == .notePath {
                let value: String
                if let equals = word.firstIndex(of: "=") {
                    value = String(word[word.index(after: equals)...])
                } else {
                    guard index < arguments.count else {
                        throw NotesError(line: line, message: "--\(name) needs a FILE inside the note's directory")
                    }
                    value = arguments[index]
                    index += 1
                }
                guard isInsideNoteDirectory(value) else {
                    throw NotesError(line: line, message: "--\(name) '\(value)' cannot be used in a note: a note may read only files inside its own directory (a relative path without ..)")
                }
                paths.append((name, value))
                continue
            }
            guard !word.contains("="), kind != .flag, index < arguments.count else { continue }
            let next = arguments[index]
            if kind == .anyValue || !next.hasPrefix("-") { index += 1 }
        }
        return paths
    }
}
