import Foundation

/// The resumable output of `check --out DIR` (docs/scale-out.md, "Resuming"): the shard file
/// `shard-i-of-N.json` is rewritten after every finished run, atomically (the bytes go to a
/// temporary `.shard-i-of-N.json.partial-PID` in the same directory, are flushed to disk with
/// `fsync`, and the temporary file is renamed over the shard file), so the file on disk is always
/// a complete, valid shard holding every run finished so far — a task killed at any moment loses
/// at most the run in progress.
///
/// When the shard file already exists (a task restarted after a time limit, a preemption or a
/// requeue), it is read and validated like `merge` reads it, must belong to the same sweep and
/// shard (settings, target, theory, index, count and balance), and its runs are kept: ``remaining``
/// are the shard's runs it does not hold yet. Temporary files of an interrupted write are removed.
public struct CheckShardWriter {
    /// The shard file.
    public let file: URL
    /// The shard as on disk: the template's identity and the runs finished so far.
    public private(set) var shard: CheckShardFile
    /// This shard's planned runs that the file does not hold yet, in the planned order.
    public private(set) var remaining: [CheckRunKey]
    /// Runs read back from an existing file.
    public let resumedCount: Int
    /// The position of each planned run: the file holds its runs in this order.
    private let planPosition: [CheckRunKey: Int]

    /// Opens the shard file of `template` (its runs are ignored) in `directory` for the runs
    /// `planned`, creating the directory if needed and resuming an existing file.
    /// - Throws: ``CheckMergeError`` naming the file when an existing file is not a valid shard,
    ///   belongs to another sweep or shard, or holds a run this shard was not assigned.
    public init(directory: URL, template: CheckShardFile, planned: [CheckRunKey]) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let name = CheckShardFile.fileName(index: template.shardIndex, count: template.shardCount)
        file = directory.appendingPathComponent(name)
        Self.removeStalePartials(of: name, in: directory)
        var shard = template
        shard.runs = []
        if FileManager.default.fileExists(atPath: file.path) {
            let existing = try CheckShardFile.read(from: file)
            try CheckMerge.compare(existing, with: template, file: file.path, referenceFile: "this check")
            for (field, ours, theirs) in [("shard_index", "\(template.shardIndex)", "\(existing.shardIndex)"),
                                          ("shard_count", "\(template.shardCount)", "\(existing.shardCount)"),
                                          ("balance", (template.balance ?? .count).rawValue, (existing.balance ?? .count).rawValue)]
            where ours != theirs {
                throw CheckMergeError.mismatch(file: file.path, field: field, reference: "this check", ours: ours, theirs: theirs)
            }
            let assigned = Set(planned)
            for record in existing.runs where !assigned.contains(record.key) {
                throw CheckMergeError.notAShard(file: file.path, reason: "run (\(record.key)) is not one of this shard's runs")
            }
            shard.runs = existing.runs
            shard.machines = Self.union(existing.machines ?? [], template.machines ?? [])
        }
        let done = Set(shard.runs.map(\.key))
        planPosition = Dictionary(planned.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.shard = shard
        self.resumedCount = shard.runs.count
        self.remaining = planned.filter { !done.contains($0) }
    }

    /// `first` then the machines of `second` it lacks.
    static func union(_ first: [CheckMachine], _ second: [CheckMachine]) -> [CheckMachine] {
        first + second.filter { !first.contains($0) }
    }

    /// Adds a finished run and rewrites the file atomically. The runs are kept in plan order
    /// whatever order they finish in (several runs at once), so a finished shard's file is the
    /// same bytes however it was run.
    public mutating func append(_ record: CheckRunRecord) throws {
        shard.runs.append(record)
        let position = planPosition
        shard.runs.sort { (position[$0.key] ?? .max) < (position[$1.key] ?? .max) }
        remaining.removeAll { $0 == record.key }
        try write()
    }

    /// Writes the shard as it is now (atomically; see the type's documentation).
    public func write() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try Self.writeDurably(try encoder.encode(shard), to: file)
    }

    /// `data` to a temporary file beside `file`, `fsync`, rename over `file`, `fsync` the directory.
    static func writeDurably(_ data: Data, to file: URL) throws {
        let directory = file.deletingLastPathComponent()
        let partial = directory.appendingPathComponent(".\(file.lastPathComponent).partial-\(getpid())")
        let descriptor = open(partial.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw posixError() }
        var failure: Error? = nil
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; failure = posixError(); return }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = posixError() }
        close(descriptor)
        if failure == nil, rename(partial.path, file.path) != 0 { failure = posixError() }
        if let failure {
            unlink(partial.path)
            throw failure
        }
        let directoryDescriptor = open(directory.path, O_RDONLY)
        if directoryDescriptor >= 0 { _ = fsync(directoryDescriptor); close(directoryDescriptor) }
    }

    /// Removes `.NAME.partial-*` files left by a write that was killed before its rename.
    static func removeStalePartials(of name: String, in directory: URL) {
        let prefix = ".\(name).partial-"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for entry in entries where entry.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(entry))
        }
    }

    private static func posixError() -> Error {
        NSError(domain: NSPOSIXErrorDomain, code: Int(errno))
    }
}
