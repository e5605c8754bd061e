import Foundation

/// Runs the blocks of a note by re-invoking this very executable (`/proc/self/exe`) with
/// the block's arguments, in the note's directory: a block behaves exactly as the same
/// command typed in a shell (same parsing, formats and one-line errors), and `notes` needs
/// no second code path for `rate`, `samples`, `value` and `check`. No shell is involved.
public struct SubprocessNoteRunner {
    /// A failing block: the command's one-line error.
    public struct Failure: Error, CustomStringConvertible {
        /// The one-line message.
        public let description: String
    }

    /// This executable, resolved through `/proc/self/exe`.
    public let executable: URL
    /// The note's directory, the blocks' working directory.
    public let directory: URL
    /// Seconds a block may run before it is killed (``NoteBudget/blockTimeLimit``).
    public let timeLimit: Int

    /// A runner for the blocks of a note in `noteDirectory`, each limited to `timeLimit` seconds.
    public init(noteDirectory: URL, timeLimit: Int = NoteBudget.defaultBlockTimeLimit) {
        let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        executable = URL(fileURLWithPath: link)
        directory = noteDirectory
        self.timeLimit = timeLimit
    }

    /// The files a block names (its ``NoteOptions/Kind/notePath`` options, found by the same walk
    /// that checked the block), with symbolic links resolved, must lie inside the note's directory:
    /// a link in the directory cannot make a note read elsewhere.
    func checkPathsStayInside(_ arguments: [String]) throws {
        let root = directory.resolvingSymlinksInPath().path
        let paths: [(name: String, path: String)]
        do { paths = try NoteOptions.validate(arguments, line: 0) } catch let error as NotesError {
            throw Failure(description: error.message)
        }
        for (name, path) in paths {
            let resolved = directory.appendingPathComponent(path).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(root == "/" ? "/" : root + "/") else {
                throw Failure(description: "--\(name) '\(path)' leads outside the note's directory (through a symbolic link or ..): a note may read only files inside it")
            }
        }
    }

    /// Runs one block's arguments; returns its stdout or throws its first stderr line.
    public func run(_ arguments: [String]) throws -> String {
        try checkPathsStayInside(arguments)
        let result = try ProcessCapture.run(executable, arguments, in: directory, timeLimit: Double(timeLimit))
        if result.timedOut {
            throw Failure(description: "the block ran longer than its time limit of \(timeLimit) s and was stopped (raise it with --block-time-limit SECONDS or \(NoteBudget.timeLimitVariable))")
        }
        guard result.exited, result.status == 0 else {
            let firstLine = String(decoding: result.stderr, as: UTF8.self).split(separator: "\n").first.map(String.init)
            let message = firstLine.map { $0.hasPrefix("ratecalc: ") ? String($0.dropFirst("ratecalc: ".count)) : $0 }
            throw Failure(description: message ?? "ratecalc \(arguments.first ?? "") exited with status \(result.status)")
        }
        guard let text = String(data: result.stdout, encoding: .utf8) else {
            throw Failure(description: "the output is not UTF-8")
        }
        return text
    }
}
