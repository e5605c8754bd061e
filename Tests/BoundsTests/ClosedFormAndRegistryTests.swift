import Foundation
import Testing
@testable import Bounds

private func report(_ smoothness: String, gamma: GammaType = .anisotropic, architecture: Architecture = .ssm,
                    p: Rational? = nil, q: Rational? = nil) throws -> RateResult {
    let summary = SmoothnessSequence.looksLikeFamily(smoothness)
        ? try SmoothnessSequence.parse(smoothness).summary(width: try Rational(parsing: "1e-30"))
        : SmoothnessSummary(try Smoothness.parse(smoothness))
    let request = try RateRequest(smoothness: summary, gammas: [gamma], architectures: [architecture],
                                  functionClasses: [.gammaSmooth], p: p, q: q)
    return RateReport(request).results[0]
}

/// The closed form's value (in floating point) lies in the certified enclosure, up to the
/// rounding of Double.
private func agrees(_ value: CertifiedValue?) -> Bool {
    guard let value, let form = value.closedForm else { return false }
    let x = form.value(pi: Double.pi)
    return value.lower.doubleValue - 1e-15 <= x && x <= value.upper.doubleValue + 1e-15
}

@Test func closedFormsOfTheRateQuantitiesForSixOverPiSquared() throws {
    let result = try report("poly(c=1,q=2)")
    #expect(result.aDagger.symbolic == "6/π^2")
    #expect(result.rateExponent?.symbolic == "12/(12 + π^2)")
    #expect(result.levelCoefficient?.symbolic == "6/(12 + π^2)")
    #expect(result.samplesExponent?.symbolic == "(12 + π^2)/12")
    #expect(result.rateExponent?.closedForm?.latexDisplay == "\\frac{12}{12+\\pi^{2}}")
    #expect(result.rateExponent?.closedForm?.latexInline == "12/(12+\\pi^{2})")
    for value in [result.aDagger, result.rateExponent, result.levelCoefficient, result.samplesExponent] {
        #expect(agrees(value))
    }
}

@Test("closed forms agree with the enclosures", arguments: ["poly(c=1,q=2)", "1,2,poly(c=3,q=2)", "1/2,poly(c=2,q=4)", "5,poly(c=1/3,q=2)"])
func closedFormsAgreeWithEnclosures(smoothness: String) throws {
    for p in [nil, try Rational(parsing: "3/2")] {
        let result = try report(smoothness, architecture: .cnn, p: p, q: 2)
        for value in [result.aDagger, result.rateExponent, result.levelCoefficient, result.samplesExponent,
                      result.approximationExponent, result.networkSize?.polynomialExponent] {
            #expect(agrees(value), "\(smoothness), p = \(p?.description ?? "-")")
        }
    }
}

@Test func o22TheoremsTenAndFourteenAreAlternatives() throws {
    let theorem = try #require(Theorem.covering(architecture: .cnn, functionClass: .gammaSmooth, gamma: .mixed))
    #expect(theorem.alternatives == ["Theorem 10", "Theorem 14"])
    #expect(Theorem.covering(architecture: .cnn, functionClass: .gammaSmooth, gamma: .anisotropic) == theorem)
    // 1,2,4 with q = 2: the weak ℓ^q norm fails (2² > ā₂ = 2), Assumption 8 holds: Theorem 10 only.
    let both = try report("1,2,4", gamma: .mixed, architecture: .cnn, q: 2)
    #expect(both.provenBy == ["Theorem 10"] && both.theoremApplies)
    #expect(both.conditions.first { $0.name == "weak_lq_norm <= 1" }?.hypothesisOf == "Theorem 14")
    #expect(both.conditions.first { $0.name == "a1 < a2" }?.hypothesisOf == "Theorem 10")
    // A tie ā₁ = ā₂ breaks Assumption 8's mixed case and the weak ℓ^q norm fails: not proven.
    let tie = try report("1,1,2", gamma: .mixed, architecture: .cnn, q: 2)
    #expect(tie.provenBy.isEmpty && !tie.theoremApplies && tie.isNotProven && tie.rateExponent != nil)
    // poly(c=1,q=2) with q = 2: both assumptions hold (the boundary case c = 1).
    let family = try report("poly(c=1,q=2)", architecture: .cnn, q: 2)
    #expect(family.provenBy == ["Theorem 10", "Theorem 14"])
    #expect(family.conditions.contains { $0.name == "a_i = Omega(log i)" && $0.status == .holds })
    // A family growing more slowly than i^q fails both.
    let slow = try report("poly(c=1,q=3/2)", architecture: .cnn, q: 2)
    #expect(slow.provenBy.isEmpty && slow.isNotProven)
    // Without q the weak ℓ^q norm is undecided; Assumption 8 (for some q) carries Theorem 10.
    let noQ = try report("1,2,4", architecture: .cnn)
    #expect(noQ.provenBy == ["Theorem 10"])
    #expect(noQ.conditions.first { $0.name == "weak_lq_norm <= 1" }?.status == .undecided)
}

@Test func cnnSizesIncludeFilterWidthAndChannels() throws {
    let result = try report("1,2,4", architecture: .cnn, q: 2)
    let network = try #require(result.networkSize)
    let half = Rational(1, 2), sevenFifteenths = Rational(7, 15)
    #expect(network.filterWidthLogExponent == half && network.channelsLogExponent == half)
    #expect(network.polynomialExponent.exact == sevenFifteenths)
}

@Test func printedEnclosuresContainTheValueAndShowTheWidth() throws {
    let rate = try #require(try report("poly(c=1,q=2)").rateExponent)
    let (low, high) = rate.outwardDecimals(fractionDigits: rate.fractionDigitsShowingWidth())
    #expect(low != high)
    let printedLow = try Rational(parsing: low), printedHigh = try Rational(parsing: high)
    #expect(printedLow <= rate.lower && rate.upper <= printedHigh)
    #expect(rate.enclosureLaTeX().hasPrefix("0.548706770361253610536006336934078"))
}
