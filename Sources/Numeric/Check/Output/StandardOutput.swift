import Foundation

/// Writes to standard output and fails loudly: a full disk (`/dev/full`) or a closed pipe
/// (when SIGPIPE is ignored) is an error with exit status 2, never a silent success.
public enum StandardOutput {
    /// Writes `text` and flushes; throws if any byte could not be written.
    public static func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, stdout) }
        let flushed = fflush(stdout)
        if written != bytes.count || flushed != 0 || ferror(stdout) != 0 {
            let reason = String(cString: strerror(errno))
            clearerr(stdout)
            throw StandardOutputError(reason: reason)
        }
    }
}

/// Standard output could not be written.
public struct StandardOutputError: Error, CustomStringConvertible, Sendable {
    /// The system's reason (`strerror`).
    public let reason: String
    /// `cannot write the output to standard output: <reason>`.
    public var description: String { "cannot write the output to standard output: \(reason)" }
}
