/// Certified enclosures of `Σ_{i>k} i^{-q}` for rational `q > 1` (the tail of ζ(q)) by
/// the Euler–Maclaurin formula with exact Bernoulli numbers:
///
/// `Σ_{i≥N} f(i) = ∫_N^∞ f + f(N)/2 + Σ_{j=1}^{m} B_{2j}/(2j)! · (q)_{2j−1} · N^{−q−2j+1} + R_m`,
///
/// for `f(x) = x^{-q}` (`(q)_p` the rising factorial). f is completely monotone, so the
/// remainder `R_m` is bounded in absolute value by the first omitted term (j = m+1)
/// (e.g. DLMF §2.10(i); Olver, *Asymptotics and Special Functions*, §8.6); ratecalc widens
/// the enclosure by that bound on both sides. The terms `i^{-q}` for `k < i < N` and
/// `N^{-q}` are enclosed with ``PowerEnclosure`` (exact for integer q).
enum ZetaTail {
    /// Encloses `Σ_{i=k+1}^∞ i^{-q}` with width at most `width`.
    /// - Precondition: `q > 1`, `k ≥ 0`, `width > 0`.
    /// - Throws: ``FamilyEnclosureError`` if the width is not reached within the work limits.
    static func enclosure(q: Rational, after k: Int, width: Rational) throws -> CertifiedValue {
        precondition(q > .one && k >= 0 && width.signum > 0)
        var digits = decimalDigits(for: width) + 6
        guard digits <= maximumDigits else { throw FamilyEnclosureError.tooPrecise(digits: digits) }
        if let direct = try directSum(q: q, k: k, digits: digits, width: width) { return direct }
        // N ≥ q keeps the asymptotic terms, whose ratio is about ((q+2j)/(2πN))², decreasing.
        var n = max(k + 1, 24, q.ceiling().intValue.map { $0 + 2 } ?? 24)
        var work = 0
        for _ in 0..<12 {
            work += workEstimate(q: q, terms: n - k, largest: n, digits: digits)
            guard work <= maximumWork else { throw overBudget(q: q, width: width, work: work) }
            if let result = attempt(q: q, k: k, n: n, digits: digits), result.width <= width {
                return result.roundedOutward(digits: decimalDigits(for: width) + 4)
            }
            digits += 8
            n *= 2
        }
        throw FamilyEnclosureError.notConverged
    }

    /// The most work one enclosure may take, in digits of the radicands of its power
    /// enclosures (`i^u · 10^{D·w}` for `q = u/w`), summed over its terms (well under 2 s, docs/limits.md).
    static let maximumWork = 24_000_000

    /// The fixed cost of one term in digits of work (about 80 µs of rational arithmetic).
    static let termOverhead = 2_000

    /// The work of summing `terms` powers `i^{-q}`, `i ≤ largest`, at `digits` digits:
    /// each radicand has about `u·log10(largest) + D·w` digits, and each term has a fixed
    /// cost of about ``termOverhead`` digits (its rational arithmetic; measured).
    static func workEstimate(q: Rational, terms: Int, largest: Int, digits: Int) -> Int {
        let u = q.numerator.intValue ?? Int.max / 4, w = q.denominator.intValue ?? Int.max / 4
        let perTerm = termOverhead + u.multipliedReportingOverflow(by: String(largest).count).partialValue + (w == 1 ? digits : digits * w)
        let (total, overflow) = perTerm.multipliedReportingOverflow(by: max(terms, 1))
        return overflow ? Int.max / 2 : total
    }

    private static func overBudget(q: Rational, width: Rational, work: Int) -> FamilyEnclosureError {
        .tailOverBudget(q: q, widthDigits: decimalDigits(for: width), work: work)
    }

    /// For large q, the plain sum: `Σ_{i≥N} i^{-q} ∈ [N^{1−q}/(q−1), N^{−q} + N^{1−q}/(q−1)]`
    /// (integral comparison for a decreasing f), whose width `N^{−q}` is below the width
    /// already for a small N when q is large. Nil when N would exceed 2,000 terms.
    private static func directSum(q: Rational, k: Int, digits: Int, width: Rational) throws -> CertifiedValue? {
        // Smallest N > k with N^{-q} ≤ width/4, i.e. N^q ≥ 4/width, decided on logarithms.
        let needed = 4 / width
        let (neededLog, _) = needed.log10Enclosure()
        var n = k + 1
        while q * Rational(n).log10Enclosure().lower < neededLog + Rational(1) {
            n += 1
            if n - k > 2000 { return nil }
        }
        let work = workEstimate(q: q, terms: n - k, largest: n, digits: digits)
        guard work <= maximumWork else { throw overBudget(q: q, width: width, work: work) }
        var partial = CertifiedValue(exact: .zero)
        if k + 1 <= n - 1 {
            for i in (k + 1)...(n - 1) {
                partial = partial.adding(PowerEnclosure.power(BigInt(i), exponent: -q, digits: digits + 4).roundedOutward(digits: digits + 4))
            }
        }
        let nPower = PowerEnclosure.power(BigInt(n), exponent: -q, digits: digits + 4)
        let integral = n / (q - 1)
        let tail = CertifiedValue(lower: nPower.lower * integral, upper: nPower.upper + nPower.upper * integral)
        let result = partial.adding(tail)
        guard result.width <= width else { return nil }
        return result.roundedOutward(digits: decimalDigits(for: width) + 4)
    }

    /// The most decimal digits an enclosure may need before ratecalc refuses (work limit).
    static let maximumDigits = 2000

    /// One try with cut-off N and working precision `digits`; nil if the asymptotic terms stop
    /// decreasing before the remainder is small enough (then N is increased).
    private static func attempt(q: Rational, k: Int, n: Int, digits: Int) -> CertifiedValue? {
        let target = Rational.powerOfTen(-digits)
        // Partial sum Σ_{i=k+1}^{N−1} i^{-q}.
        var partial = CertifiedValue(exact: .zero)
        if k + 1 <= n - 1 {
            for i in (k + 1)...(n - 1) {
                // Rounded outward per term so that exact terms with huge denominators
                // (integer q) do not make the sum's denominator explode.
                partial = partial.adding(PowerEnclosure.power(BigInt(i), exponent: -q, digits: digits + 4)
                    .roundedOutward(digits: digits + 4))
            }
        }
        // Euler–Maclaurin from N: coefficient C with Σ_{i≥N} = C·N^{-q} + R.
        let bigN = Rational(n)
        var coefficient = bigN / (q - 1) + .oneHalf
        let bernoulli = BernoulliNumbers.even(upTo: 40)
        var rising = q // (q)_1
        var nPower = bigN // N^{2j−1}
        var previous: Rational? = nil
        for j in 1...39 {
            let factorial = Rational(factorial(2 * j))
            let term = bernoulli[j] / factorial * rising / nPower // times N^{-q}
            // Next rising factorial (q)_{2j+1} and N^{2j+1}.
            let nextRising = rising * (q + (2 * j - 1)) * (q + 2 * j)
            let nextPower = nPower * bigN * bigN
            let nextTerm = (bernoulli[j + 1] / Rational(self.factorial(2 * j + 2)) * nextRising / nextPower).magnitude
            if let previous, term.magnitude > previous { return nil } // diverging: larger N needed
            coefficient += term
            if nextTerm < target {
                let y = PowerEnclosure.power(BigInt(n), exponent: -q, digits: digits + 4)
                let remainder = nextTerm * y.upper
                let tail = y.scaled(by: coefficient).widened(by: remainder)
                return partial.adding(tail)
            }
            previous = term.magnitude
            rising = nextRising
            nPower = nextPower
        }
        return nil
    }

    static func factorial(_ n: Int) -> BigInt {
        var result = BigInt(1)
        if n > 1 { for i in 2...n { result = result * BigInt(i) } }
        return result
    }

    /// The smallest D with `10^{-D} ≤ width` (at least 1), from digit counts.
    static func decimalDigits(for width: Rational) -> Int {
        // 10^e ≤ width < 10^(e+1), from digit counts: D = −e.
        max(1, -Rational.decimalExponent(of: width))
    }
}

/// Why an enclosure could not be computed: refused, not guessed.
public enum FamilyEnclosureError: InputFieldError, Equatable {
    /// The requested width needs more digits than the work limit.
    case tooPrecise(digits: Int)
    /// Euler–Maclaurin did not reach the width within the work limits.
    case notConverged
    /// Enclosing the tail `Σ i^(−q)` to width `10^(−widthDigits)` needs `work` digits of
    /// work, more than ``ZetaTail/maximumWork`` (docs/limits.md).
    case tailOverBudget(q: Rational, widthDigits: Int, work: Int)
    /// The request needs more work than the documented limits (docs/limits.md) allow.
    case overBudget(String)

    /// ``InputField/precision`` when the width asked for is the problem, else ``InputField/smoothness``.
    public var field: InputField {
        switch self {
        case .tooPrecise, .notConverged: return .precision
        case .tailOverBudget, .overBudget: return .smoothness
        }
    }

    /// One line naming the field and what to change.
    public func message(naming name: (InputField) -> String) -> String {
        switch self {
        case .tooPrecise(let digits):
            return "\(name(.precision)): this family needs about \(digits) digits for the requested width (limit \(ZetaTail.maximumDigits)); ask for a larger width"
        case .notConverged:
            return "\(name(.precision)): the enclosure did not reach the requested width within the work limits; ask for a larger width"
        case .tailOverBudget(let q, let widthDigits, let work):
            return "\(name(.smoothness)): enclosing Σ i^(−q) for q = \(q) to width 1e-\(widthDigits) needs more than \(ZetaTail.maximumWork) digits of work (about \(work)); ask for a larger \(name(.precision)) (work limit, see docs/limits.md)"
        case .overBudget(let what):
            return "\(name(.smoothness)): \(what) (work limit, see docs/limits.md)"
        }
    }
}
