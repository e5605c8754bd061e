import Foundation

/// Output paths checked before any work and written atomically, so that a sweep never
/// runs only to fail at the end, and a failed write never leaves a half-written file or a
/// report on stdout (nothing half-done).
public enum OutputPath {
    /// Refuses a path that cannot be written as a new or replaced regular file: empty, a
    /// directory, a device or other special file, a file in a directory where ratecalc
    /// cannot create a file (tested by creating and removing one), or one of `inputs`.
    public static func validateFile(_ path: String, option: String, inputs: [URL] = []) throws {
        guard !path.isEmpty else { throw OutputPathError(option: option, path: path, reason: "the path is empty") }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw OutputPathError(option: option, path: path, reason: "is a directory") }
            let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) ?? nil
            guard type == .typeRegular || type == .typeSymbolicLink else {
                throw OutputPathError(option: option, path: path, reason: "is not a regular file")
            }
        }
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        if inputs.contains(where: { $0.resolvingSymlinksInPath().standardizedFileURL.path == resolved }) {
            throw OutputPathError(option: option, path: path, reason: "is one of the input files")
        }
        try probeDirectory(url.deletingLastPathComponent(), option: option, path: path)
    }

    /// Refuses a `--out` directory that is empty, is a file, or cannot be created or
    /// written (it is created here if missing).
    public static func validateDirectory(_ path: String, option: String) throws {
        guard !path.isEmpty else { throw OutputPathError(option: option, path: path, reason: "the path is empty") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputPathError(option: option, path: path, reason: "is not a directory")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputPathError(option: option, path: path, reason: "cannot be created (\(FileErrorReason.text(of: error)))")
        }
        try probeDirectory(URL(fileURLWithPath: path, isDirectory: true), option: option, path: path)
    }

    /// Writes `text` to `path` atomically (a temporary file in the same directory, then
    /// a rename): the file is either the old one or the complete new one.
    public static func write(_ text: String, to path: String, option: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw OutputPathError(option: option, path: path, reason: "cannot be written (\(FileErrorReason.text(of: error)))")
        }
    }

    /// Creates and removes a temporary file in `directory`: the atomic write will need one.
    private static func probeDirectory(_ directory: URL, option: String, path: String) throws {
        let probe = directory.appendingPathComponent(".ratecalc-probe-\(getpid())")
        guard FileManager.default.createFile(atPath: probe.path, contents: nil) else {
            throw OutputPathError(option: option, path: path, reason: "cannot be written: cannot create a file in \(directory.path)")
        }
        try? FileManager.default.removeItem(at: probe)
    }
}

/// An output path that cannot be used, as one line: `--plot '/nonexistent/x.svg' cannot be written: …`.
public struct OutputPathError: Error, CustomStringConvertible, Sendable {
    /// What the path was given as (e.g. the flag `--plot`), named first in the message.
    public let option: String
    /// The path as given.
    public let path: String
    /// Why it cannot be used.
    public let reason: String

    /// An error for `path`, given as `option`.
    public init(option: String, path: String, reason: String) {
        self.option = option
        self.path = path
        self.reason = reason
    }

    /// `<option> '<path>' <reason>`.
    public var description: String { "\(option) '\(path)' \(reason)" }
}
