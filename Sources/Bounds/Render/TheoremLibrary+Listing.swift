/// `ratecalc theorems`: every theorem of the library with its source, what it covers, its
/// provenance and whether its statement was checked against a published copy.
extension TheoremLibrary {
    /// One row per theorem, then the sources.
    public func listingText() -> String {
        var table = TextTable()
        table.append("id", "source", "number", "provenance", "verified", "covers")
        for theorem in theorems {
            table.append(theorem.id, theorem.source.key, theorem.number ?? "—", theorem.provenance.rawValue,
                         theorem.isVerified ? "yes" : "UNVERIFIED", theorem.covers.isEmpty ? theorem.name : theorem.covers)
        }
        var lines = table.rendered(indent: "", maximumColumnWidth: 90)
        lines.append("")
        lines.append("sources")
        lines += sources.map { "  \($0.key)  \($0.reference)" }
        let userSources = Set(theorems.map(\.source.key)).subtracting(sources.map(\.key))
        lines += theorems.filter { userSources.contains($0.source.key) }.map(\.source.key).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .map { "  \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"schema_version": 1, "theorems": [...]}` (docs/theorems.md, "Listing").
    public func listingJSON() -> JSONValue {
        .object([("schema_version", .int(1)), ("theorems", .array(theorems.map { $0.json() }))])
    }
}

extension Theorem {
    /// The theorem's statement as JSON: id, source, reference, name, number, coverage,
    /// parameters, formulas, conditions, provenance and verification.
    public func json() -> JSONValue {
        .object([
            ("id", .string(id)),
            ("source", .string(source.key)),
            ("reference", .string(source.reference)),
            ("name", .string(name)),
            ("number", number.map { .string($0) } ?? .null),
            ("covers", .string(covers)),
            ("coverage", .array(coverage.map { .object([("arch", .string($0.architecture.rawValue)), ("class", .string($0.functionClass.rawValue))]) })),
            ("parameters", .array(parameters.map { .string($0) })),
            ("rate", .string(rate.text)),
            ("rate_latex", .string(ExpressionNotation.latex(rate.expression))),
            ("level", level.map { .string($0.text) } ?? .null),
            ("polylog_exponent", polylog.map { .string($0.text) } ?? .null),
            ("conditions", .array(hypotheses.map { hypothesis in
                .object([("condition", .string(hypothesis.text)), ("domain", .bool(hypothesis.definesFormulas)), ("latex", .string(hypothesis.latex))])
            })),
            ("provenance", .string(provenance.rawValue)),
            ("verified", .bool(isVerified)),
            ("verification", verification.map { .string($0) } ?? .null),
        ])
    }
}

extension Hypothesis {
    /// The hypothesis in LaTeX math.
    public var latex: String {
        switch test {
        case .comparison(let comparison): return ExpressionNotation.latex(comparison)
        case .predicate(let predicate): return predicate.latex
        }
    }
}
