import Foundation

extension TheoremLibrary {
    /// The library with the theorem file at `path` added (`--theorems FILE`). Only a regular
    /// file is read, and at most ``TheoremFile/maximumBytes`` of it, so that a device or a pipe
    /// cannot make the call hang or grow without bound.
    /// - Throws: ``TheoremFileError`` for an unreadable, oversized or malformed file.
    public func adding(fileAt path: String) throws -> TheoremLibrary {
        let name = SafeText.line(path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            throw TheoremFileError(file: name, line: 0, expected: "a readable regular file (a theorem file, docs/theorems.md)")
        }
        guard let size = attributes[.size] as? Int, size <= TheoremFile.maximumBytes,
              let handle = FileHandle(forReadingAtPath: path) else {
            throw TheoremFileError(file: name, line: 0, expected: "a readable file of at most \(TheoremFile.maximumBytes) bytes")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: TheoremFile.maximumBytes + 1)) ?? Data()
        guard data.count <= TheoremFile.maximumBytes else {
            throw TheoremFileError(file: name, line: 0, expected: "a readable file of at most \(TheoremFile.maximumBytes) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TheoremFileError(file: name, line: 1, expected: "UTF-8 text")
        }
        return try adding(text: text, file: path)
    }

    /// The library with each file added in order.
    public func adding(files paths: [String]) throws -> TheoremLibrary {
        try paths.reduce(self) { try $0.adding(fileAt: $1) }
    }
}
