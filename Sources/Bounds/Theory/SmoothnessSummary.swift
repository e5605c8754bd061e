/// What the theory needs to know about a smoothness, finite or an infinite family: its
/// display form, the two smallest entries (mixed γ) and `ã = Σ 1/a_k` exactly or as a
/// certified enclosure (anisotropic γ).
public struct SmoothnessSummary: Sendable {
    /// The entries as exact strings (finite part), for reports.
    public let entryStrings: [String]
    /// Matrix shape; nil for an infinite family.
    public let rows: Int?
    public let columns: Int?
    /// The smoothness as the user wrote it, canonicalised (e.g. `1,2,poly(c=3,q=2)`).
    public let text: String
    /// `ā_1`, the smallest entry.
    public let smallest: Rational
    /// `ā_2`, the second smallest entry (nil for a single entry).
    public let secondSmallest: Rational?
    /// `ã = Σ_k 1/a_k`; nil when the sum diverges.
    public let reciprocalSum: CertifiedValue?
    /// Why `ã = ∞`, when it is.
    public let divergence: String?
    /// Decides O22 Assumption 12 (weak ℓ^q norm ≤ 1) for a given q, when available.
    public let weakLqCondition: (@Sendable (Rational) -> Condition)?

    public init(entryStrings: [String], rows: Int?, columns: Int?, text: String, smallest: Rational,
                secondSmallest: Rational?, reciprocalSum: CertifiedValue?, divergence: String?,
                weakLqCondition: (@Sendable (Rational) -> Condition)?) {
        self.entryStrings = entryStrings
        self.rows = rows
        self.columns = columns
        self.text = text
        self.smallest = smallest
        self.secondSmallest = secondSmallest
        self.reciprocalSum = reciprocalSum
        self.divergence = divergence
        self.weakLqCondition = weakLqCondition
    }

    /// The summary of a finite smoothness: exact ā_1, ā_2 and ã (balanced summation).
    public init(_ smoothness: Smoothness) {
        let sorted = smoothness.sortedEntries
        self.init(entryStrings: smoothness.entries.map(\.description),
                  rows: smoothness.rows, columns: smoothness.columns,
                  text: smoothness.entries.map(\.description).joined(separator: ","),
                  smallest: sorted[0], secondSmallest: sorted.count > 1 ? sorted[1] : nil,
                  reciprocalSum: CertifiedValue(exact: EffectiveSmoothness.reciprocalSum(smoothness.entries)),
                  divergence: nil,
                  weakLqCondition: { q in WeakLq.condition(sortedEntries: sorted, q: q) })
    }
}
