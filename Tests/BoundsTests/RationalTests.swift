import Testing
@testable import Bounds

// Property tests of `Rational` on seeded random values (SeededGenerator from
// InvariantTests.swift): field laws, ordering, hashing, canonical form, powers, exact
// parsing, correctly rounded decimals, huge values and thrown errors. Every expected value is
// computed a second way (cross-multiplication, BigInt division, sequential sums), so a
// wrong implementation fails here rather than agreeing with itself.

/// A random integer of a random size: zero (if allowed), one digit, up to 18 digits, or
/// 100–400 digits; either sign.
private func randomInteger(_ rng: inout SeededGenerator, allowZero: Bool = true) -> BigInt {
    let sizeClass = Int.random(in: 0..<8, using: &rng)
    if sizeClass == 0, allowZero { return 0 }
    let digitCount: Int
    switch sizeClass {
    case 0...2: digitCount = 1
    case 3...4: digitCount = Int.random(in: 2...18, using: &rng)
    default: digitCount = Int.random(in: 100...400, using: &rng)
    }
    var text = String(Int.random(in: 1...9, using: &rng))
    for _ in 1..<max(digitCount, 1) { text += String(Int.random(in: 0...9, using: &rng)) }
    let value = BigInt(text)!
    return Bool.random(using: &rng) ? -value : value
}

/// A random rational: numerator as `randomInteger` (zero included), non-zero denominator of
/// either sign, so that canonicalisation has work to do.
private func randomRational(_ rng: inout SeededGenerator) -> Rational {
    Rational(randomInteger(&rng), randomInteger(&rng, allowZero: false))
}

/// A random non-zero rational.
private func randomNonZeroRational(_ rng: inout SeededGenerator) -> Rational {
    Rational(randomInteger(&rng, allowZero: false), randomInteger(&rng, allowZero: false))
}

/// A random rational whose denominator is 2^i·5^j (times a small factor), so that exact
/// ties occur when it is rounded to a few decimal places.
private func randomDecimalTieCandidate(_ rng: inout SeededGenerator) -> Rational {
    let numerator = BigInt(Int.random(in: -100_000...100_000, using: &rng))
    let denominator = BigInt(2).power(UInt(Int.random(in: 0...6, using: &rng)))
        * BigInt(5).power(UInt(Int.random(in: 0...6, using: &rng)))
        * BigInt([1, 1, 1, 3, 7].randomElement(using: &rng)!)
    return Rational(numerator, denominator)
}

/// `x` rounded to `k` digits after the point, ties to even, computed independently of
/// `Rational+Decimal` with BigInt floor division only.
private func referenceDecimal(_ x: Rational, fractionDigits k: Int) throws -> String {
    let scale = BigInt.powerOfTen(UInt(k))
    let scaled = x.numerator.magnitude * scale
    let q = x.denominator
    var rounded = scaled.floorDivided(by: q)
    let twiceRemainder = (scaled - rounded * q) * 2
    let roundedIsOdd = rounded.floorDivided(by: 2) * 2 != rounded
    if twiceRemainder > q || (twiceRemainder == q && roundedIsOdd) { rounded = rounded + 1 }
    let integerPart = rounded.floorDivided(by: scale)
    var text = integerPart.description
    if k > 0 {
        let fraction = (rounded - integerPart * scale).description
        text += "." + String(repeating: "0", count: k - fraction.count) + fraction
    }
    return (x.signum < 0 && !rounded.isZero ? "-" : "") + text
}

/// `base^exponent` by repeated multiplication (and one division for negative exponents).
private func repeatedProduct(_ base: Rational, _ exponent: Int) throws -> Rational {
    var product = Rational.one
    for _ in 0..<abs(exponent) { product = product * base }
    return exponent < 0 ? Rational.one / product : product
}

@Suite("Rational")
struct RationalTests {
    // MARK: Field laws

    @Test("field laws: commutativity, associativity, distributivity, identities, inverses", arguments: 0..<60)
    func fieldLaws(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(10_000 + seed))
        let a = randomRational(&rng), b = randomRational(&rng), c = randomRational(&rng)
        #expect(a + b == b + a)
        #expect(a * b == b * a)
        #expect((a + b) + c == a + (b + c))
        #expect((a * b) * c == a * (b * c))
        #expect(a * (b + c) == a * b + a * c)
        #expect((a + b) * c == a * c + b * c)
        #expect(a + .zero == a && .zero + a == a)
        #expect(a * .one == a && .one * a == a)
        #expect(a * .zero == .zero)
        #expect(a + (-a) == .zero && (-a).signum == -a.signum)
        #expect(a - b == a + (-b))
        #expect(-(-a) == a)
        #expect((a - b) + b == a)
        if !a.isZero {
            #expect(a * a.reciprocal == .one)
            #expect(a / a == .one)
            #expect(a.reciprocal.reciprocal == a)
        }
        if !b.isZero {
            #expect((a / b) * b == a)
            #expect((a * b) / b == a)
        }
    }

    @Test("operations agree with the schoolbook formulas on numerators and denominators", arguments: 0..<40)
    func operationsMatchCrossMultiplication(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(11_000 + seed))
        let a = randomRational(&rng), b = randomRational(&rng)
        let (p, q, r, s) = (a.numerator, a.denominator, b.numerator, b.denominator)
        #expect(a + b == (Rational(p * s + r * q, q * s)))
        #expect(a - b == (Rational(p * s - r * q, q * s)))
        #expect(a * b == (Rational(p * r, q * s)))
        if !b.isZero { #expect(a / b == (Rational(p * s, q * r))) }
        #expect(a.magnitude == (Rational(p.magnitude, q)))
    }

    // MARK: Ordering

    @Test("ordering is total, matches the sign of the difference and cross-multiplication, is transitive and compatible with +", arguments: 0..<60)
    func ordering(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(12_000 + seed))
        let a = randomRational(&rng), b = randomRational(&rng), c = randomRational(&rng)
        // Exactly one of <, ==, >.
        #expect([a < b, a == b, b < a].filter { $0 }.count == 1)
        #expect((a < b) == ((b - a).signum > 0))
        #expect((a == b) == (a - b).isZero)
        // Independent: p/q < r/s ⇔ p·s < r·q, since q, s > 0.
        #expect((a < b) == (a.numerator * b.denominator < b.numerator * a.denominator))
        if a < b && b < c { #expect(a < c) }
        if a <= b && b <= c { #expect(a <= c) }
        let sorted = [a, b, c].sorted()
        #expect(sorted[0] <= sorted[1] && sorted[1] <= sorted[2] && sorted[0] <= sorted[2])
        if a < b { #expect(a + c < b + c) }
        if a < b, c.signum > 0 { #expect(a * c < b * c) }
        if a < b, c.signum < 0 { #expect(a * c > b * c) }
        #expect(Rational.minimum(a, b) <= Rational.maximum(a, b))
    }

    @Test func orderingOfCloseValues() throws {
        let third = Rational(1, 3)
        let justAbove = Rational(BigInt.powerOfTen(400) + 1, BigInt.powerOfTen(400) * 3)
        #expect(third < justAbove && !(justAbove < third))
        #expect(Rational(-1, 2) < Rational(-1, 3))
        #expect(Rational(-1, 3) < .zero)
    }

    // MARK: Hashing and canonical form

    @Test("equal values hash equally, however they were built", arguments: 0..<40)
    func hashingConsistentWithEquality(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(13_000 + seed))
        let a = randomRational(&rng), b = randomRational(&rng)
        let k = randomInteger(&rng, allowZero: false)
        let scaled = Rational(a.numerator * k, a.denominator * k)
        #expect(scaled == a)
        #expect(scaled.hashValue == a.hashValue)
        let roundTrip = (a + b) - b
        #expect(roundTrip == a && roundTrip.hashValue == a.hashValue)
        #expect(Set([a, scaled, roundTrip]).count == 1)
    }

    @Test func hashingOfEqualFractions() throws {
        let half = Rational(1, 2)
        #expect(Rational(2, 4) == half)
        #expect(Rational(2, 4).hashValue == half.hashValue)
        #expect(Rational(-3, -6).hashValue == half.hashValue)
        #expect(try Rational(parsing: "0.5").hashValue == half.hashValue)
        let values: Set<Rational> = [half, Rational(2, 4), Rational(3, 6), Rational(-1, 2), Rational(1, -2), 0, Rational(0, -5)]
        #expect(values.count == 3)
    }

    @Test("values are in lowest terms with a positive denominator", arguments: 0..<60)
    func canonicalForm(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(14_000 + seed))
        let p = randomInteger(&rng), q = randomInteger(&rng, allowZero: false)
        let x = Rational(p, q)
        for value in [x, x + randomRational(&rng), x * randomRational(&rng), -x, x.magnitude] {
            #expect(value.denominator.signum > 0)
            #expect(value.numerator.gcd(value.denominator) == 1)
            #expect(!value.isZero || value.denominator == 1)
        }
        // Same value as p/q: numerator·q == p·denominator.
        #expect(x.numerator * q == p * x.denominator)
        #expect(x.signum == p.signum * q.signum)
    }

    @Test func canonicalFormExamples() throws {
        let x = Rational(6, -4)
        #expect(x.numerator == -3 && x.denominator == 2 && x.description == "-3/2")
        #expect(Rational(0, -7).description == "0" && (Rational(0, -7)).denominator == 1)
        #expect(Rational(10, 5).description == "2" && (Rational(10, 5)).isInteger)
    }

    // MARK: Powers

    @Test("integer powers, negative exponents included", arguments: 0..<40)
    func powers(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(15_000 + seed))
        let a = randomNonZeroRational(&rng), b = randomNonZeroRational(&rng)
        let m = Int.random(in: -6...6, using: &rng), n = Int.random(in: -6...6, using: &rng)
        #expect(a.power(0) == .one)
        #expect(a.power(1) == a)
        #expect(a.power(-1) == a.reciprocal)
        #expect(try a.power(m) == repeatedProduct(a, m))
        #expect(a.power(m + n) == a.power(m) * a.power(n))
        #expect(a.power(m * n) == a.power(m).power(n))
        #expect((a * b).power(n) == a.power(n) * b.power(n))
        #expect(a.power(-n) * a.power(n) == .one)
        #expect((-a).power(2 * n) == a.power(2 * n))
    }

    @Test func powerExamplesAndZero() throws {
        #expect(Rational(2, 3).power(3) == (Rational(8, 27)))
        #expect(Rational(-2, 3).power(-3) == (Rational(-27, 8)))
        #expect(Rational.zero.power(0) == .one)
        #expect(Rational.zero.power(5) == .zero)
    }

    // MARK: Parsing and printing

    @Test("exact parsing of what a person writes", arguments: [
        ("7", 7, 1), ("-3/4", -3, 4), ("0.125", 1, 8), ("1e-3", 1, 1000), ("2.5E+2", 250, 1),
        ("0.1", 1, 10), (".5", 1, 2), ("5.", 5, 1), ("+7", 7, 1), (" 3/4 ", 3, 4),
        ("-0.75", -3, 4), ("7.5e-1", 3, 4), ("12/8", 3, 2), ("-0", 0, 1), ("1e0", 1, 1), ("0.000", 0, 1),
        ("3 / 4", 3, 4), ("1E3", 1000, 1), ("-2.5e-2", -1, 40), ("3/ 4", 3, 4), ("+.5e1", 5, 1), ("-0/7", 0, 1), ("0007.50", 15, 2), ("1e-0000000000003", 1, 1000),
    ])
    func exactParsing(text: String, numerator: Int, denominator: Int) throws {
        let value = try Rational(parsing: text)
        #expect(value.numerator == BigInt(numerator) && value.denominator == BigInt(denominator), "\(text) → \(value)")
    }

    @Test func decimalsAreNotBinaryFloats() throws {
        let tenth = try Rational(parsing: "0.1")
        #expect(tenth == (Rational(1, 10)))
        #expect(tenth + tenth + tenth == (try Rational(parsing: "0.3")))
        #expect(try tenth != Rational(parsing: "0.1000000000000000055511151231257827"))
    }

    @Test("random scientific-notation strings parse to mantissa · 10^(exponent − fraction digits)", arguments: 0..<40)
    func scientificNotationParsing(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(16_000 + seed))
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) }) }
        let integerDigits = digits(Int.random(in: 1...40, using: &rng))
        let fractionDigits = digits(Int.random(in: 0...40, using: &rng))
        let exponent = Int.random(in: -60...60, using: &rng)
        let negative = Bool.random(using: &rng)
        let marker = Bool.random(using: &rng) ? "e" : "E"
        let exponentText = exponent >= 0 && Bool.random(using: &rng) ? "+\(exponent)" : "\(exponent)"
        let text = (negative ? "-" : "") + integerDigits + (fractionDigits.isEmpty ? "" : "." + fractionDigits) + marker + exponentText
        let mantissa = Rational(BigInt((negative ? "-" : "") + integerDigits + fractionDigits)!)
        let expected = mantissa * Rational(10).power(exponent - fractionDigits.count)
        #expect(try Rational(parsing: text) == expected, "\(text)")
    }

    @Test("description then parsing gives the same value", arguments: 0..<60)
    func descriptionRoundTrip(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(17_000 + seed))
        let x = randomRational(&rng)
        let parsed = try Rational(parsing: x.description)
        #expect(parsed == x)
        #expect(parsed.description == x.description)
        #expect(parsed.hashValue == x.hashValue)
    }

    // MARK: Correctly rounded decimals

    @Test func decimalExamples() throws {
        #expect(Rational(2, 3).decimalString(fractionDigits: 5) == "0.66667")
        #expect(Rational(-2, 3).decimalString(fractionDigits: 5) == "-0.66667")
        #expect(Rational(1, 3).decimalString(fractionDigits: 5) == "0.33333")
        #expect(Rational(2, 3).decimalString(fractionDigits: 0) == "1")
        // Ties go to the even neighbour, on both sides of zero.
        #expect(Rational(1, 8).decimalString(fractionDigits: 2) == "0.12")
        #expect(Rational(3, 8).decimalString(fractionDigits: 2) == "0.38")
        #expect(Rational(-1, 8).decimalString(fractionDigits: 2) == "-0.12")
        #expect(Rational(-3, 8).decimalString(fractionDigits: 2) == "-0.38")
        #expect(Rational(5, 2).decimalString(fractionDigits: 0) == "2")
        #expect(Rational(7, 2).decimalString(fractionDigits: 0) == "4")
        #expect(Rational(-5, 2).decimalString(fractionDigits: 0) == "-2")
        // A negative value that rounds to zero prints without a sign.
        #expect(Rational(-1, 1000).decimalString(fractionDigits: 2) == "0.00")
        #expect(Rational(7).decimalString(fractionDigits: 3) == "7.000")
        #expect(Rational(8, 15).decimalString(significantDigits: 10) == "0.5333333333")
        #expect(Rational(2).decimalString(significantDigits: 10) == "2")
        #expect(Rational(1, 1).decimalString(significantDigits: 1) == "1")
        #expect(Rational(BigInt(1), BigInt.powerOfTen(20)).decimalString(significantDigits: 10) == "1e-20")
        #expect(Rational(-19, 2).decimalString(significantDigits: 1) == "-10")   // 9.5 → 10, tie to even
        #expect(try Rational(parsing: "0.99999").decimalString(significantDigits: 3) == "1")
    }

    @Test("fixed-point decimals agree with an independent BigInt rounding (ties to even)", arguments: 0..<80)
    func fixedPointDecimals(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(18_000 + seed))
        let x = seed.isMultiple(of: 2) ? randomDecimalTieCandidate(&rng) : randomRational(&rng)
        for k in [0, 1, 2, 3, 5, Int.random(in: 6...40, using: &rng)] {
            #expect(x.decimalString(fractionDigits: k) == (try referenceDecimal(x, fractionDigits: k)), "\(x) to \(k) digits")
        }
    }

    @Test("significant-digit decimals are within half a unit in the last place and parse back", arguments: 0..<60)
    func significantDigitDecimals(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(19_000 + seed))
        let x = seed.isMultiple(of: 3) ? randomDecimalTieCandidate(&rng) : randomRational(&rng)
        let digits = Int.random(in: 1...30, using: &rng)
        let text = x.decimalString(significantDigits: digits)
        let shown = try Rational(parsing: text)
        // |x − shown| ≤ ½·10^(e−digits+1) ≤ 5·10^(−digits)·|x|, where 10^e ≤ |x|.
        let bound = x.magnitude * 5 * (Rational(10).power(-digits))
        #expect((x - shown).magnitude <= bound, "\(x) → \(text)")
        #expect(shown.signum == x.signum)
        // At most `digits` significant digits (zeros padding an integer are not significant).
        let mantissa = text.split(separator: "e").first!.filter(\.isNumber).drop(while: { $0 == "0" })
        #expect(mantissa.reversed().drop(while: { $0 == "0" }).count <= digits, "\(text)")
    }

    // MARK: Huge values

    @Test func hugeValuesRoundTripExactly() throws {
        let tenTo3000 = BigInt.powerOfTen(3000)
        let x = Rational(tenTo3000 + 1, 3)
        #expect(x.numerator.description.count == 3001 && x.denominator == 3)
        #expect(try Rational(parsing: x.description) == x)
        #expect(try Rational(parsing: "1" + String(repeating: "0", count: 2999) + "1/3") == x)
        #expect(x * 3 - 1 == Rational(tenTo3000))
        #expect(try Rational(parsing: "1e3000") == Rational(tenTo3000))
        #expect(try Rational(parsing: "1e-3000") == (Rational(BigInt(1), tenTo3000)))
        // (10^3000 + 1)/3 = 333…3 (3000 threes) + 2/3.
        #expect(x.decimalString(fractionDigits: 5) == String(repeating: "3", count: 3000) + ".66667")
        #expect(x.decimalString(significantDigits: 5) == "3.3333e2999")
        #expect(x.floor() == (tenTo3000.floorDivided(by: 3)))
    }

    @Test("products and quotients of numbers with thousands of digits", arguments: 0..<6)
    func hugeProductsAndQuotients(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(20_000 + seed))
        func huge() -> BigInt {
            var text = String(Int.random(in: 1...9, using: &rng))
            for _ in 0..<Int.random(in: 2000...4000, using: &rng) { text += String(Int.random(in: 0...9, using: &rng)) }
            return Bool.random(using: &rng) ? BigInt(text)! : -BigInt(text)!
        }
        let a = Rational(huge(), huge()), b = Rational(huge(), huge())
        #expect((a * b) / b == a)
        #expect((a / b) * b == a)
        #expect(a * b.reciprocal == a / b)
        #expect((a + b) - a == b)
        #expect(try Rational(parsing: (a * b).description) == a * b)
        #expect(a.power(3) / a.power(2) == a)
        #expect((a < b) == (a.numerator * b.denominator < b.numerator * a.denominator))
        #expect(a.decimalString(fractionDigits: 12) == (try referenceDecimal(a, fractionDigits: 12)))
    }

    // MARK: Division by zero traps; only parsing throws

    // Division by zero is a programming error (a precondition), as in BigInt libraries and
    // Python's fractions: each of these must end the process, and a nonzero divisor must not.
    @Test func divisionByZeroTraps() async {
        await #expect(processExitsWith: .failure) { _ = Rational(1, 0) }
        await #expect(processExitsWith: .failure) { _ = Rational(BigInt.powerOfTen(500), BigInt(0)) }
        await #expect(processExitsWith: .failure) { _ = Rational(3, 4) / .zero }
        await #expect(processExitsWith: .failure) { let x = Rational(3, 4); _ = x / (x - x) }
        await #expect(processExitsWith: .failure) { _ = 1 / Rational.zero }
        await #expect(processExitsWith: .failure) { _ = Rational.zero.reciprocal }
        await #expect(processExitsWith: .failure) { _ = Rational.zero.power(-1) }
        await #expect(processExitsWith: .failure) { _ = BigInt(5).floorDivided(by: 0) }
        await #expect(processExitsWith: .failure) { _ = Rational.balancedSumOfReciprocals([Rational(3, 4), .zero]) }
        await #expect(processExitsWith: .success) { _ = Rational(3, 4) / Rational(1, 2) }
    }

    @Test func integerOperandsReadAsFormulas() {
        let a = Rational(8, 15), v = Rational(1, 6)
        let e = 2 * (a - v)
        #expect(e / (e + 1) == (Rational(2) * (a - v)) / (Rational(2) * (a - v) + Rational(1)))
        #expect(1 - v / a == Rational(1) - v / a)
        #expect(a * 3 == a + a + a && 3 * a == a * 3 && a / 2 == a * Rational(1, 2) && 4 / a == Rational(15, 2))
        #expect(a - 1 == -(1 - a) && a + 1 == 1 + a)
        var x = a
        x /= Rational(2, 3)
        #expect(x == Rational(4, 5))
    }

    @Test("malformed strings are thrown errors naming the token", arguments: [
        ("", RationalParseError.Reason.empty), ("   ", .empty), ("1/0", .zeroDenominator), ("-5/000", .zeroDenominator),
        ("abc", .malformed), ("1..2", .malformed), ("--1", .malformed), ("1e", .malformed), ("nan", .malformed),
        ("inf", .malformed), ("-inf", .malformed), ("NaN", .malformed), ("Infinity", .malformed), ("1/", .malformed),
        ("/2", .malformed), ("1/-2", .malformed), ("1/+2", .malformed), ("1/2/3", .malformed), ("1.5/2", .malformed),
        ("+-1", .malformed), ("1e+", .malformed), ("1e-", .malformed), ("e5", .malformed), (".", .malformed),
        ("-.", .malformed), ("1.2.3", .malformed), ("0x10", .malformed), ("1 2", .malformed), ("1e2.5", .malformed),
        ("١٢", .malformed), ("1e99999", .exponentTooLarge), ("1e-1000000000000000000000", .exponentTooLarge),
        // The grammar is checked before the exponent's size, and a denominator has no sign.
        ("1e99999x", .malformed), ("1/-0", .malformed), ("1/ 0", .zeroDenominator), ("1\u{A0}/\u{A0}0", .zeroDenominator),
    ])
    func malformedStrings(text: String, reason: RationalParseError.Reason) {
        do {
            let value = try Rational(parsing: text)
            Issue.record("'\(text)' was accepted as \(value)")
        } catch let error as RationalParseError {
            #expect(error.reason == reason, "'\(text)': \(error)")
            #expect(!error.description.contains("\n"))
            if reason != .empty { #expect(error.description.contains(text.trimmingWhitespace()), "\(error)") }
        } catch {
            Issue.record("'\(text)' threw \(error), not a RationalParseError")
        }
    }

    // MARK: Balanced summation

    @Test("the balanced sum equals the sequential sum", arguments: 0..<30)
    func balancedSumMatchesSequential(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(21_000 + seed))
        let count = [0, 1, 2, 3, 5, 8, 17, 64, 100, 257].randomElement(using: &rng)!
        let terms = (0..<count).map { _ in randomRational(&rng) }
        let sequential = terms.reduce(Rational.zero, +)
        #expect(Rational.balancedSum(terms) == sequential)
        #expect(Rational.balancedSum(terms.reversed()) == sequential)
        let nonZero = terms.filter { !$0.isZero }
        let sequentialReciprocals = nonZero.reduce(Rational.zero) { $0 + $1.reciprocal }
        #expect(Rational.balancedSumOfReciprocals(nonZero) == sequentialReciprocals)
    }

    @Test func balancedSumOfTheBenchmarkTerms() throws {
        // Σ_{i=1}^{N} (i+1)/(7i+3), the sum of `ratecalc bench sum`, at a small N.
        let terms = (1...300).map { Rational(7 * $0 + 3, $0 + 1) }
        let sequential = terms.reduce(Rational.zero) { $0 + $1.reciprocal }
        #expect(Rational.balancedSumOfReciprocals(terms) == sequential)
        #expect(Rational.balancedSumOfReciprocals(terms[..<1]) == (Rational(1, 5)))
    }
}
