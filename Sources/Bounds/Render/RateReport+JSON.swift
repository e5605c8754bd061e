/// `--format json`: the contract of docs/json-schema.md, schema_version 1.
extension RateReport {
    /// The report as an ordered JSON document (docs/json-schema.md). Exact numbers are strings in
    /// lowest terms beside a float; enclosures have `exact: null` with `lower`/`upper`
    /// (and `symbolic` where known) and `approx` the midpoint.
    public func json() -> JSONValue {
        let summary = request.smoothness
        var smoothness: [(String, JSONValue)] = [("entries", .array(summary.entryStrings.map { .string($0) })),
                                                 ("rows", summary.rows.map { .int($0) } ?? .null),
                                                 ("columns", summary.columns.map { .int($0) } ?? .null)]
        if summary.rows == nil { smoothness.append(("text", .string(summary.text))) }
        return .object([
            ("schema_version", .int(1)),
            ("smoothness", .object(smoothness)),
            ("p", request.p.map { .string($0.description) } ?? .null),
            ("q", request.q.map { .string($0.description) } ?? .null),
            ("v", .exact(v)),
            ("n", request.n.map { .string($0.description) } ?? .null),
            ("results", .array(results.map(RateReport.json))),
        ])
    }

    static func json(_ result: RateResult) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("gamma", .string(result.gamma.rawValue)),
            ("arch", .string(result.architecture.rawValue)),
            ("class", .string(result.functionClass.rawValue)),
            ("source", result.theorem.map { .string($0.source.key) } ?? .null),
            ("theorem", result.theorem.map { .string($0.name) } ?? .null),
            ("provenance", result.theorem.map { .string($0.provenance.rawValue) } ?? .null),
            ("a_dagger", certified(result.aDagger)),
        ]
        if let aTilde = result.aTilde { fields.append(("a_tilde", certified(aTilde))) }
        fields += [
            ("rate_exponent", result.rateExponent.map(certified) ?? .null),
            ("T_coefficient", result.levelCoefficient.map(certified) ?? .null),
            ("samples_exponent", result.samplesExponent.map(certified) ?? .null),
            ("approximation_exponent", result.approximationExponent.map(certified) ?? .null),
            ("log_exponent", result.logExponent.map { .exact($0.value) } ?? .null),
            ("log_exponent_origin", result.logExponent.map { .string($0.origin.rawValue) } ?? .null),
            ("theorem_applies", .bool(result.theoremApplies)),
            ("proven_by", .array(result.provenBy.map { .string($0) })),
            ("bound", BoundNotation.text(result).map { text in
                .object([("text", .string(text)), ("latex", .string(BoundNotation.latex(result) ?? ""))])
            } ?? .null),
            ("conditions", .array(result.conditions.map(json))),
        ]
        if !result.notes.isEmpty { fields.append(("note", .string(result.notes.joined(separator: "; ")))) }
        if let network = result.networkSize, let label = result.networkSizeLabel {
            fields.append(("network_size", .object([
                ("source", .string(label)),
                ("n_exponent", certified(network.polynomialExponent)),
                ("width_log_exponent", .exact(network.widthLogExponent)),
                ("sparsity_log_exponent", .exact(network.sparsityLogExponent)),
                ("depth_log_exponent", .exact(network.depthLogExponent)),
                ("filter_width_log_exponent", .exact(network.filterWidthLogExponent)),
                ("channels_log_exponent", .exact(network.channelsLogExponent)),
            ])))
        }
        if let evaluation = result.evaluation {
            fields.append(("at_n", .object([
                ("n", .string(evaluation.n.description)),
                ("main_term", evaluation.mainTerm.doubleValue.map { .double($0) } ?? .null),
                ("main_term_log10", .string(evaluation.mainTerm.log10Midpoint.decimalString(significantDigits: 10))),
                ("main_term_with_log", evaluation.mainTermWithLog.flatMap(\.doubleValue).map { .double($0) } ?? .null),
                ("T", .approximate(evaluation.level.midpoint)),
            ])))
        }
        return .object(fields)
    }

    /// A decided condition: name, holds, status, required, hypothesis_of, role and detail.
    static func json(_ condition: Condition) -> JSONValue {
        .object([("name", .string(condition.name)),
                 ("holds", condition.holds.map { .bool($0) } ?? .null),
                 ("status", .string(condition.status.rawValue)),
                 ("required", .bool(condition.required)),
                 ("hypothesis_of", condition.hypothesisOf.map { .string($0) } ?? .null),
                 ("role", .string(condition.role)),
                 ("detail", .string(condition.detail))])
    }

    /// `{"exact": …, "approx": …}` or, for an enclosure,
    /// `{"exact": null, "lower": …, "upper": …, "symbolic": …, "approx": midpoint}`.
    static func certified(_ value: CertifiedValue) -> JSONValue {
        if let exact = value.exact { return .exact(exact) }
        var fields: [(String, JSONValue)] = [("exact", .null),
                                             ("lower", .string(value.lower.description)),
                                             ("upper", .string(value.upper.description))]
        if let form = value.closedForm {
            fields.append(("symbolic", .string(form.text)))
            fields.append(("symbolic_latex", .string(form.latexInline)))
        }
        fields.append(("approx", .approximate(value.midpoint)))
        return .object(fields)
    }
}
