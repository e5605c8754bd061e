/// A theorem file (docs/theorems.md, "Format"): TOML with `[[source]]`, `[[theorem]]` and
/// `[[uncovered]]` tables, read as data only — nothing in it names a path or a program — and
/// bounded in size, counts and expression depth.
public struct TheoremFile: Sendable {
    /// The largest file accepted, in bytes.
    public static let maximumBytes = 262_144
    /// The most theorems in one file.
    public static let maximumTheorems = 200
    /// The most conditions (domain and others) of one theorem.
    public static let maximumConditions = 64
    /// The most parameters of one theorem.
    public static let maximumParameters = 32
    /// The longest string accepted.
    public static let maximumStringLength = 1000
    /// The names every smoothness-based formula may use besides its parameters.
    public static let summaryNames: Set<String> = ["a_dagger", "a_tilde", "a1", "a2", "v", "q", "dim"]

    /// The sources it defines.
    public let sources: [Source]
    /// Its theorems, in file order.
    public let theorems: [Theorem]
    /// The (architecture, class) pairs it says no theorem covers, with the reason.
    public let uncovered: [UncoveredPair]

    /// Reads `text` (the contents of `file`); `knownSources` are sources a `source` key may name,
    /// `knownIds` the ids already taken, `knownCoverage` the pairs already covered and by which source.
    /// - Throws: ``TheoremFileError`` naming the file, line and what was expected.
    public init(text: String, file: String, knownSources: [Source] = [], knownIds: [String] = [],
                knownCoverage: [(Coverage, String)] = []) throws {
        let reader = Reader(file: file)
        guard text.utf8.count <= Self.maximumBytes else { throw reader.error(line: 1, "a file of at most \(Self.maximumBytes) bytes") }
        let table: TOMLSubset.Table
        do {
            table = try TOMLSubset.parse(text)
        } catch let failure as TOMLSubset.Failure {
            throw reader.error(line: failure.line, failure.expected)
        }
        for (key, value) in table.entries where !["source", "theorem", "uncovered"].contains(key) {
            throw reader.error(line: value.line, "a [[source]], [[theorem]] or [[uncovered]] table, not '\(SafeText.line(key))'")
        }
        var sources: [Source] = []
        for entry in try reader.tables(table, "source") {
            let block = Reader.Block(header: "source", table: entry)
            try reader.allowOnly(["key", "citation_key", "reference"], in: entry, block)
            let key = try reader.string(entry, "key", block, pattern: Reader.isKey, what: "letters, digits and '-'")
            sources.append(Source(key: key, citationKey: try reader.optionalString(entry, "citation_key", block, pattern: Reader.isCitationKey,
                                                                                    what: "letters, digits, ':', '_' and '-'"),
                                  reference: try reader.string(entry, "reference", block)))
        }
        let known = sources + knownSources
        var theorems: [Theorem] = []
        let theoremTables = try reader.tables(table, "theorem")
        guard theoremTables.count <= Self.maximumTheorems else {
            throw reader.error(line: 1, "at most \(Self.maximumTheorems) theorems in one file")
        }
        for entry in theoremTables {
            let block = Reader.Block(header: "theorem", table: entry)
            let theorem = try reader.theorem(entry, block, sources: known)
            if theorems.contains(where: { $0.id == theorem.id }) || knownIds.contains(theorem.id) {
                throw reader.error(line: block.line(of: "id"), "a theorem id not already in the library or the file, not '\(theorem.id)'")
            }
            let covered = knownCoverage + theorems.flatMap { other in other.coverage.map { ($0, other.source.key) } }
            for pair in theorem.coverage {
                if let (_, key) = covered.first(where: { $0.0 == pair && $0.1 != theorem.source.key }) {
                    throw reader.error(line: block.line(of: "arch"), "arch and class not already covered by another source (\(key) covers \(pair.architecture.rawValue) on \(pair.functionClass.rawValue); theorems of one source combine as alternatives)")
                }
            }
            theorems.append(theorem)
        }
        var uncovered: [UncoveredPair] = []
        for entry in try reader.tables(table, "uncovered") {
            let block = Reader.Block(header: "uncovered", table: entry)
            try reader.allowOnly(["arch", "class", "reason", "domain", "conditions"], in: entry, block)
            uncovered.append(UncoveredPair(
                coverage: try reader.coverage(entry, block)!,
                reason: try reader.string(entry, "reason", block),
                hypotheses: try reader.hypotheses(entry, block, allowed: Self.summaryNames)))
        }
        self.sources = sources
        self.theorems = theorems
        self.uncovered = uncovered
    }
}

/// An (architecture, class) pair that no theorem covers, with the reason reports give and the
/// conditions they still decide.
public struct UncoveredPair: Sendable, Equatable {
    /// The pair.
    public let coverage: Coverage
    /// Why no theorem covers it.
    public let reason: String
    /// The conditions reports decide for it anyway.
    public let hypotheses: [Hypothesis]
}
