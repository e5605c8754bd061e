/// `--format text`: an aligned report for people — exact value and a decimal side by side,
/// the source and provenance, and the conditions.
extension RateReport {
    /// The report as lines of text.
    public func text() -> String {
        var lines: [String] = []
        lines.append("smoothness  a = (\(RateReport.abbreviatedEntries(request.smoothness)))" + RateReport.shape(request.smoothness))
        let pText = request.p.map { "p = \($0)" } ?? "p ≥ 2 (not given)"
        lines.append("integrability  \(pText), v = (1/p − 1/2)₊ = \(v)" + (request.q.map { ",  q = \($0)" } ?? ""))
        if request.architectures.count > 1 {
            lines.append("")
            lines += overviewTable()
        } else {
            for result in results {
                lines.append("")
                lines += RateReport.textBlock(result, fieldNames: fieldNames)
            }
        }
        lines.append("")
        lines.append("sources")
        lines += library.coveringSources.map { "  \($0.key)  \($0.reference)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `--arch all`: one row per (architecture, class, γ), so that equal exponents line up,
    /// then the conditions and notes once per γ type.
    func overviewTable() -> [String] {
        var table = TextTable()
        table.append("architecture", "class", "γ", "source", "provenance", "a†", "r", "≈ r", "bound", "status")
        for result in results {
            table.append(result.architecture.displayName, result.functionClass.rawValue, result.gamma.rawValue,
                         result.theorem.map { "\($0.source.key)" } ?? "none",
                         result.theorem?.provenance.rawValue ?? "—",
                         RateReport.cells(result.aDagger)[0],
                         result.rateExponent.map { RateReport.cells($0)[0] } ?? "—",
                         result.rateExponent.map { $0.midpoint.decimalString(significantDigits: 10) } ?? "",
                         BoundNotation.text(result) ?? "no theorem",
                         result.theorem == nil ? "" : (result.isNotProven ? "NOT PROVEN" : (result.rateExponent == nil ? "" : "proven")))
        }
        var lines = table.rendered()
        for gamma in request.gammas {
            guard let representative = results.first(where: { $0.gamma == gamma && $0.theorem != nil }) ?? results.first(where: { $0.gamma == gamma }) else { continue }
            lines.append("")
            lines.append("\(gamma.rawValue) γ: conditions")
            var conditions = TextTable()
            for condition in representative.conditions {
                conditions.append(condition.status.rawValue, condition.displayName, condition.detail)
            }
            lines += conditions.rendered(indent: "    ")
            if let level = representative.levelCoefficient, let samples = representative.samplesExponent {
                lines.append("    T(n) = \(RateReport.cells(level)[0]) · log₂ n,  samples exponent 1/r = \(RateReport.cells(samples)[0])")
            }
        }
        for result in results where result.hasAlternatives {
            let hypotheses = result.conditions.filter { $0.hypothesisOf != nil }
            guard !hypotheses.isEmpty else { continue }
            lines.append("")
            lines.append("CNN, \(result.gamma.rawValue) γ: \(result.proofStatus)")
            var table = TextTable()
            for condition in hypotheses { table.append(condition.status.rawValue, condition.displayName + " (\(condition.role))", condition.detail) }
            lines += table.rendered(indent: "    ")
        }
        let notes = Set(results.flatMap(\.notes).map { $0 })
        for note in notes.sorted() { lines.append("note: " + note) }
        return lines
    }

    static func textBlock(_ result: RateResult, fieldNames: FieldNames) -> [String] {
        var header = "\(result.architecture.displayName) · \(result.functionClass.rawValue) · \(result.gamma.rawValue) γ"
        if let theorem = result.theorem {
            header += "  —  \(theorem.source.key), \(theorem.name) [\(theorem.provenance.rawValue)]"
        } else {
            header += "  —  no theorem"
        }
        var lines = [header, "  status: " + result.proofStatus]
        var table = TextTable()
        let gammaFormula = result.gamma == .mixed ? "ā₁ (smallest entry)" : "1/ã, ã = Σ 1/a_k"
        table.append(cells: ["a†"] + cells(result.aDagger) + [gammaFormula])
        if let aTilde = result.aTilde { table.append(cells: ["ã"] + cells(aTilde) + [""]) }
        if let rate = result.rateExponent {
            table.append(cells: ["rate exponent r"] + cells(rate) + ["2(a†−v)/(2(a†−v)+1)"])
        } else {
            table.append("rate exponent r", "—", "", "undefined: " + (result.theorem == nil ? "no theorem" : "needs a† > v"))
        }
        if let bound = BoundNotation.text(result) {
            table.append("bound", "E‖f̂ − f°‖² = \(bound)", "", result.theorem?.provenance == .upToPolylog && result.logExponent == nil
                         ? "polylog factor not encoded by the source" : "")
        }
        if let level = result.levelCoefficient {
            table.append(cells: ["level T(n)"] + cells(level, suffix: " · log₂ n") + ["a†/(2(a†−v)+1) · log₂ n"])
        }
        if let samples = result.samplesExponent {
            table.append(cells: ["samples 1/r"] + cells(samples) + ["n(ε) ≍ ε^(−1/r)"])
        }
        if let approximation = result.approximationExponent {
            table.append(cells: ["approximation"] + cells(approximation) + ["‖f − f_T‖₂ ≲ 2^(−(1−v/a†)·T)"])
        }
        if let log = result.logExponent {
            table.append("log exponent k", log.value.description, "≈ " + log.value.decimalString(significantDigits: 10),
                         log.origin == .stated ? "stated: \(result.statedPolylogLabel)" : "user-supplied (\(fieldNames(.logExponent)))")
        }
        if let network = result.networkSize, let label = result.networkSizeLabel {
            let e = cells(network.polynomialExponent)[0]
            table.append("width W", "n^(\(e)) (log n)^(\(network.widthLogExponent))", "", "\(label) at T(n)")
            table.append("filter width W′", "(log n)^(\(network.filterWidthLogExponent))", "", "\(label) at T(n), ∝ T^(1/q)")
            table.append("channels C′", "(log n)^(\(network.channelsLogExponent))", "", "\(label) at T(n), ∝ T^(1/q)")
            table.append("sparsity S", "n^(\(e)) (log n)^(\(network.sparsityLogExponent))", "", "\(label) at T(n)")
            table.append("depth L", "(log n)^(\(network.depthLogExponent))", "", "\(label) at T(n)")
        }
        if let evaluation = result.evaluation {
            table.append("at n = \(evaluation.n)", "n^(−r) ≈ \(format(evaluation.mainTerm))",
                         evaluation.mainTermWithLog.map { "with (log n)^k ≈ \(format($0))" } ?? "",
                         "T(n) ≈ \(evaluation.level.midpoint.decimalString(significantDigits: 9))")
        }
        lines += table.rendered()
        if !result.conditions.isEmpty {
            lines.append("  conditions")
            var conditions = TextTable()
            for condition in result.conditions {
                conditions.append(condition.status.rawValue, condition.displayName + (condition.required ? "" : " (\(condition.role))"), condition.detail)
            }
            lines += conditions.rendered(indent: "    ")
        }
        for note in result.notes { lines.append("  note: " + note) }
        return lines
    }

    /// `[exact, ≈ decimal]`, or for an enclosure `[closed form or "certified enclosure",
    /// ∈ [lo, hi]]` with the ends rounded outward to the digits that show the width.
    static func cells(_ value: CertifiedValue, suffix: String = "") -> [String] {
        if let exact = value.exact {
            return [exact.description + suffix, "≈ " + exact.decimalString(significantDigits: 10) + suffix]
        }
        return [(value.symbolic ?? "certified enclosure") + suffix, "∈ " + value.enclosureText() + suffix]
    }

    /// A magnitude as a short decimal: from the double when one holds it, else `m e E`
    /// from the logarithm (`1.23e-600`).
    static func format(_ value: PositiveMagnitude) -> String {
        if let double = value.doubleValue { return format(double) }
        let (mantissa, exponent) = value.scientific
        return String(Double(Int((mantissa * 1e6).rounded())) / 1e6) + "e" + exponent.description
    }

    static func format(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e6) {
            var text = String(describing: value)
            if let e = text.firstIndex(where: { $0 == "e" }) {
                let mantissa = Double(text[..<e]) ?? value
                text = String(Double(Int((mantissa * 1e6).rounded())) / 1e6) + text[e...]
            }
            return text
        }
        return String(Double(Int((value * 1e9).rounded())) / 1e9)
    }

    static func abbreviatedEntries(_ summary: SmoothnessSummary) -> String {
        if summary.rows == nil { return summary.text }
        let entries = summary.entryStrings
        let rowsText: (ArraySlice<String>) -> String = { slice in
            guard let columns = summary.columns, columns > 1 else { return slice.joined(separator: ", ") }
            return stride(from: slice.startIndex, to: slice.endIndex, by: columns)
                .map { slice[$0..<min($0 + columns, slice.endIndex)].joined(separator: ", ") }
                .joined(separator: "; ")
        }
        if entries.count <= 12 { return rowsText(entries[...]) }
        return entries.prefix(6).joined(separator: ", ") + ", …, " + entries.suffix(2).joined(separator: ", ")
    }

    static func shape(_ summary: SmoothnessSummary) -> String {
        guard let rows = summary.rows, let columns = summary.columns else { return "  (infinite family)" }
        return "  [\(rows) position\(rows == 1 ? "" : "s") × \(columns) feature\(columns == 1 ? "" : "s")]"
    }
}
