/// O22's decay assumptions for a sequence with an infinite tail, decided exactly
/// (docs/formulas.md, "Conditions"): Assumption 8, `a_i = Ω(i^q)`, and Assumption 12,
/// the weak ℓ^q norm `‖a‖_{wℓ^q} = sup_j j^q/ā_j ≤ 1` together with `a_i = Ω(log i)`.
extension SmoothnessSequence {
    /// The most positions compared one by one before a decision is called undecided.
    static let maximumExplicitPositions = 100_000

    /// Assumption 8: `a_i = Ω(i^q)`. A polynomial tail `c·i^{q'}` satisfies it iff `q' ≥ q`;
    /// a geometric tail always does. Without q it is decided for some q > 0 (always true
    /// for the families ratecalc reads).
    func assumption8(q: Rational?, fieldName: (InputField) -> String = InputField.ownNames) -> Condition {
        let name = "a_i = Omega(i^q)", display = "a_i = Ω(i^q)"
        switch tail {
        case .none:
            return Condition(name: name, displayName: display, status: .notApplicable,
                             detail: "a finite vector: the entries beyond position \(head.count) are +∞ (O22 Assumption 8)", required: false)
        case .geometric(_, let r)?:
            return Condition(name: name, displayName: display, status: .holds,
                             detail: "geometric growth r = \(r) > 1 beats every power i^q (O22 Assumption 8)", required: false)
        case .polynomial(_, let exponent)?:
            guard let q else {
                return Condition(name: name, displayName: display, status: .holds,
                                 detail: "for every q ≤ \(exponent), the family exponent (O22 Assumption 8; \(fieldName(.q)) fixes q)", required: false)
            }
            let holds = exponent >= q
            return Condition(name: name, displayName: display, status: holds ? .holds : .fails,
                             detail: "family exponent \(exponent) \(holds ? "≥" : "<") q = \(q) (O22 Assumption 8)", required: false)
        }
    }

    /// Assumption 12's growth condition `a_i = Ω(log i)`: every polynomial or geometric
    /// tail grows faster than log i; a finite vector has `a_i = +∞` beyond its entries.
    func logGrowthCondition() -> Condition {
        let name = "a_i = Omega(log i)", display = "a_i = Ω(log i)"
        guard let tail else {
            return Condition(name: name, displayName: display, status: .notApplicable,
                             detail: "a finite vector: the entries beyond position \(head.count) are +∞ (O22 Assumption 12)", required: false)
        }
        return Condition(name: name, displayName: display, status: .holds,
                         detail: "\(tail.text) grows faster than log i (O22 Assumption 12)", required: false)
    }

    /// The growth predicates of ``SmoothnessPredicate``: Assumption 8, and Assumption 12's
    /// weak ℓ^q norm and log growth. Without q the weak ℓ^q norm is undecided.
    func growthConditions(q: Rational?, fieldName: (InputField) -> String) -> [Condition] {
        let weakLq = q.map { weakLqCondition(q: $0) } ?? WeakLq.undecidedWithoutQ(fieldName: fieldName)
        return [assumption8(q: q, fieldName: fieldName), weakLq, logGrowthCondition()]
    }

    /// Assumption 12 decided exactly. Let `M = max(head)` and `i₀` the first family position
    /// with `a_{i₀} ≥ M`; then exactly `i₀ − 1` entries are smaller, so `ā_j = a_j` for
    /// `j ≥ i₀`. Positions `j < i₀` are checked one by one (`j^{u/w} ≤ ā_j` compared in
    /// integers); for `j ≥ i₀`:
    /// - poly: `j^q ≤ c j^{q'} ⟺ j^{q−q'} ≤ c`: fails if `q > q'`; holds iff `c ≥ 1` if
    ///   `q = q'` (sup = 1/c, the boundary case c = 1 holds); if `q < q'` the left side
    ///   decreases, so checking `j = i₀` decides all;
    /// - geom: `j^q / (c r^{j−1})` decreases once `(1 + 1/j)^q < r`; positions up to that
    ///   point are checked one by one.
    func weakLqCondition(q: Rational) -> Condition {
        let name = "weak_lq_norm <= 1", display = "‖a‖_{wℓ^q} ≤ 1"
        func condition(_ status: Condition.Status, _ detail: String) -> Condition {
            Condition(name: name, displayName: display, status: status, detail: detail + " (O22 Assumption 12)", required: false)
        }
        guard let family = tail else {
            return WeakLq.condition(sortedEntries: head.sorted(), q: q)
        }
        guard let u = q.numerator.intValue, let w = q.denominator.intValue, u > 0, u <= 4096, w <= 4096 else {
            return condition(.undecided, "q = \(q) is outside the range decided exactly")
        }
        do {
            return try weakLqCondition(family: family, q: q, u: u, w: w, condition: condition)
        } catch {
            return condition(.undecided, "\(error) (work limit, docs/limits.md)")
        }
    }

    /// The body of ``weakLqCondition(q:)`` for a sequence with a tail; throws when a
    /// comparison exceeds the work limit.
    private func weakLqCondition(family: SmoothnessFamily, q: Rational, u: Int, w: Int,
                                 condition: (Condition.Status, String) -> Condition) throws -> Condition {
        let k = head.count
        // i₀: first family position with a_i ≥ max(head); monotone, so exponential + binary search.
        var firstAbove = k + 1
        if let maximum = head.max(), try Self.decided(family.compareTerm(at: k + 1, with: maximum), position: k + 1) < 0 {
            var low = k + 1, high = k + 2
            while try Self.decided(family.compareTerm(at: high, with: maximum), position: high) < 0 {
                low = high
                high = k + 1 + 2 * (high - k)
                if high - k > Self.maximumExplicitPositions {
                    return condition(.undecided, "the family stays below the listed entries for more than \(Self.maximumExplicitPositions) positions")
                }
            }
            while high - low > 1 {
                let mid = (low + high) / 2
                if try Self.decided(family.compareTerm(at: mid, with: maximum), position: mid) < 0 { low = mid } else { high = mid }
            }
            firstAbove = high
        }
        // Positions j < i₀: merge head with a_{k+1} … a_{i₀−1}.
        var entries: [Entry] = head.map { .listed($0) } + (k + 1 < firstAbove ? ((k + 1)..<firstAbove).map { .family($0) } : [])
        try entries.sort { try less($0, $1, family: family) }
        for (index, entry) in entries.enumerated() {
            let j = index + 1
            if !(try powerAtMost(j: j, u: u, w: w, entry: entry, family: family)) {
                return condition(.fails, "j^q/ā_j > 1 at j = \(j) (q = \(q))")
            }
        }
        // Positions j ≥ i₀, where ā_j = a_j.
        switch family {
        case .polynomial(let c, let exponent):
            let delta = q - exponent
            if delta.signum > 0 {
                return condition(.fails, "j^q/ā_j = j^(\(delta))/\(c) → ∞: q = \(q) exceeds the family exponent \(exponent)")
            }
            if delta.isZero {
                let holds = c >= .one
                return condition(holds ? .holds : .fails,
                                 "for j ≥ \(firstAbove), j^q/ā_j = 1/c = \(1 / c) \(holds ? "≤" : ">") 1" + (c == .one ? " (equality: the boundary case)" : ""))
            }
            let holds = try powerAtMost(j: firstAbove, u: u, w: w, entry: .family(firstAbove), family: family)
            return condition(holds ? .holds : .fails,
                             holds ? "j^q ≤ ā_j for all j: checked j < \(firstAbove) one by one; beyond, j^q/ā_j decreases (q < \(exponent))"
                                   : "j^q/ā_j > 1 at j = \(firstAbove)")
        case .geometric(_, let r):
            // (1 + 1/j)^q < r ⟺ (j+1)^u < r^w · j^u.
            var j = firstAbove
            // (j+1)^u · r_d^w < r_n^w · j^u, from the logarithms unless a near-tie.
            while try Self.decided(PowerComparison.compare([(BigInt(j + 1), UInt(u)), (r.denominator, UInt(w))],
                                                           [(r.numerator, UInt(w)), (BigInt(j), UInt(u))]), position: j) >= 0 {
                if !(try powerAtMost(j: j, u: u, w: w, entry: .family(j), family: family)) {
                    return condition(.fails, "j^q/ā_j > 1 at j = \(j)")
                }
                j += 1
                if j - firstAbove > Self.maximumExplicitPositions {
                    return condition(.undecided, "more than \(Self.maximumExplicitPositions) positions before j^q/ā_j decreases")
                }
            }
            let holds = try powerAtMost(j: j, u: u, w: w, entry: .family(j), family: family)
            return condition(holds ? .holds : .fails,
                             holds ? "j^q ≤ ā_j for all j: checked j ≤ \(j) one by one; beyond, j^q/ā_j decreases"
                                   : "j^q/ā_j > 1 at j = \(j)")
        }
    }

    /// `j^{u/w} ≤ entry`, exactly (``PowerComparison``): for a rational `s/t`,
    /// `j^u t^w ≤ s^w`; for a term `c·i^{e}`, `e = s/t`, `j^{u t} c_d^{w t} ≤ c_n^{w t} i^{s w}`;
    /// for `c·r^{i−1}`, `j^u (c_d r_d^{i−1})^w ≤ (c_n r_n^{i−1})^w`.
    private func powerAtMost(j: Int, u: Int, w: Int, entry: Entry, family: SmoothnessFamily) throws -> Bool {
        let bigJ = BigInt(j), uu = UInt(u), ww = UInt(w)
        let sign: Int?
        switch entry {
        case .listed(let x):
            sign = PowerComparison.compare([(bigJ, uu), (x.denominator, ww)], [(x.numerator, ww)])
        case .family(let i):
            switch family {
            case .polynomial(let c, let e):
                let s = UInt(e.numerator.intValue!), t = UInt(e.denominator.intValue!)
                sign = PowerComparison.compare([(bigJ, uu * t), (c.denominator, ww * t)], [(c.numerator, ww * t), (BigInt(i), s * ww)])
            case .geometric(let c, let r):
                let k = UInt(i - 1)
                sign = PowerComparison.compare([(bigJ, uu), (c.denominator, ww), (r.denominator, k * ww)],
                                               [(c.numerator, ww), (r.numerator, k * ww)])
            }
        }
        return try Self.decided(sign, position: j) <= 0
    }
}
