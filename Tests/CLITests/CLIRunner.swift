import Foundation

/// Runs the built `ratecalc` binary and captures its output and exit status.
enum CLIRunner {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `ratecalc` executable: `RATECALC_BINARY` if set, else the one built beside the
    /// test bundle (same build directory), else `.build/debug/ratecalc` in the package.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["RATECALC_BINARY"] { return URL(fileURLWithPath: path) }
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].compactMap { $0 }.map { $0.appendingPathComponent("ratecalc") }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fallback = package.appendingPathComponent(".build/debug/ratecalc")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? fallback
    }()

    static func run(_ arguments: [String]) throws -> Output {
        try ExternalTool.run(binary, arguments)
    }

    /// Runs with stdout sent to `standardOutput` (e.g. `/dev/full`) instead of a pipe, in
    /// `directory` when given, with `input` on stdin.
    static func run(_ arguments: [String], standardOutput: FileHandle?, in directory: URL? = nil, input: String = "",
                    environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = stdin
        // A command may exit without reading its input: a broken pipe is not the test's failure.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        // Read before waiting so that a large output cannot fill the pipe and block.
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Runs (with `environment` added to this process's) and parses stdout as a JSON object.
    static func json(_ arguments: [String], environment: [String: String] = [:]) throws -> [String: Any] {
        let output = environment.isEmpty ? try run(arguments + ["--format", "json"])
            : try run(arguments + ["--format", "json"], standardOutput: nil, environment: environment)
        guard output.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        else { throw CLIError.unexpected("status \(output.status): \(output.stderr)") }
        return object
    }

    enum CLIError: Error { case unexpected(String) }
}
