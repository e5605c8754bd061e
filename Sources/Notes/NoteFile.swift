import Foundation

/// Reading and atomically rewriting a note on disk.
public enum NoteFile {
    /// A file that cannot be read or written, as one line.
    public struct FileError: Error, CustomStringConvertible {
        /// The path and what went wrong.
        public let description: String
    }

    /// The file's text: it must be a regular file (not a symbolic link, a device or a pipe)
    /// of at most ``NoteBudget/maximumNoteBytes``, in UTF-8.
    public static func read(_ path: String) throws -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw FileError(description: "\(path): cannot read the file (\(String(cString: strerror(errno))))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK:
            throw FileError(description: "\(path): is a symbolic link; ratecalc notes reads and rewrites only regular files (give the file it points to)")
        default:
            throw FileError(description: "\(path): is not a regular file")
        }
        guard info.st_size <= NoteBudget.maximumNoteBytes else {
            throw FileError(description: "\(path): is \(info.st_size) bytes; a note may have at most \(NoteBudget.maximumNoteBytes)")
        }
        guard let handle = FileHandle(forReadingAtPath: path),
              let data = try? handle.read(upToCount: NoteBudget.maximumNoteBytes + 1) ?? Data() else {
            throw FileError(description: "\(path): cannot read the file")
        }
        try? handle.close()
        guard data.count <= NoteBudget.maximumNoteBytes else {
            throw FileError(description: "\(path): grew beyond \(NoteBudget.maximumNoteBytes) bytes while it was read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileError(description: "\(path): not UTF-8 text")
        }
        return text
    }

    /// The file's device and inode, to tell whether two paths name one note.
    static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// Throws unless the file's permissions allow its owner to write it: a read-only note
    /// is not replaced (the rename would succeed for anyone who may write the directory).
    public static func checkWritable(_ path: String) throws {
        let target = URL(fileURLWithPath: path).path
        let permissions = (try? FileManager.default.attributesOfItem(atPath: target))?[.posixPermissions] as? NSNumber
        guard let permissions, permissions.intValue & 0o200 != 0 else {
            throw FileError(description: "\(path): the file is read-only; nothing was written")
        }
    }

    /// Replaces the file's contents atomically: writes a temporary file beside it with the
    /// same permissions, then renames it over
    /// the original, so a reader sees the old or the new note, never half of one.
    public static func write(_ text: String, to path: String) throws {
        // The note itself is never followed as a link (``read(_:)`` refuses links): the rename
        // replaces the directory entry.
        let given = URL(fileURLWithPath: path)
        let target = given.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(given.lastPathComponent)
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
