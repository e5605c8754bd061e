import Foundation

/// Reading and atomically rewriting a note on disk.
public enum NoteFile {
    /// A file that cannot be read or written, as one line.
    public struct FileError: Error, CustomStringConvertible {
        /// The path and what went wrong.
        public let description: String
    }

    /// The file's text; it must be UTF-8.
    public static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(description: "\(path): cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileError(description: "\(path): not UTF-8 text")
        }
        return text
    }

    /// Throws unless the file's permissions allow its owner to write it: a read-only note
    /// is not replaced (the rename would succeed for anyone who may write the directory).
    public static func checkWritable(_ path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let permissions = (try? FileManager.default.attributesOfItem(atPath: target))?[.posixPermissions] as? NSNumber
        guard let permissions, permissions.intValue & 0o200 != 0 else {
            throw FileError(description: "\(path): the file is read-only; nothing was written")
        }
    }

    /// Replaces the file's contents atomically: writes a temporary file beside it (through
    /// symbolic links, at the real file) with the same permissions, then renames it over
    /// the original, so a reader sees the old or the new note, never half of one.
    public static func write(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).ratecalc-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        let attributes = try? FileManager.default.attributesOfItem(atPath: target.path)
        let permissions = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: permissions]) else {
            throw FileError(description: "\(path): cannot write a temporary file in \(directory.path)")
        }
        // createFile applies the umask; set the original permissions exactly.
        try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FileError(description: "\(path): cannot replace the file (\(reason))")
        }
    }
}
