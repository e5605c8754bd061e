/// What the theory needs to know about a smoothness, finite or an infinite family: its
/// display form, the two smallest entries (mixed γ) and `ã = Σ 1/a_k` exactly or as a
/// certified enclosure (anisotropic γ).
public struct SmoothnessSummary: Sendable {
    /// The entries as exact strings (finite part), for reports.
    public let entryStrings: [String]
    /// Matrix shape; nil for an infinite family.
    public let rows: Int?
    /// Number of features (columns) of a matrix smoothness, `nil` for an infinite family.
    public let columns: Int?
    /// The smoothness as the user wrote it, canonicalised (e.g. `1,2,poly(c=3,q=2)`).
    public let text: String
    /// `ā_1`, the smallest entry (an enclosure when it is an irrational family term).
    public let smallest: CertifiedValue
    /// `ā_2`, the second smallest entry (nil for a single entry).
    public let secondSmallest: CertifiedValue?
    /// `ā_1 < ā_2`, decided exactly; nil for a single entry.
    public let strictGap: Bool?
    /// `ã = Σ_k 1/a_k`; nil when the sum diverges.
    public let reciprocalSum: CertifiedValue?
    /// Why `ã = ∞`, when it is.
    public let divergence: String?
    /// A closed form of the anisotropic a† = 1/ã, when one exists (e.g. `6/π^2`).
    public let anisotropicClosedForm: ClosedForm?
    /// Decides the growth predicates of the sequence for a q (nil: not given), as
    /// ``SmoothnessPredicate`` names them: `a_i = Ω(i^q)`, the weak ℓ^q norm ≤ 1 and
    /// `a_i = Ω(log i)` (O22 Assumptions 8 and 12); details that say how to decide a condition
    /// name the input q by the given field names.
    public let sequenceConditions: (@Sendable (Rational?, (InputField) -> String) -> [Condition])?

    public init(entryStrings: [String], rows: Int?, columns: Int?, text: String, smallest: CertifiedValue,
                secondSmallest: CertifiedValue?, strictGap: Bool?, reciprocalSum: CertifiedValue?, divergence: String?,
                anisotropicClosedForm: ClosedForm? = nil, sequenceConditions: (@Sendable (Rational?, (InputField) -> String) -> [Condition])?) {
        self.entryStrings = entryStrings
        self.rows = rows
        self.columns = columns
        self.text = text
        self.smallest = smallest
        self.secondSmallest = secondSmallest
        self.strictGap = strictGap
        self.reciprocalSum = reciprocalSum
        self.divergence = divergence
        self.anisotropicClosedForm = anisotropicClosedForm
        self.sequenceConditions = sequenceConditions
    }

    /// The summary of a finite smoothness: exact ā_1, ā_2 and ã (balanced summation).
    public init(_ smoothness: Smoothness) {
        let sorted = smoothness.sortedEntries
        self.init(entryStrings: smoothness.entries.map(\.description),
                  rows: smoothness.rows, columns: smoothness.columns,
                  text: smoothness.entries.map(\.description).joined(separator: ","),
                  smallest: CertifiedValue(exact: sorted[0]),
                  secondSmallest: sorted.count > 1 ? CertifiedValue(exact: sorted[1]) : nil,
                  strictGap: smoothness.hasStrictGap,
                  reciprocalSum: CertifiedValue(exact: EffectiveSmoothness.reciprocalSum(smoothness.entries)),
                  divergence: nil,
                  sequenceConditions: { q, fieldName in SmoothnessSequence(head: sorted, tail: nil).growthConditions(q: q, fieldName: fieldName) })
    }
}
