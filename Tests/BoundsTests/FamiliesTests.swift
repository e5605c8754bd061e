import Testing
@testable import Bounds

private func summary(_ text: String, width: String = "1e-30") throws -> SmoothnessSummary {
    try SmoothnessSequence.parse(text).summary(width: try Rational(parsing: width))
}

private func aDagger(_ text: String, width: String = "1e-30") throws -> CertifiedValue {
    let request = try RateRequest(smoothness: try summary(text, width: width), gammas: [.anisotropic],
                                  architectures: [.ssm], functionClasses: [.gammaSmooth])
    return RateReport(request).results[0].aDagger
}

/// A decimal reference value ± 10^{-digits}.
private func reference(_ decimal: String, digits: Int) throws -> (Rational, Rational) {
    let value = try Rational(parsing: decimal)
    let margin = Rational(BigInt(1), BigInt.powerOfTen(UInt(digits)))
    return (value - margin, value + margin)
}

@Test func sixOverPiSquared() throws {
    let value = try aDagger("poly(c=1,q=2)")
    #expect(value.symbolic == "6/π^2")
    #expect(value.width <= (try Rational(parsing: "1e-30")))
    // The true value lies in [6/π_hi², 6/π_lo²] (π to 60 digits).
    let pi = PiEnclosure.enclosure(digits: 60)
    let trueLow = Rational(6) / (pi.upper * pi.upper), trueHigh = Rational(6) / (pi.lower * pi.lower)
    #expect(value.lower <= trueLow && trueHigh <= value.upper)
    // The rate exponent's enclosure is the image of a†'s (monotone map).
    let request = try RateRequest(smoothness: try summary("poly(c=1,q=2)"), gammas: [.anisotropic], architectures: [.ssm], functionClasses: [.gammaSmooth])
    let rate = try #require(RateReport(request).results[0].rateExponent)
    #expect(rate.lower == RateFormulas.rateExponent(aDagger: value.lower, v: 0))
    #expect(rate.upper == RateFormulas.rateExponent(aDagger: value.upper, v: 0))
}

@Test func piEnclosureIsTight() throws {
    let pi = PiEnclosure.enclosure(digits: 40)
    let (low, high) = try reference("3.14159265358979323846264338327950288419716939937510", digits: 48)
    #expect(pi.lower <= high && low <= pi.upper)
    #expect(pi.width < (try Rational(parsing: "1e-40")))
}

@Test("ζ tails contain the known constants", arguments: [
    ("3", "1.2020569031595942853997381615114499907649862923405", 45),
    ("3/2", "2.6123753486854883433485675679240716305708006524", 40),
    ("4", "1.0823232337111381915160036965411679027747509519187", 45),
])
func zetaConstants(q: String, constant: String, digits: Int) throws {
    let enclosure = try ZetaTail.enclosure(q: try Rational(parsing: q), after: 0, width: try Rational(parsing: "1e-32"))
    let (low, high) = try reference(constant, digits: digits)
    #expect(enclosure.lower <= high && low <= enclosure.upper)
    #expect(enclosure.width <= (try Rational(parsing: "1e-32")))
}

@Test func enclosuresNestAndAgreeWithLongPartialSums() throws {
    let q = Rational(5, 2)
    let coarse = try ZetaTail.enclosure(q: q, after: 3, width: try Rational(parsing: "1e-12"))
    let fine = try ZetaTail.enclosure(q: q, after: 3, width: try Rational(parsing: "1e-40"))
    #expect(coarse.lower <= fine.lower && fine.upper <= coarse.upper)
    // q = 2 tail after k = 0 against Σ_{i≤N} 1/i² plus the integral-test tail [1/(N+1), 1/N].
    let n = 3000
    let partial = Rational.balancedSum((1...n).map { Rational(BigInt(1), BigInt($0 * $0)) })
    let low = partial + (Rational(1, n + 1)), high = partial + (Rational(1, n))
    let tail = try ZetaTail.enclosure(q: 2, after: 0, width: try Rational(parsing: "1e-30"))
    #expect(low <= tail.lower && tail.upper <= high)
}

@Test func geometricFamiliesAreExact() throws {
    #expect(try aDagger("geom(c=1,r=2)").exact == (Rational(1, 2)))
    // 1/2 then 6, 9, 13.5, …: ã = 2 + (1/6)/(1 − 2/3) = 5/2.
    #expect(try aDagger("1/2,geom(c=4,r=3/2)").exact == (Rational(2, 5)))
}

@Test func headPlusPolynomialTailHasASymbolicForm() throws {
    let value = try aDagger("1,2,poly(c=3,q=2)")
    #expect(value.symbolic == "36/(39 + 2π^2)")  // 1/(π²/18 + 13/12)
    let pi = PiEnclosure.enclosure(digits: 60)
    let low = (pi.upper * pi.upper / Rational(18) + Rational(13, 12)).reciprocal
    let high = (pi.lower * pi.lower / Rational(18) + Rational(13, 12)).reciprocal
    #expect(value.lower <= low && high <= value.upper)
}

@Test func divergentPolynomialFailsTheFinitenessCondition() throws {
    let s = try summary("poly(c=2,q=1)")
    #expect(s.reciprocalSum == nil)
    #expect(s.divergence?.contains("q = 1 ≤ 1") == true)
}

@Test func mixedSmallestEntriesAndTheStrictGap() throws {
    let s = try summary("poly(c=1,q=2)")
    #expect(s.smallest.exact == 1 && s.secondSmallest?.exact == 4 && s.strictGap == true)
    let tie = try summary("4,poly(c=1,q=2)") // 4, then a_2 = 4
    #expect(tie.smallest.exact == 4 && tie.strictGap == false)
    let irrational = try summary("poly(c=1,q=3/2)") // 1, 2^{3/2}
    #expect(irrational.smallest.exact == 1)
    let second = try #require(irrational.secondSmallest)
    let (low, high) = try reference("2.82842712474619009760337744841939615713934375", digits: 40)
    let tiny = try Rational(parsing: "1e-30")
    #expect(second.lower <= high && low <= second.upper && second.width < tiny)
}

@Test("bad family strings get one-line errors naming the problem", arguments: [
    ("poly(c=0,q=2)", "c must be > 0"), ("poly(c=1)", "needs exactly the keys"), ("geom(c=1,r=1)", "r must be > 1"),
    ("poly(c=1,q=2),3", "must be the last"), ("poly(c=1,q=2", "unclosed"), ("foo(c=1,q=2)", "unknown family"),
    ("1;2,poly(c=1,q=2)", "mixes a matrix"), ("poly(c=abc,q=2)", "'abc'"), ("1,,poly(c=1,q=2)", "entry 2"),
    ("poly(c=1,q=-2)", "q must be > 0"), ("poly(c=1,c=2)", "twice"), ("x,poly(c=1,q=2)", "entry 1 'x'"),
])
func badFamilies(text: String, fragment: String) {
    do {
        _ = try SmoothnessSequence.parse(text)
        Issue.record("'\(text)' was accepted")
    } catch {
        #expect("\(error)".contains(fragment), "\(error)")
        #expect(!"\(error)".contains("\n"))
    }
}

@Test("weak-ℓ^q decisions, including equality at the boundary", arguments: [
    ("1,4,9", "2", Condition.Status.holds),            // j² = ā_j for every j
    ("1,4,8.99", "2", .fails),
    ("poly(c=1,q=2)", "2", .holds),                    // sup = 1/c = 1: boundary
    ("poly(c=99/100,q=2)", "2", .fails),
    ("poly(c=1,q=2)", "5/2", .fails),
    ("poly(c=1,q=3)", "2", .holds),
    ("5,poly(c=1,q=2)", "2", .holds),                  // 4, 5, 9, 16, …
    ("geom(c=1,r=2)", "1", .holds),                    // j ≤ 2^{j−1}: equality at j = 1, 2
    ("geom(c=1,r=2)", "2", .fails),
    ("poly(c=1,q=3/2)", "3/2", .holds),
    ("poly(c=1,q=3/2)", "1", .holds),
])
func weakLq(text: String, q: String, expected: Condition.Status) throws {
    let sequence = try SmoothnessSequence.parse(text)
    #expect(sequence.weakLqCondition(q: try Rational(parsing: q)).status == expected)
}

@Test func assumptionEight() throws {
    #expect(try SmoothnessSequence.parse("poly(c=1,q=2)").assumption8(q: 2).status == .holds)
    #expect(try SmoothnessSequence.parse("poly(c=1,q=3/2)").assumption8(q: 2).status == .fails)
    #expect(try SmoothnessSequence.parse("geom(c=1,r=3/2)").assumption8(q: 100).status == .holds)
    #expect(try SmoothnessSequence.parse("1,2,3").assumption8(q: 2).status == .notApplicable)
}

@Test func bernoulliNumbers() throws {
    let b = BernoulliNumbers.first(13)
    let half = Rational(-1, 2), sixth = Rational(1, 6), thirtieth = Rational(-1, 30), b12 = Rational(-691, 2730)
    #expect(b[1] == half && b[2] == sixth && b[4] == thirtieth)
    #expect(b[12] == b12 && b[3] == 0)
}
