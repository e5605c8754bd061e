import Foundation

/// Writes to standard output and fails loudly: a full disk (`/dev/full`) or a closed pipe
/// (when SIGPIPE is ignored) is an error with exit status 2, never a silent success.
public enum StandardOutput {
    /// Writes `text` unbuffered (`write(2)` through `FileHandle`, so no C `stdout` state is shared);
    /// throws if any byte could not be written.
    public static func write(_ text: String) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            let code = (error as NSError).domain == NSPOSIXErrorDomain ? Int32((error as NSError).code) : errno
            throw StandardOutputError(reason: String(cString: strerror(code)))
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
