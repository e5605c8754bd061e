import Foundation

extension TheoremFile {
    /// Reads typed values out of a parsed file, each error naming the line of its key.
    struct Reader {
        /// A `[[header]]` table and its header name, for messages and lines.
        struct Block {
            let header: String
            let table: TOMLSubset.Table
            /// The line of `key`, else of the table's header.
            func line(of key: String) -> Int { table[key]?.line ?? table.line }
        }

        let file: String

        func error(line: Int, _ expected: String) -> TheoremFileError {
            TheoremFileError(file: SafeText.line(file), line: line, expected: expected)
        }

        func tables(_ table: TOMLSubset.Table, _ key: String) throws -> [TOMLSubset.Table] {
            guard let value = table[key] else { return [] }
            guard let array = value.array else { throw error(line: value.line, "[[\(key)]] tables (an array of tables)") }
            return try array.map { element in
                guard let entry = element.table else { throw error(line: value.line, "[[\(key)]] tables (an array of tables)") }
                return entry
            }
        }

        func allowOnly(_ keys: [String], in entry: TOMLSubset.Table, _ block: Block) throws {
            for key in entry.keys where !keys.contains(key) {
                throw error(line: block.line(of: key), "one of the keys \(keys.joined(separator: ", ")) in [[\(block.header)]], not '\(SafeText.line(key))'")
            }
        }

        static func isKey(_ text: String) -> Bool {
            !text.isEmpty && text.count <= 40 && text.unicodeScalars.allSatisfy { $0.isASCII && (($0.properties.isAlphabetic || ("0"..."9").contains($0)) || $0 == "-") }
        }
        static func isCitationKey(_ text: String) -> Bool {
            !text.isEmpty && text.count <= 80 && text.unicodeScalars.allSatisfy { $0.isASCII && (($0.properties.isAlphabetic || ("0"..."9").contains($0)) || ":_-".unicodeScalars.contains($0)) }
        }
        static func isId(_ text: String) -> Bool {
            !text.isEmpty && text.count <= 60 && text.first!.isLetter
                && text.unicodeScalars.allSatisfy { $0.isASCII && (("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-") }
        }

        /// A string of printable text (no control characters, at most the length limit).
        func checkedText(_ text: String, _ key: String, _ block: Block) throws -> String {
            guard text.count <= TheoremFile.maximumStringLength,
                  !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
                                                         || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
                throw error(line: block.line(of: key), "\(key): a line of at most \(TheoremFile.maximumStringLength) printable characters")
            }
            return text
        }

        func optionalString(_ entry: TOMLSubset.Table, _ key: String, _ block: Block, pattern: ((String) -> Bool)? = nil, what: String = "") throws -> String? {
            guard let value = entry[key] else { return nil }
            guard let text = value.string else { throw error(line: block.line(of: key), "\(key) to be a string") }
            if let pattern, !pattern(text) { throw error(line: block.line(of: key), "\(key): \(what), not '\(SafeText.line(String(text.prefix(60))))'") }
            return try checkedText(text, key, block)
        }

        func string(_ entry: TOMLSubset.Table, _ key: String, _ block: Block, pattern: ((String) -> Bool)? = nil, what: String = "") throws -> String {
            guard let text = try optionalString(entry, key, block, pattern: pattern, what: what) else {
                throw error(line: block.line(of: key), "a key \(key) in [[\(block.header)]]")
            }
            return text
        }

        func strings(_ entry: TOMLSubset.Table, _ key: String, _ block: Block, limit: Int) throws -> [String] {
            guard let value = entry[key] else { return [] }
            guard let array = value.array else { throw error(line: block.line(of: key), "\(key) to be an array of strings") }
            guard array.count <= limit else { throw error(line: block.line(of: key), "\(key): at most \(limit) entries") }
            return try array.map { element in
                guard let text = element.string else { throw error(line: block.line(of: key), "\(key) to be an array of strings") }
                return try checkedText(text, key, block)
            }
        }

        func formula(_ entry: TOMLSubset.Table, _ key: String, _ block: Block, allowed: Set<String>) throws -> TheoremFormula? {
            guard let text = try optionalString(entry, key, block) else { return nil }
            do {
                let formula = try TheoremFormula(text)
                try checkNames(formula.expression.variables, key, block, allowed: allowed)
                return formula
            } catch let failure as ExpressionError {
                throw error(line: block.line(of: key), "\(key): an expression (docs/theorems.md), at \(failure)")
            }
        }

        func checkNames(_ names: [String], _ key: String, _ block: Block, allowed: Set<String>) throws {
            if let unknown = names.first(where: { !allowed.contains($0) }) {
                throw error(line: block.line(of: key), "\(key): names that are parameters or smoothness summaries (\(TheoremFile.summaryNames.sorted().joined(separator: ", "))), not '\(unknown)'")
            }
        }

        func hypotheses(_ entry: TOMLSubset.Table, _ block: Block, allowed: Set<String>) throws -> [Hypothesis] {
            var result: [Hypothesis] = []
            for key in ["domain", "conditions"] {
                guard let value = entry[key] else { continue }
                guard let array = value.array else { throw error(line: block.line(of: key), "\(key) to be an array of conditions") }
                guard result.count + array.count <= TheoremFile.maximumConditions else {
                    throw error(line: block.line(of: key), "at most \(TheoremFile.maximumConditions) conditions")
                }
                for element in array {
                    var text = element.string, hypothesisOf: String? = nil
                    if let table = element.table {
                        for inner in table.keys where !["condition", "hypothesis_of"].contains(inner) {
                            throw error(line: block.line(of: key), "\(key): a string or {condition = …, hypothesis_of = …}, not '\(SafeText.line(inner))'")
                        }
                        text = table["condition"]?.string
                        hypothesisOf = try table["hypothesis_of"].map { value in
                            guard let label = value.string else { throw error(line: block.line(of: key), "hypothesis_of to be a string") }
                            return try checkedText(label, key, block)
                        }
                    }
                    guard let text else { throw error(line: block.line(of: key), "\(key): a condition as a string, e.g. \"beta > 0\"") }
                    do {
                        let hypothesis = try Hypothesis(try checkedText(text, key, block), definesFormulas: key == "domain", hypothesisOf: hypothesisOf)
                        if case .comparison(let comparison) = hypothesis.test {
                            try checkNames(comparison.lhs.variables + comparison.rhs.variables, key, block, allowed: allowed)
                        }
                        result.append(hypothesis)
                    } catch let failure as ExpressionError {
                        throw error(line: block.line(of: key),
                                    "\(key): a comparison such as \"beta > 0\" or a smoothness predicate (docs/theorems.md), at '\(SafeText.line(String(text.prefix(60))))' \(failure)")
                    }
                }
            }
            return result
        }

        func coverage(_ entry: TOMLSubset.Table, _ block: Block) throws -> Coverage? {
            let arch = try optionalString(entry, "arch", block), functionClass = try optionalString(entry, "class", block)
            if arch == nil && functionClass == nil && block.header == "theorem" { return nil }
            guard let arch, let architecture = Architecture(rawValue: arch) else {
                throw error(line: block.line(of: "arch"), "arch: one of \(Architecture.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let functionClass, let parsedClass = FunctionClass(rawValue: functionClass) else {
                throw error(line: block.line(of: "class"), "class: one of \(FunctionClass.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return Coverage(architecture: architecture, functionClass: parsedClass)
        }

        func theorem(_ entry: TOMLSubset.Table, _ block: Block, sources: [Source]) throws -> Theorem {
            try allowOnly(["id", "source", "name", "number", "citation_detail", "provenance", "verified", "covers", "arch", "class",
                           "parameters", "gamma", "rate", "level", "approximation", "polylog", "network_sizes", "domain", "conditions"], in: entry, block)
            let id = try string(entry, "id", block, pattern: Reader.isId, what: "lowercase letters, digits and '-', starting with a letter")
            let sourceText = try string(entry, "source", block)
            let source = sources.first { $0.key == sourceText } ?? Source(key: sourceText, citationKey: nil, reference: sourceText)
            let provenanceText = try string(entry, "provenance", block)
            guard let provenance = Provenance(rawValue: provenanceText) else {
                throw error(line: block.line(of: "provenance"), "provenance: stated or up-to-polylog, not '\(SafeText.line(String(provenanceText.prefix(60))))'")
            }
            let parameters = try strings(entry, "parameters", block, limit: TheoremFile.maximumParameters)
            for parameter in parameters {
                guard (try? ExpressionParser.expression(parameter)) == .variable(parameter), !TheoremFile.summaryNames.contains(parameter) else {
                    throw error(line: block.line(of: "parameters"), "parameters: names (letters, digits, '_') other than the summaries, not '\(SafeText.line(String(parameter.prefix(60))))'")
                }
            }
            if Set(parameters).count != parameters.count { throw error(line: block.line(of: "parameters"), "parameters: each name once") }
            let allowed = TheoremFile.summaryNames.union(parameters)
            guard let rate = try formula(entry, "rate", block, allowed: allowed) else {
                throw error(line: block.line(of: "rate"), "a key rate in [[theorem]] (the rate exponent r)")
            }
            let coverage = try self.coverage(entry, block)
            var gammas: [GammaType] = []
            for text in try strings(entry, "gamma", block, limit: 2) {
                guard let gamma = GammaType(rawValue: text) else { throw error(line: block.line(of: "gamma"), "gamma: mixed or anisotropic, not '\(SafeText.line(String(text.prefix(60))))'") }
                gammas.append(gamma)
            }
            return Theorem(id: id, source: source, name: try optionalString(entry, "name", block) ?? id,
                           number: try optionalString(entry, "number", block), provenance: provenance,
                           verification: try optionalString(entry, "verified", block), coverage: coverage.map { [$0] } ?? [],
                           covers: try optionalString(entry, "covers", block) ?? "", parameters: parameters, rate: rate,
                           level: try formula(entry, "level", block, allowed: allowed),
                           approximation: try formula(entry, "approximation", block, allowed: allowed),
                           polylog: try formula(entry, "polylog", block, allowed: allowed),
                           networkSizes: try optionalString(entry, "network_sizes", block),
                           hypotheses: try hypotheses(entry, block, allowed: allowed),
                           citationDetail: try optionalString(entry, "citation_detail", block), gammas: gammas)
        }
    }
}
