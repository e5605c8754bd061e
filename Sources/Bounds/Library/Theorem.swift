/// How much of a bound ratecalc encodes (docs/formulas.md).
public enum Provenance: String, Sendable, Codable, CaseIterable {
    /// The formula including its polylog factor (and network sizes, where given) is the
    /// theorem's own (O22 Thms 7, 9, 10, 13, 14).
    case stated
    /// The main exponent is exact; the source states the bound up to a polylogarithmic
    /// factor whose exponent ratecalc does not encode. Printed as `Õ(n^{-r})`.
    case upToPolylog = "up-to-polylog"
}

/// A paper that ratecalc draws a bound from (docs/theorems.md, `[[source]]`).
public struct Source: Sendable, Equatable {
    /// Short key used in every report, e.g. `NS24`.
    public let key: String
    /// BibTeX-style citation key for LaTeX output (docs/references.bib); nil for a user's
    /// source, which LaTeX names by its reference instead.
    public let citationKey: String?
    /// Full reference.
    public let reference: String

    /// A source with its key, citation key and reference.
    public init(key: String, citationKey: String?, reference: String) {
        self.key = key
        self.citationKey = citationKey
        self.reference = reference
    }

    /// Every source of the built-in library, in citation order.
    public static var all: [Source] { TheoremLibrary.builtIn.sources }
}

/// A formula of a theorem: the text as the theorem file writes it and its parsed term.
public struct TheoremFormula: Sendable, Equatable {
    /// The text as written, e.g. `2*(a_dagger - v)/(2*(a_dagger - v) + 1)`.
    public let text: String
    /// The parsed expression.
    public let expression: Expression

    /// Parses `text` (docs/theorems.md, "Expressions").
    /// - Throws: ``ExpressionError``.
    public init(_ text: String) throws {
        self.text = text
        self.expression = try ExpressionParser.expression(text)
    }
}

/// One hypothesis of a theorem as its file states it (docs/theorems.md, "Conditions"): a
/// comparison of expressions, or one of the smoothness predicates decided by ratecalc.
public struct Hypothesis: Sendable, Equatable {
    /// What decides it.
    public enum Test: Sendable, Equatable {
        /// `lhs relation rhs`, decided on exact values or certified enclosures.
        case comparison(Comparison)
        /// A property of the smoothness sequence (``SmoothnessPredicate``).
        case predicate(SmoothnessPredicate)
    }
    /// The text as written (the condition's stable name), e.g. `beta > 0`.
    public let text: String
    /// What decides it.
    public let test: Test
    /// Whether the theorem's formulas are defined only where it holds (`domain`): when it
    /// fails or is undecided, no exponent is shown.
    public let definesFormulas: Bool
    /// A theorem number whose alternative hypothesis this is (for an uncovered pair's
    /// listing only; coverage by several theorems assigns these itself).
    public let hypothesisOf: String?

    /// Parses a condition text: a predicate name, else a comparison.
    /// - Throws: ``ExpressionError``.
    public init(_ text: String, definesFormulas: Bool = false, hypothesisOf: String? = nil) throws {
        self.text = text
        if let predicate = SmoothnessPredicate(rawValue: text) {
            test = .predicate(predicate)
        } else {
            test = .comparison(try ExpressionParser.comparison(text))
        }
        self.definesFormulas = definesFormulas
        self.hypothesisOf = hypothesisOf
    }
}

/// What an architecture-based theorem covers: one architecture and function class, for
/// both γ types (docs/theorems.md, `covers`).
public struct Coverage: Sendable, Equatable {
    /// The estimator architecture.
    public let architecture: Architecture
    /// The function class.
    public let functionClass: FunctionClass
}

/// A theorem as a value (docs/theorems.md): what it covers, its parameters, its formulas
/// (rate exponent, level coefficient, approximation exponent, polylog exponent), its
/// hypotheses, provenance, source and number. The built-in ones are read from the package's
/// theorem files; `--theorems FILE` adds a user's. Several theorems covering one
/// (architecture, class) combine into one whose ``alternatives`` are their numbers.
public struct Theorem: Sendable, Equatable {
    /// Stable id, e.g. `ns24`, `o22-thm10`, `stone1982`.
    public let id: String
    /// The paper the theorem is from.
    public let source: Source
    /// The theorem as reports name it (e.g. `Theorem 10 (CNN, Assumption 8)`, or by content
    /// where the numbering differs between the paper's versions).
    public let name: String
    /// The source's number, e.g. `Theorem 10`; nil where ratecalc names it by content.
    public let number: String?
    /// Whether the bound is stated exactly or up to a polylog factor.
    public let provenance: Provenance
    /// Where the statement was checked against a published copy; nil: unverified (every
    /// format says so).
    public let verification: String?
    /// The (architecture, class) pairs it gives the rate for; empty for a theorem evaluated
    /// by its parameters (`rate --theorem ID --param …`).
    public let coverage: [Coverage]
    /// What it is about, in a few words (`ratecalc theorems`).
    public let covers: String
    /// Named scalar parameters a user gives with `--param` (smoothness-based theorems: none).
    public let parameters: [String]
    /// The rate exponent r of `E‖f̂ − f°‖² ≲ n^{-r}` (up to polylog factors per provenance).
    public let rate: TheoremFormula
    /// The level coefficient c of `T(n) = c · log₂ n`, when the theorem states a level.
    public let level: TheoremFormula?
    /// The approximation exponent, when stated.
    public let approximation: TheoremFormula?
    /// The polylog exponent κ of `(log n)^κ`, when the source states it.
    public let polylog: TheoremFormula?
    /// The source's label of the network sizes at T(n) (e.g. `Thm 9`), when it states them.
    public let networkSizes: String?
    /// Every hypothesis, `domain` ones first.
    public let hypotheses: [Hypothesis]
    /// Theorem numbers that each give the rate under their own hypotheses (a combined
    /// coverage); empty for a single theorem.
    public let alternatives: [String]
    /// The optional argument of `\cite[…]{key}` (e.g. `Thms.~10, 14`), when numbered.
    public let citationDetail: String?
    /// The theorems a combined coverage is made of, in order (empty for a single theorem).
    public let members: [Theorem]
    /// The γ types a smoothness-based theorem speaks of (empty: both).
    public let gammas: [GammaType]

    /// A theorem with every field; ``TheoremFile`` builds these from a file.
    public init(id: String, source: Source, name: String, number: String?, provenance: Provenance, verification: String?,
                coverage: [Coverage], covers: String, parameters: [String], rate: TheoremFormula, level: TheoremFormula?,
                approximation: TheoremFormula?, polylog: TheoremFormula?, networkSizes: String?, hypotheses: [Hypothesis],
                alternatives: [String] = [], citationDetail: String?, members: [Theorem] = [], gammas: [GammaType] = []) {
        self.id = id
        self.source = source
        self.name = name
        self.number = number
        self.provenance = provenance
        self.verification = verification
        self.coverage = coverage
        self.covers = covers
        self.parameters = parameters
        self.rate = rate
        self.level = level
        self.approximation = approximation
        self.polylog = polylog
        self.networkSizes = networkSizes
        self.hypotheses = hypotheses
        self.alternatives = alternatives
        self.citationDetail = citationDetail
        self.members = members
        self.gammas = gammas
    }

    /// Whether a published copy of the source was found and the statement checked against it.
    public var isVerified: Bool { verification != nil }

    /// `Theorem 10` → `Thm 10` (labels such as `O22 Thm 10`).
    public var shortNumber: String? { number.map { $0.replacingOccurrences(of: "Theorem ", with: "Thm ") } }

    /// The theorem that covers `architecture` on `functionClass` in the built-in library
    /// (several combine into alternatives), or nil when none does.
    public static func covering(architecture: Architecture, functionClass: FunctionClass, gamma: GammaType) -> Theorem? {
        TheoremLibrary.builtIn.covering(architecture: architecture, functionClass: functionClass)
    }

    /// Several theorems of one source covering the same pair, as one whose alternatives
    /// are their numbers: name `A or B`, citation `Thms.~10, 14`, the first one's formulas
    /// and provenance; the polylog exponent and network sizes of the first that states them.
    static func combining(_ theorems: [Theorem]) -> Theorem {
        guard theorems.count > 1, let first = theorems.first else { return theorems[0] }
        let numbers = theorems.map { $0.number ?? $0.name }
        let short = numbers.map { $0.hasPrefix("Theorem ") ? String($0.dropFirst("Theorem ".count)) : $0 }
        return Theorem(id: theorems.map(\.id).joined(separator: "+"), source: first.source,
                       name: theorems.map(\.name).joined(separator: " or "), number: nil, provenance: first.provenance,
                       verification: theorems.allSatisfy(\.isVerified) ? first.verification : nil, coverage: first.coverage,
                       covers: first.covers, parameters: first.parameters, rate: first.rate, level: first.level,
                       approximation: first.approximation, polylog: theorems.lazy.compactMap(\.polylog).first,
                       networkSizes: theorems.lazy.compactMap(\.networkSizes).first, hypotheses: first.hypotheses,
                       alternatives: numbers, citationDetail: "Thms.~" + short.joined(separator: ", "), members: theorems)
    }
}

extension Theorem {
    /// The theorem whose statement gives the polylog exponent (a member of a combined coverage, or itself).
    public var polylogStatement: Theorem { members.first { $0.polylog != nil } ?? self }

    /// `\cite[Thms.~10, 14]{key}`, `\cite{key}`, or the reference as text for a source without a citation key.
    public var latexCitation: String {
        guard let key = source.citationKey else { return LaTeXNotation.text(source.reference) }
        return citationDetail.map { "\\cite[\($0)]{\(key)}" } ?? "\\cite{\(key)}"
    }
}
