import Foundation

/// Runs a program to completion and captures its standard output and error: how
/// `ratecalc notes` runs a block, and how the tests run ratecalc, pandoc and pdflatex.
public struct ProcessCapture: Sendable {
    /// The exit status (or the signal number when `exited` is false).
    public let status: Int32
    /// Whether the program exited normally rather than by a signal.
    public let exited: Bool
    /// Whether the program was killed because it ran longer than its time limit.
    public let timedOut: Bool
    /// Everything the program wrote to standard output.
    public let stdout: Data
    /// Everything the program wrote to standard error.
    public let stderr: Data

    /// Runs `executable` with `arguments`, in `directory` when given, with `environment`
    /// added to the current one; standard input is `input` (empty by default: then nothing is
    /// written; otherwise SIGPIPE is ignored in this process from then on, so that a program
    /// that exits without reading its input cannot kill the caller). With a
    /// `timeLimit` (seconds) the program is killed (SIGKILL) when it runs longer, and
    /// `timedOut` is set.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:], input: Data = Data(),
                           timeLimit: Double? = nil) throws -> ProcessCapture {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.isEmpty ? nil : Pipe()
        if inputPipe != nil { signal(SIGPIPE, SIG_IGN) }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        try process.run()
        let watch = Watch(pid: process.processIdentifier)
        if let timeLimit {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) { watch.expire() }
        }
        // Feed stdin and drain stderr concurrently so that no pipe can fill up and block the child.
        let errorData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let inputPipe {
            group.enter()
            let writer = inputPipe.fileHandleForWriting
            DispatchQueue.global().async {
                try? writer.write(contentsOf: input)
                try? writer.close()
                group.leave()
            }
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let killed = watch.finish()
        let exited = process.terminationReason == .exit
        return ProcessCapture(status: process.terminationStatus, exited: exited,
                              timedOut: killed && !exited, stdout: outputData, stderr: errorData.data)
    }

    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }

    /// Kills the child once when its time is up, unless it has already been reaped (so a
    /// reused process id is never signalled).
    private final class Watch: @unchecked Sendable {
        private let pid: Int32
        private let lock = NSLock()
        private var finished = false
        private var expired = false

        init(pid: Int32) { self.pid = pid }

        func expire() {
            lock.lock()
            defer { lock.unlock() }
            guard !finished else { return }
            expired = true
            kill(pid, SIGKILL)
        }

        /// Marks the child reaped; returns whether it was killed for its time.
        func finish() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            finished = true
            return expired
        }
    }
}
