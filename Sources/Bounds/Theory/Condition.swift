/// One hypothesis of a theorem, decided exactly (SPEC §3 "Conditions").
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

    /// A decided condition; `required` conditions are hypotheses of the theorem.
    public init(name: String, displayName: String, status: Status, detail: String, required: Bool = true) {
        self.name = name
        self.displayName = displayName
        self.status = status
        self.detail = detail
        self.required = required
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
