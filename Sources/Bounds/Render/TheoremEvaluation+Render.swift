/// `rate --theorem ID --param …` in text and JSON (docs/theorems.md, "Evaluating one theorem").
extension TheoremEvaluation {
    /// `Õ(n^(-1/4))`, `O(n^(-1/4) · (log n)^3)` with a stated polylog exponent, `O(n^(-1/4))` for a stated bound without one.
    public var boundText: String? {
        guard let rate = rateExponent else { return nil }
        let power = rate.exact.map { $0.signum < 0 ? "n^(\(-$0))" : "n^(-\($0))" } ?? "n^(-\(rate.closedForm?.text ?? "r"))"
        if let k = logExponent { return "O(\(power) · (log n)^\(k))" }
        return theorem.provenance == .upToPolylog ? "Õ(\(power))" : "O(\(power))"
    }

    /// The evaluations as lines of text: the theorem, the parameters, then per evaluation
    /// its status, exponents and conditions.
    public static func text(_ evaluations: [TheoremEvaluation]) -> String {
        guard let first = evaluations.first else { return "" }
        let theorem = first.theorem
        var lines = ["theorem  \(theorem.id)  —  \(theorem.source.key)" + (theorem.number.map { ", \($0)" } ?? "")
                     + " [\(theorem.provenance.rawValue)\(theorem.isVerified ? "" : ", UNVERIFIED")]"]
        if !first.parameters.isEmpty {
            lines.append("parameters  " + first.parameters.map { "\($0.name) = \($0.value)" }.joined(separator: ", "))
        }
        for evaluation in evaluations {
            lines.append("")
            if let gamma = evaluation.gamma { lines.append("\(gamma.rawValue) γ") }
            lines.append("  status: " + evaluation.proofStatus)
            var table = TextTable()
            if let rate = evaluation.rateExponent {
                table.append(cells: ["rate exponent r"] + RateReport.cells(rate) + [theorem.rate.text])
            } else {
                table.append("rate exponent r", "—", "", "undefined")
            }
            if let bound = evaluation.boundText {
                table.append("bound", "E‖f̂ − f°‖² = \(bound)", "", theorem.provenance == .upToPolylog ? "polylog factor not encoded by the source" : "")
            }
            if let level = evaluation.levelCoefficient, let formula = theorem.level {
                table.append(cells: ["level T(n)"] + RateReport.cells(level, suffix: " · log₂ n") + [formula.text + " · log₂ n"])
            }
            if let samples = evaluation.samplesExponent {
                table.append(cells: ["samples 1/r"] + RateReport.cells(samples) + ["n(ε) ≍ ε^(−1/r)"])
            }
            lines += table.rendered()
            if !evaluation.conditions.isEmpty {
                lines.append("  conditions")
                var conditions = TextTable()
                for condition in evaluation.conditions { conditions.append(condition.status.rawValue, condition.displayName, condition.detail) }
                lines += conditions.rendered(indent: "    ")
            }
            for note in evaluation.notes { lines.append("  note: " + note) }
        }
        lines.append("")
        lines.append("source  \(theorem.source.reference)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON document: the theorem, the parameters and one result per evaluation, in the
    /// vocabulary of docs/json-schema.md (exact strings beside floats, conditions as in `rate`).
    public static func json(_ evaluations: [TheoremEvaluation]) -> JSONValue {
        guard let first = evaluations.first else { return .null }
        return .object([
            ("schema_version", .int(1)),
            ("theorem", first.theorem.json()),
            ("parameters", .object(first.parameters.map { ($0.name, .string($0.value.description)) })),
            ("results", .array(evaluations.map { evaluation in
                var fields: [(String, JSONValue)] = [
                    ("gamma", evaluation.gamma.map { .string($0.rawValue) } ?? .null),
                    ("rate_exponent", evaluation.rateExponent.map(RateReport.certified) ?? .null),
                    ("T_coefficient", evaluation.levelCoefficient.map(RateReport.certified) ?? .null),
                    ("samples_exponent", evaluation.samplesExponent.map(RateReport.certified) ?? .null),
                    ("log_exponent", evaluation.logExponent.map { .exact($0) } ?? .null),
                    ("theorem_applies", .bool(evaluation.isProven)),
                    ("status", .string(evaluation.proofStatus)),
                    ("bound", evaluation.boundText.map { .string($0) } ?? .null),
                    ("conditions", .array(evaluation.conditions.map(RateReport.json))),
                ]
                if !evaluation.notes.isEmpty { fields.append(("note", .string(evaluation.notes.joined(separator: "; ")))) }
                return .object(fields)
            })),
        ])
    }
}
