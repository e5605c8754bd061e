/// O22 Assumption 12 for a finite smoothness: the weak ℓ^q norm
/// `‖a‖_{wℓ^q} = sup_j j^q / ā_j ≤ 1`, decided exactly (docs/formulas.md, "Conditions").
public enum WeakLq {
    /// The condition when q is not given: undecided (it depends on q), naming the input q by `fieldName`.
    static func undecidedWithoutQ(fieldName: (InputField) -> String) -> Condition {
        Condition(name: "weak_lq_norm <= 1", displayName: "‖a‖_{wℓ^q} ≤ 1", status: .undecided,
                  detail: "depends on q: give \(fieldName(.q)) to decide it (O22 Assumption 12)", required: false)
    }

    /// Decides `j^q ≤ ā_j` for every j. With `q = u/w` and `ā_j = s/t` in lowest terms,
    /// `j^{u/w} ≤ s/t ⟺ j^u · t^w ≤ s^w`, compared in integers (no rounding).
    /// Entries after the last are +∞ (a finite vector), which never violate the bound.
    public static func condition(sortedEntries: [Rational], q: Rational) -> Condition {
        let name = "weak_lq_norm <= 1"
        let display = "‖a‖_{wℓ^q} ≤ 1"
        guard q.signum > 0, let u = UInt(exactly: q.numerator.intValue ?? -1), let w = UInt(exactly: q.denominator.intValue ?? -1),
              u <= 4096, w <= 4096
        else {
            return Condition(name: name, displayName: display, status: .undecided,
                             detail: "q = \(q) is outside the range decided exactly (numerator and denominator ≤ 4096)", required: false)
        }
        for (index, entry) in sortedEntries.enumerated() {
            // j^u · t^w ≤ s^w, decided from the logarithms unless it is a near-tie.
            guard let sign = PowerComparison.compare([(BigInt(index + 1), u), (entry.denominator, w)], [(entry.numerator, w)]) else {
                return Condition(name: name, displayName: display, status: .undecided,
                                 detail: "deciding j^q ≤ ā_j at j = \(index + 1) exactly needs more than \(PowerComparison.maximumExactBits) bits (work limit, docs/limits.md)",
                                 required: false)
            }
            if sign > 0 {
                return Condition(name: name, displayName: display, status: .fails,
                                 detail: "j^q/ā_j > 1 at j = \(index + 1): \(index + 1)^(\(q)) > ā_\(index + 1) = \(entry) (O22 Assumption 12)",
                                 required: false)
            }
        }
        return Condition(name: name, displayName: display, status: .holds,
                         detail: "j^(\(q)) ≤ ā_j for all j = 1…\(sortedEntries.count) (O22 Assumption 12)", required: false)
    }
}
