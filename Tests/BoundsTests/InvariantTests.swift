import Testing
@testable import Bounds

/// A seeded SplitMix64 generator so that property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random positive rational p/q with p in 1…maxNumerator, q in 1…maxDenominator.
func randomPositiveRational(_ rng: inout SeededGenerator, maxNumerator: Int = 60, maxDenominator: Int = 17) -> Rational {
    Rational(Int.random(in: 1...maxNumerator, using: &rng), Int.random(in: 1...maxDenominator, using: &rng))
}

func randomEntries(_ rng: inout SeededGenerator) -> [Rational] {
    (0..<Int.random(in: 1...12, using: &rng)).map { _ in randomPositiveRational(&rng) }
}

@Test("permuting the entries changes nothing", arguments: 0..<40)
func permutationInvariance(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed))
    let entries = randomEntries(&rng)
    let shuffled = entries.shuffled(using: &rng)
    for gamma in GammaType.allCases {
        let a = RateQuantities.compute(entries: entries, gamma: gamma, p: nil)
        let b = RateQuantities.compute(entries: shuffled, gamma: gamma, p: nil)
        #expect(a.aDagger == b.aDagger)
        #expect(a.rateExponent == b.rateExponent)
    }
}

@Test("scaling every entry by c scales a† by c", arguments: 0..<40)
func scalingCovariance(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(1000 + seed))
    let entries = randomEntries(&rng)
    let c = randomPositiveRational(&rng)
    for gamma in GammaType.allCases {
        let a = EffectiveSmoothness.aDagger(entries: entries, gamma: gamma)
        let scaled = EffectiveSmoothness.aDagger(entries: entries.map { $0 * c }, gamma: gamma)
        #expect(scaled == a * c)
    }
}

@Test("adding an entry never increases the anisotropic a† (and strictly decreases it)", arguments: 0..<40)
func addingAnEntry(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(2000 + seed))
    let entries = randomEntries(&rng)
    let extra = randomPositiveRational(&rng)
    let before = EffectiveSmoothness.aDagger(entries: entries, gamma: .anisotropic)
    let after = EffectiveSmoothness.aDagger(entries: entries + [extra], gamma: .anisotropic)
    #expect(after < before)
    #expect(EffectiveSmoothness.aDagger(entries: entries + [extra], gamma: .mixed) <= EffectiveSmoothness.aDagger(entries: entries, gamma: .mixed))
}

@Test("the rate exponent increases with a† and stays in (0, 1)", arguments: 0..<20)
func rateMonotone(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(3000 + seed))
    let a = randomPositiveRational(&rng), b = randomPositiveRational(&rng)
    let (low, high) = a < b ? (a, b) : (b, a)
    let v = RateFormulas.v(p: Rational(Int.random(in: 4...20, using: &rng), 4))
    guard low > v else { return }
    let rLow = RateFormulas.rateExponent(aDagger: low, v: v), rHigh = RateFormulas.rateExponent(aDagger: high, v: v)
    #expect(rLow <= rHigh)
    #expect(rLow.signum > 0 && rHigh < .one)
    #expect(RateFormulas.samplesExponent(aDagger: low, v: v) * rLow == .one)
}

@Test func workedExample() throws {
    // docs/formulas.md: a = (1, 2, 4), p ≥ 2.
    let mixed = RateQuantities.compute(entries: [1, 2, 4], gamma: .mixed, p: nil)
    #expect(mixed.aDagger == 1)
    #expect(mixed.rateExponent == (Rational(2, 3)))
    #expect(mixed.levelCoefficient == (Rational(1, 3)))
    #expect(mixed.samplesExponent == (Rational(3, 2)))
    let aniso = RateQuantities.compute(entries: [1, 2, 4], gamma: .anisotropic, p: nil)
    #expect(aniso.aDagger == (Rational(4, 7)))
    #expect(aniso.rateExponent == (Rational(8, 15)))
    #expect(aniso.levelCoefficient == (Rational(4, 15)))
    #expect(aniso.samplesExponent == (Rational(15, 8)))
    #expect(RateFormulas.cnnLogExponent(q: 1) == 8)
    #expect(RateFormulas.cnnLogExponent(q: Rational(1, 2)) == 14)
}

@Test func vFromP() throws {
    #expect(RateFormulas.v(p: nil) == 0)
    #expect(RateFormulas.v(p: 1) == (Rational(1, 2)))
    #expect(RateFormulas.v(p: 2) == 0)
    #expect(RateFormulas.v(p: 3) == 0)
    #expect(RateFormulas.v(p: Rational(4, 3)) == (Rational(1, 4)))
}

@Test func networkSizesOfO22Theorem9() throws {
    // a = (1, 2, 4) anisotropic, q = 2: e = 1/(2·4/7 + 1) = 7/15; log powers 1/2, 3, 2.
    let scaling = NetworkSizeScaling(aDagger: CertifiedValue(exact: Rational(4, 7)), v: 0, q: 2)
    #expect(scaling.polynomialExponent.exact == (Rational(7, 15)))
    #expect(scaling.widthLogExponent == (Rational(1, 2)))
    #expect(scaling.sparsityLogExponent == 3)
    #expect(scaling.depthLogExponent == 2)
    // q = 1/2: 2/q = 4 > 2.
    let small = NetworkSizeScaling(aDagger: CertifiedValue(exact: 1), v: 0, q: Rational(1, 2))
    #expect(small.depthLogExponent == 4 && small.sparsityLogExponent == 8 && small.widthLogExponent == 2)
    // e = c/a†: the level coefficient over a†.
    let c = RateFormulas.levelCoefficient(aDagger: Rational(4, 7), v: 0)
    #expect(c / Rational(4, 7) == scaling.polynomialExponent.exact!)
}
