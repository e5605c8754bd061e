/// What the theory needs from a smoothness sequence with an infinite tail (docs/families.md):
/// the two smallest entries, `ã = Σ 1/a_k` exactly (geometric) or as a certified
/// enclosure (polynomial), its symbolic form when ζ(q) has one, and O22's assumptions.
extension SmoothnessSequence {
    /// One entry of the merged, sorted view: a head entry or the family term at position i.
    enum Entry {
        case listed(Rational)
        case family(Int)
    }

    /// The summary, with enclosures of width at most `width` for a† (and so for r).
    /// - Throws: ``SmoothnessParseError`` for a sequence without entries.
    public func summary(width: Rational) throws -> SmoothnessSummary {
        guard let family = tail else {
            return SmoothnessSummary(try Smoothness(entries: head, rows: head.count, columns: 1))
        }
        let digits = ZetaTail.decimalDigits(for: width) + 6
        let (first, second, gap) = try twoSmallest(family: family, digits: digits)
        let headSum = head.isEmpty ? Rational.zero : EffectiveSmoothness.reciprocalSum(head)
        var reciprocalSum: CertifiedValue? = nil
        var divergence: String? = nil
        var closedForm: ClosedForm? = nil
        switch family {
        case .geometric(let c, let r):
            // Σ_{i>k} 1/(c r^{i−1}) = r^{−k} · r / (c (r − 1)).
            let k = head.count
            let tailSum = r.power(-k) * r / (c * (r - 1))
            reciprocalSum = CertifiedValue(exact: headSum + tailSum)
        case .polynomial(let c, let q):
            if q <= .one {
                divergence = "Σ 1/(c·i^q) diverges for q = \(q) ≤ 1 (anisotropic smoothness needs q > 1)"
            } else {
                reciprocalSum = try reciprocalSumOfPolynomial(headSum: headSum, c: c, q: q, width: width)
                // A closed form is shown only while it stays readable.
                closedForm = closedFormOfReciprocalSum(headSum: headSum, c: c, q: q).flatMap { $0.text.count <= 60 ? $0 : nil }
            }
        }
        let sequenceText = text
        let headCopy = head
        return SmoothnessSummary(
            entryStrings: head.map(\.description) + [family.text], rows: nil, columns: nil, text: sequenceText,
            smallest: first, secondSmallest: second, strictGap: gap,
            reciprocalSum: reciprocalSum.map { $0.with(closedForm: closedForm) }, divergence: divergence,
            anisotropicClosedForm: closedForm?.reciprocal,
            sequenceConditions: { q, fieldName in SmoothnessSequence(head: headCopy, tail: family).growthConditions(q: q, fieldName: fieldName) })
    }

    /// ã enclosed so that a† = 1/ã (slope 1/ã²) and the quantities derived from it are
    /// within `width`: the tail `Z = Σ_{i>k} i^{-q}` is computed to width
    /// `width · ã_lo² · c / 8` (at most 1/8), with the certain lower bound
    /// `ã_lo = Σ_head 1/a + (1/c)(k+1)^{-q}`. (ã itself is then as precise as a† needs,
    /// which for huge or tiny c is a relative, not an absolute, width.)
    private func reciprocalSumOfPolynomial(headSum: Rational, c: Rational, q: Rational, width: Rational) throws -> CertifiedValue {
        let firstTerm = PowerEnclosure.power(BigInt(head.count + 1), exponent: -q, digits: 20).lower
        let lowerBound = headSum + firstTerm / c
        let tailWidth = Rational.minimum(width * lowerBound * lowerBound * c / 8, Rational(1, 8))
        return try ZetaTail.enclosure(q: q, after: head.count, width: tailWidth)
            .scaled(by: 1 / c)
            .adding(CertifiedValue(exact: headSum))
    }

    /// For an even integer q: `ζ(q) = |B_q| (2π)^q / (2·q!)`, so
    /// `ã = α + β·π^q` with `α = Σ_head 1/a − (1/c) Σ_{i≤k} i^{-q}` and
    /// `β = |B_q| 2^{q−1} / (q!·c)`, e.g. `π^2/6` for `poly(c=1,q=2)`.
    private func closedFormOfReciprocalSum(headSum: Rational, c: Rational, q: Rational) -> ClosedForm? {
        guard q.isInteger, let n = q.numerator.intValue, n % 2 == 0, n <= 200 else { return nil }
        let bernoulli = BernoulliNumbers.first(n + 1)[n].magnitude
        let beta = bernoulli * Rational(BigInt(2).power(UInt(n - 1))) / Rational(ZetaTail.factorial(n)) / c
        var harmonic = Rational.zero
        if !head.isEmpty { for i in 1...head.count { harmonic += Rational(BigInt(1), BigInt(i).power(UInt(n))) } }
        let alpha = headSum - harmonic / c
        return ClosedForm(piPower: n, constant: alpha, piCoefficient: beta)
    }

    /// The two smallest entries and whether the smallest is strictly smaller, decided exactly:
    /// candidates are the sorted head and the family's first two terms (it is increasing).
    func twoSmallest(family: SmoothnessFamily, digits: Int) throws -> (CertifiedValue, CertifiedValue, Bool) {
        let k = head.count
        var candidates: [Entry] = head.sorted().prefix(2).map { .listed($0) }
        candidates += [.family(k + 1), .family(k + 2)]
        try candidates.sort { try less($0, $1, family: family) }
        let value: (Entry) -> CertifiedValue = { entry in
            switch entry {
            case .listed(let x): return CertifiedValue(exact: x)
            case .family(let i): return family.term(at: i, digits: digits)
            }
        }
        let strict = try less(candidates[0], candidates[1], family: family)
        return (value(candidates[0]), value(candidates[1]), strict)
    }

    /// Exact strict order of two entries.
    /// - Throws: ``FamilyEnclosureError/overBudget(_:)`` for a near-tie beyond the work limit.
    func less(_ a: Entry, _ b: Entry, family: SmoothnessFamily) throws -> Bool {
        switch (a, b) {
        case (.listed(let x), .listed(let y)): return x < y
        case (.family(let i), .family(let j)): return i < j
        case (.family(let i), .listed(let y)): return try Self.decided(family.compareTerm(at: i, with: y), position: i) < 0
        case (.listed(let x), .family(let j)): return try Self.decided(family.compareTerm(at: j, with: x), position: j) > 0
        }
    }

    /// A comparison's sign, or the work-limit error when it was not decided.
    static func decided(_ sign: Int?, position: Int) throws -> Int {
        guard let sign else {
            throw FamilyEnclosureError.overBudget("comparing the family term a_\(position) with a listed entry exactly needs more than \(PowerComparison.maximumExactBits) bits")
        }
        return sign
    }
}
