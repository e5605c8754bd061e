/// The formats of `ratecalc theorems` and `rate --theorem` (text for people, JSON for programs,
/// Typst for documents).
public enum ListingFormat: String, CaseIterable, Sendable {
    /// Aligned plain text.
    case text
    /// One JSON document.
    case json
    /// Typst markup (docs/latex.md, "Typst").
    case typst
}

extension TheoremLibrary {
    /// The listing in `format`, ending with a newline.
    public func listing(_ format: ListingFormat) -> String {
        switch format {
        case .text: listingText()
        case .json: listingJSON().rendered() + "\n"
        case .typst: listingTypst()
        }
    }
}

/// `rate --theorem ID --param …` as the library takes it: which theorem, its parameters, an
/// optional smoothness and the format (docs/theorems.md, "Evaluating one theorem").
public struct TheoremEvaluationRequest: Sendable {
    /// The evaluations, one per γ type for a smoothness-based theorem.
    public let evaluations: [TheoremEvaluation]
    /// The output format.
    public let format: ListingFormat

    /// Looks the theorem up and evaluates it.
    /// - Throws: ``TheoremRequestError`` for an unknown id, a format other than text, JSON or Typst, or bad parameters.
    public init(theorem id: String, library: TheoremLibrary, parameters: TheoremParameters, smoothness: SmoothnessSummary?,
                gammas: [GammaType], p: Rational?, q: Rational?, format: ReportFormat, fieldNames: @escaping FieldNames) throws {
        guard let theorem = library.theorem(id: id) else {
            throw TheoremRequestError.unknownTheorem(id, known: library.theorems.map(\.id))
        }
        guard let listing = ListingFormat(rawValue: format.rawValue) else { throw TheoremRequestError.unsupportedFormat(format.rawValue) }
        self.format = listing
        evaluations = try TheoremEvaluation.evaluate(theorem, parameters: parameters, smoothness: smoothness, gammas: gammas,
                                                     p: p, q: q, fieldNames: fieldNames)
    }

    /// The evaluations in the requested format, ending with a newline.
    public func rendered() -> String {
        switch format {
        case .text: TheoremEvaluation.text(evaluations)
        case .json: TheoremEvaluation.json(evaluations).rendered() + "\n"
        case .typst: TheoremEvaluation.typst(evaluations)
        }
    }
}
