import Foundation

/// `ratecalc notes` on a set of files (docs/notes.md): every file is computed before any is
/// written, so one failing block changes nothing; then the stale blocks are listed, diffed or
/// written back atomically.
public struct NotesRefresh {
    /// One note, refreshed in memory.
    public struct File {
        /// The path as given.
        public let path: String
        /// The refreshed text, its stale blocks and edits.
        public let outcome: NotesOutcome
        /// The text on disk.
        public let original: String
        /// Whether refreshing changes the file.
        public var changed: Bool { outcome.text != original }
    }

    /// A block that fails, in a file: printed `FILE:LINE: error: …`.
    public struct Failure: Error, CustomStringConvertible {
        /// The note.
        public let path: String
        /// The block's error.
        public let error: NotesError
        /// `FILE:LINE: error: message`.
        public var description: String { "\(path):\(error.line): error: \(error.message)" }
    }

    /// The notes, in the order given.
    public let files: [File]

    /// No file, or a file that is not a note, given to `notes`: one line.
    public struct InputError: Error, CustomStringConvertible {
        /// `notes: …`.
        public let description: String
    }

    /// Reads and refreshes every note in memory; blocks run through `runner(directory)`, a
    /// runner for the note's directory (by default ``SubprocessNoteRunner`` with the budget's
    /// time limit).
    /// - Throws: ``InputError`` (before reading anything) for no paths, a path that is not a
    ///   note or a note given twice; ``Failure`` for the first failing block; a file error for
    ///   an unreadable note, a link or a note over the size limit.
    public init(paths: [String], budget: NoteBudget, runner: ((URL) -> NoteRunner)? = nil) throws {
        let runner = runner ?? { SubprocessNoteRunner(noteDirectory: $0, timeLimit: budget.blockTimeLimit).run }
        guard !paths.isEmpty else { throw InputError(description: "notes: expected at least one FILE (\(NoteSyntax.extensions))") }
        let syntaxes = try paths.map { path in
            guard let syntax = NoteSyntax(path: path) else {
                throw InputError(description: "notes: '\(path)' is not a note: expected a \(NoteSyntax.extensions) file")
            }
            return syntax
        }
        var seen: [[UInt64]: String] = [:]
        for path in paths {
            guard let identity = NoteFile.identity(path) else { continue }
            if let first = seen[identity] {
                throw InputError(description: "notes: '\(path)' is the same file as '\(first)'; give each note once")
            }
            seen[identity] = path
        }
        files = try zip(paths, syntaxes).map { path, syntax in
            let text = try NoteFile.read(path)
            let run = runner(URL(fileURLWithPath: path).deletingLastPathComponent())
            do {
                return File(path: path, outcome: try NotesProcessor.process(text, syntax: syntax, runChecks: budget.runChecks, run: run), original: text)
            } catch let error as NotesError {
                throw Failure(path: path, error: error)
            }
        }
    }

    /// `FILE:LINE: note: …` for every `check` block kept without running it.
    public var notRefreshedNotes: [String] {
        files.flatMap { file in file.outcome.notRefreshed.map { "\(file.path):\($0): note: check block not refreshed (run with --run-checks)" } }
    }

    /// `FILE:LINE: stale` for every block or value whose output would change.
    public var staleLines: [String] { files.flatMap { file in file.outcome.stale.map { "\(file.path):\($0): stale" } } }

    /// The changes as a unified diff.
    public var diff: String { files.map { UnifiedDiff.render(path: $0.path, edits: $0.outcome.edits) }.joined() }

    /// Writes every changed note (after checking that each can be written), passing
    /// `FILE: refreshed N stale blocks or values` to `report` after each file is written.
    public func write(report: (String) -> Void) throws {
        let changed = files.filter(\.changed)
        try changed.forEach { try NoteFile.checkWritable($0.path) }
        for file in changed {
            try NoteFile.write(file.outcome.text, to: file.path)
            let count = file.outcome.stale.count
            report("\(file.path): refreshed \(count) stale block\(count == 1 ? "" : "s") or value\(count == 1 ? "" : "s")")
        }
    }
}
