/// The theorems ratecalc knows (docs/theorems.md): the built-in files shipped in the package
/// (``BuiltInTheoremFiles``), plus any user files added for one call (`--theorems FILE`).
public struct TheoremLibrary: Sendable {
    /// Every source, in citation order.
    public let sources: [Source]
    /// Every theorem, built-in first, in file order.
    public let theorems: [Theorem]
    /// The pairs no theorem covers, with the reason.
    public let uncovered: [UncoveredPair]

    /// The library of the package's own theorem files. They are tested to parse (a failure
    /// here is a bug in a shipped file, not an input error).
    public static let builtIn: TheoremLibrary = {
        var library = TheoremLibrary(sources: [], theorems: [], uncovered: [])
        for (name, text) in BuiltInTheoremFiles.files {
            do { library = try library.adding(text: text, file: name) } catch { preconditionFailure("built-in theorem file \(name): \(error)") }
        }
        return library
    }()

    /// The library with a theorem file's contents added.
    /// - Throws: ``TheoremFileError`` for a malformed file or an id the library already has.
    public func adding(text: String, file: String) throws -> TheoremLibrary {
        let contents = try TheoremFile(text: text, file: file, knownSources: sources, knownIds: theorems.map(\.id),
                                       knownCoverage: theorems.flatMap { theorem in theorem.coverage.map { ($0, theorem.source.key) } })
        return TheoremLibrary(sources: sources + contents.sources, theorems: theorems + contents.theorems,
                              uncovered: uncovered + contents.uncovered)
    }

    /// The theorem with this id.
    public func theorem(id: String) -> Theorem? { theorems.first { $0.id == id } }

    /// The theorem that covers the pair: the one covering it, several combined as
    /// alternatives (``Theorem/combining(_:)``), or nil.
    public func covering(architecture: Architecture, functionClass: FunctionClass) -> Theorem? {
        let pair = Coverage(architecture: architecture, functionClass: functionClass)
        let covering = theorems.filter { $0.coverage.contains(pair) }
        return covering.isEmpty ? nil : Theorem.combining(covering)
    }

    /// Why no theorem covers the pair, when a file says so.
    public func uncoveredPair(architecture: Architecture, functionClass: FunctionClass) -> UncoveredPair? {
        uncovered.first { $0.coverage == Coverage(architecture: architecture, functionClass: functionClass) }
    }

    /// The sources cited by the theorems that cover some architecture, in citation order
    /// (the rate report's source list).
    public var coveringSources: [Source] {
        sources.filter { source in theorems.contains { $0.source == source && !$0.coverage.isEmpty } }
    }
}
