import TOMLKit

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

    /// Reads `text` (the contents of `file`); `knownSources` are sources a `source` key may name.
    /// - Throws: ``TheoremFileError`` naming the file, line and what was expected.
    public init(text: String, file: String, knownSources: [Source] = []) throws {
        let reader = Reader(text: text, file: file)
        guard text.utf8.count <= Self.maximumBytes else { throw reader.error(line: 1, "a file of at most \(Self.maximumBytes) bytes") }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw reader.error(line: max(1, error.source.begin.line), "valid TOML (\(SafeText.line(error.description)))")
        }
        for key in table.keys where !["source", "theorem", "uncovered"].contains(key) {
            throw reader.error(line: reader.line(ofKey: key, in: nil), "a [[source]], [[theorem]] or [[uncovered]] table, not '\(SafeText.line(key))'")
        }
        var sources: [Source] = []
        for (index, entry) in try reader.tables(table, "source").enumerated() {
            let block = Reader.Block(header: "source", index: index)
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
        for (index, entry) in theoremTables.enumerated() {
            let block = Reader.Block(header: "theorem", index: index)
            let theorem = try reader.theorem(entry, block, sources: known)
            if theorems.contains(where: { $0.id == theorem.id }) {
                throw reader.error(line: reader.line(ofKey: "id", in: block), "an id not used before in the file, not '\(theorem.id)'")
            }
            theorems.append(theorem)
        }
        var uncovered: [UncoveredPair] = []
        for (index, entry) in try reader.tables(table, "uncovered").enumerated() {
            let block = Reader.Block(header: "uncovered", index: index)
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
