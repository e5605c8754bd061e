import Bounds
import Foundation
import ProcessIO

/// `ratecalc merge DIR…`: combines the shard files of one check into the inputs of a
/// ``CheckReport``.
public enum CheckMerge {
    /// Reads every `shard-*.json` in each directory (or the file itself if a path is a
    /// file), checks that settings, target and theory rate agree with the first shard read
    /// (the error names the offending file and the differing field), unions the runs
    /// (identical duplicates dropped, conflicting duplicates an error) and sorts them
    /// canonically (estimator in settings order, n, replicate).
    /// - Throws: ``CheckMergeError``.
    ///
    /// With `requireComplete`, runs the settings plan but no shard holds are an error
    /// (``CheckMergeError/incomplete(_:)``, naming the shards that owe them and the runs).
    public static func load(_ paths: [URL], requireComplete: Bool = false) throws -> (settings: CheckSettings, target: CheckTargetSummary, theoryRate: Rational, runs: [CheckRunRecord]) {
        let loaded = try loadWithGap(paths)
        if requireComplete, let gap = loaded.gap { throw CheckMergeError.incomplete(gap) }
        return loaded.merged
    }

    /// ``load(_:requireComplete:)`` that also returns what is missing (`nil` when complete).
    public static func loadWithGap(_ paths: [URL]) throws -> (merged: (settings: CheckSettings, target: CheckTargetSummary, theoryRate: Rational, runs: [CheckRunRecord]), gap: CheckMergeGap?) {
        let (merged, gap, _) = try loadWithMachines(paths)
        return (merged, gap)
    }

    /// ``loadWithGap(_:)`` with the distinct machines the shards ran on (in file order).
    public static func loadWithMachines(_ paths: [URL]) throws -> (merged: (settings: CheckSettings, target: CheckTargetSummary, theoryRate: Rational, runs: [CheckRunRecord]), gap: CheckMergeGap?, machines: [CheckMachine]) {
        var machines: [CheckMachine] = []
        let files = try shardFiles(paths)
        guard !files.isEmpty else { throw CheckMergeError.noShards(path: paths.map(\.path).joined(separator: ", ")) }
        var reference: (file: String, shard: CheckShardFile)? = nil
        var runs: [CheckRunKey: (file: String, record: CheckRunRecord)] = [:]
        var layoutFiles: [Int: String] = [:]
        for file in files {
            let shard = try CheckShardFile.read(from: file)
            machines = Array(CheckShardWriter.union(machines, Array((shard.machines ?? []).prefix(CheckMerge.maximumMachines)))
                .prefix(CheckMerge.maximumMachines))
            if let reference {
                try compare(shard, with: reference.shard, file: file.path, referenceFile: reference.file)
            } else {
                reference = (file.path, shard)
            }
            if shard.shardCount == reference!.shard.shardCount, shard.balance == reference!.shard.balance {
                layoutFiles[shard.shardIndex] = layoutFiles[shard.shardIndex] ?? file.path
            }
            for record in shard.runs {
                let key = record.key
                if let existing = runs[key] {
                    guard CheckMerge.same(existing.record, record) else {
                        throw CheckMergeError.conflictingRun(file: file.path, other: existing.file, estimator: key.estimator, n: key.n, replicate: key.replicate)
                    }
                } else {
                    runs[key] = (file.path, record)
                }
            }
        }
        let shard = reference!.shard
        let order = CheckReport.estimatorOrder(settings: shard.settings, records: runs.values.map(\.record))
        let sorted = CheckReport.canonicalOrder(runs.values.map(\.record), estimators: order)
        let records = runs.values.map(\.record)
        let gap = try CheckMergeGap.find(settings: shard.settings, runs: records,
                                         layout: (shard.shardCount, shard.balance ?? .count), files: layoutFiles)
        return ((shard.settings, shard.target, try Rational(parsing: shard.theoryRate), sorted), gap, machines)
    }

    /// The most distinct machines a merged report lists (the first ones, in file order), so that
    /// shard files cannot flood the report however many there are.
    static let maximumMachines = 16

    /// ``loadWithGap(_:)`` as the report an unsharded run of the same sweep prints, and the
    /// runs still missing (nil when the shards are complete).
    /// - Throws: ``CheckMergeError``, or the settings' error if their smoothness no longer parses.
    public static func report(_ paths: [URL]) throws -> (report: CheckReport, gap: CheckMergeGap?) {
        let (merged, gap, machines) = try loadWithMachines(paths)
        var report = CheckReport(settings: merged.settings, smoothness: try merged.settings.parsedSmoothness(),
                                 theoryRate: merged.theoryRate, target: merged.target, records: merged.runs)
        report.machines = machines
        return (report, gap)
    }

    /// The shard files named by `paths`, directories expanded to their `shard-*.json`
    /// (sorted by name), each file once.
    public static func shardFiles(_ paths: [URL]) throws -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                throw CheckMergeError.noShards(path: path.path)
            }
            if isDirectory.boolValue {
                let entries: [String]
                do { entries = try FileManager.default.contentsOfDirectory(atPath: path.path) } catch {
                    throw CheckMergeError.unreadable(file: path.path, reason: FileErrorReason.text(of: error))
                }
                let names = entries
                    .filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted()
                guard !names.isEmpty else { throw CheckMergeError.noShards(path: path.path) }
                files += names.map { path.appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        var seen = Set<String>()
        return files.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// Throws ``CheckMergeError/mismatch`` at the first differing field of settings, target
    /// or theory rate (field names as in the shard JSON).
    static func compare(_ shard: CheckShardFile, with reference: CheckShardFile, file: String, referenceFile: String) throws {
        func check(_ field: String, _ ours: String, _ theirs: String) throws {
            if ours != theirs {
                throw CheckMergeError.mismatch(file: file, field: field, reference: referenceFile, ours: ours, theirs: theirs)
            }
        }
        let referenceFields = try fields(of: reference.settings), shardFields = try fields(of: shard.settings)
        for (field, value) in referenceFields {
            try check("settings.\(field)", value, shardFields.first { $0.name == field }?.value ?? "(missing)")
        }
        // Exact backstop: Swift prints doubles with round-trip precision, JSON text may not.
        try check("settings", "\(reference.settings)", "\(shard.settings)")
        try check("target.terms", "\(reference.target.termCount)", "\(shard.target.termCount)")
        try check("target.squared_norm", "\(reference.target.squaredNorm)", "\(shard.target.squaredNorm)")
        try check("target.level", "\(reference.target.level)", "\(shard.target.level)")
        let ours = (try? Rational(parsing: reference.theoryRate))?.description ?? reference.theoryRate
        let theirs = (try? Rational(parsing: shard.theoryRate))?.description ?? shard.theoryRate
        try check("theory_rate", ours, theirs)
    }

    /// Every settings field as its shard-JSON name (the `CodingKeys` of `CheckSettings`) and its
    /// value as text (arrays comma-separated), sorted by name: comparing these covers every
    /// field, including ones added later, without listing them here.
    static func fields(of settings: CheckSettings) throws -> [(name: String, value: String)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let object = try JSONSerialization.jsonObject(with: encoder.encode(settings)) as? [String: Any] else { return [] }
        func text(_ value: Any) -> String {
            (value as? [Any]).map { $0.map(text).joined(separator: ",") } ?? "\(value)"
        }
        return object.keys.sorted().map { ($0, text(object[$0]!)) }
    }

    /// Equal records, with NaN equal to NaN (a diverged run read twice is the same run).
    static func same(_ a: CheckRunRecord, _ b: CheckRunRecord) -> Bool {
        func eq(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return a.estimator == b.estimator && a.n == b.n && a.replicate == b.replicate && eq(a.testMSE, b.testMSE)
            && eq(a.seconds, b.seconds) && a.details.keys.sorted() == b.details.keys.sorted()
            && a.details.allSatisfy { eq($0.value, b.details[$0.key]!) }
    }
}
