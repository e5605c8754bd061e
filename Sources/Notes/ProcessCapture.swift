import Foundation

/// Runs a program to completion and captures its standard output and error: how
/// `ratecalc notes` runs a block, and how the tests run ratecalc, pandoc and pdflatex.
public struct ProcessCapture: Sendable {
    /// The exit status (or the signal number when `exited` is false).
    public let status: Int32
    /// Whether the program exited normally rather than by a signal.
    public let exited: Bool
    /// Everything the program wrote to standard output.
    public let stdout: Data
    /// Everything the program wrote to standard error.
    public let stderr: Data

    /// Runs `executable` with `arguments`, in `directory` when given, with `environment`
    /// added to the current one; standard input is empty.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> ProcessCapture {
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
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr concurrently so that neither pipe can fill up and block the child.
        let errorData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessCapture(status: process.terminationStatus, exited: process.terminationReason == .exit,
                              stdout: outputData, stderr: errorData.data)
    }

    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
