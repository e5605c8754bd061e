/// One hypothesis of a theorem, decided exactly (docs/formulas.md, "Conditions").
///
/// A condition is either required by every theorem that covers the result (`required`),
/// part of one of several alternative hypotheses (`hypothesisOf`: O22's Theorem 10 needs
/// Assumption 8, Theorem 14 needs Assumption 12, and either gives the rate), or
/// informational (neither).
public struct Condition: Sendable, Equatable {
    /// Whether the hypothesis holds for the given smoothness.
    public enum Status: String, Sendable {
        case holds
        case fails
        case notApplicable = "not applicable"
        /// An enclosure straddles the threshold at the requested precision.
        case undecided
    }

    /// Stable machine name, e.g. `a_dagger > v` (used in JSON and tests).
    public let name: String
    /// The same, in mathematical notation for people (`a† > v`).
    public let displayName: String
    /// Whether it holds, fails, is undecided at the precision, or does not apply.
    public let status: Status
    /// The exact numbers behind the decision, e.g. `4/7 > 0`.
    public let detail: String
    /// Whether the rate theorem needs this hypothesis (a failing required condition means
    /// the theorem does not apply).
    public let required: Bool
    /// The theorem whose alternative hypothesis this condition belongs to (e.g.
    /// `Theorem 10`); that theorem proves the rate when all of its conditions hold.
    public let hypothesisOf: String?
    /// The condition in LaTeX math (`a^\dagger > v`), from its theorem file or predicate.
    public let latex: String?

    /// A decided condition; `required` conditions are hypotheses of the theorem, `hypothesisOf`
    /// names the theorem whose alternative hypothesis it belongs to.
    public init(name: String, displayName: String, status: Status, detail: String, required: Bool = true,
                hypothesisOf: String? = nil, latex: String? = nil) {
        self.name = name
        self.displayName = displayName
        self.status = status
        self.detail = detail
        self.required = required && hypothesisOf == nil
        self.hypothesisOf = hypothesisOf
        self.latex = latex
    }

    /// The same condition as part of `theorem`'s alternative hypothesis.
    public func hypothesis(of theorem: String) -> Condition {
        Condition(name: name, displayName: displayName, status: status, detail: detail, required: false, hypothesisOf: theorem, latex: latex)
    }

    /// The same condition with the role a theorem gives it and its LaTeX.
    func assigned(required: Bool, hypothesisOf: String?, latex: String?) -> Condition {
        Condition(name: name, displayName: displayName, status: status, detail: detail, required: required,
                  hypothesisOf: hypothesisOf, latex: latex ?? self.latex)
    }

    /// Whether the condition does not stand in the way of a proof (holds, or does not apply).
    public var isSatisfied: Bool { status == .holds || status == .notApplicable }

    /// How a reader should take the condition: `required`, `hypothesis of Theorem 10`, or
    /// `informational`.
    public var role: String {
        if required { return "required" }
        return hypothesisOf.map { "hypothesis of \($0)" } ?? "informational"
    }

    /// `holds` as JSON wants it: true, false, or nil (not applicable / undecided).
    public var holds: Bool? {
        switch status {
        case .holds: return true
        case .fails: return false
        case .notApplicable, .undecided: return nil
        }
    }
}
