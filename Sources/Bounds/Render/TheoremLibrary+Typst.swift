/// `ratecalc theorems --format typst` and `rate --theorem ID --format typst`: the listing and one
/// theorem's evaluation as Typst markup, with the UNVERIFIED mark of the text format and every
/// string of a theorem file escaped by ``TypstNotation/text(_:)`` (docs/theorems.md).
extension TheoremLibrary {
    /// One `#table` row per theorem (id, source, number, provenance, verified, covers), then the sources.
    public func listingTypst() -> String {
        let text = TypstNotation.text
        let rows = theorems.map { theorem in
            [text(theorem.id), "\(text(theorem.source.key)) \(TypstNotation.bibliographyReference(theorem))", text(theorem.number ?? "—"),
             text(theorem.provenance.rawValue), theorem.isVerified ? "yes" : "*UNVERIFIED*", text(theorem.covers.isEmpty ? theorem.name : theorem.covers)]
        }
        var lines = [TypstNotation.heading("the theorem library", cites: true), ""]
        lines += TypstNotation.table(header: ["id", "source", "number", "provenance", "verified", "covers"], rows: rows,
                                     columns: "(auto, auto, auto, auto, auto, 1fr)")
        lines += ["", "Sources: " + sources.map { "*\(text($0.key))* \(text($0.reference)) \(TypstNotation.citation($0))" }.joined(separator: "; ") + "."]
        return lines.joined(separator: "\n") + "\n"
    }
}

extension TheoremEvaluation {
    /// The bound in Typst math: `tilde(O)(n^(-1\/4))`, `O(n^(-1\/4) (log n)^(3))`, `O(n^(-1\/4))`.
    var boundTypst: String? {
        guard let rate = rateExponent else { return nil }
        let exponent = rate.exact.map { $0.signum < 0 ? TypstNotation.number(-$0) : "-" + TypstNotation.number($0) }
            ?? "-" + (rate.closedForm?.text ?? "r")
        let power = "n^(\(exponent.replacingOccurrences(of: "/", with: "\\/")))"
        if let k = logExponent { return "O(\(power) (log n)^(\(TypstNotation.number(k))))" }
        return theorem.provenance == .upToPolylog ? "tilde(O)(\(power))" : "O(\(power))"
    }

    /// The evaluations as Typst: the theorem (UNVERIFIED when its statement was not checked), the
    /// parameters, then per evaluation its status, exponents, bound and conditions.
    public static func typst(_ evaluations: [TheoremEvaluation]) -> String {
        guard let first = evaluations.first else { return "" }
        let theorem = first.theorem, text = TypstNotation.text
        var lines = [TypstNotation.heading("theorem \(theorem.id)", cites: true),
                     "*\(text(theorem.id))*: \(text(theorem.source.key))" + (theorem.number.map { ", \(text($0))" } ?? "") + " \(TypstNotation.citation(theorem)), "
                        + text(theorem.provenance.rawValue) + (theorem.isVerified ? "" : ", *UNVERIFIED*") + "."]
        if !first.parameters.isEmpty {
            lines.append("Parameters: " + first.parameters.map { "\(text($0.name)) = $\(TypstNotation.number($0.value))$" }.joined(separator: ", ") + ".")
        }
        for evaluation in evaluations {
            lines.append("")
            var head = "- " + (evaluation.gamma.map { "\($0.rawValue) $gamma$: " } ?? "") + "*\(text(evaluation.proofStatus))*"
            if evaluation.rateExponent != nil && !evaluation.isProven { head += " *(not proven)*" }
            var items = ["rate exponent $r$ = " + (evaluation.rateExponent.map { TypstNotation.valueWithDecimal($0) } ?? "undefined") + " (\(text(theorem.rate.text)))"]
            if let bound = evaluation.boundTypst { items.append("bound $EE norm(hat(f) - f^circle.small)^2 = \(bound)$") }
            if let level = evaluation.levelCoefficient { items.append("level $T(n)$ = " + TypstNotation.valueWithDecimal(level) + " $dot log_2 n$") }
            if let samples = evaluation.samplesExponent { items.append("samples $n(epsilon) asymp epsilon^(-1\\/r)$, $1\\/r$ = " + TypstNotation.valueWithDecimal(samples)) }
            if !evaluation.conditions.isEmpty { items.append("conditions: " + evaluation.conditions.map(TypstNotation.condition).joined(separator: "; ")) }
            items += evaluation.notes.map { "note: " + text($0) }
            lines += [head] + items.map { "  - " + $0 }
        }
        lines += ["", "Source: \(text(theorem.source.reference))."]
        return lines.joined(separator: "\n") + "\n"
    }
}
