import Testing
@testable import Bounds

@Test func parsesVectorsAndMatrices() throws {
    let vector = try Smoothness.parse(" 1, 3/2 ,0.25, 1e-3 ")
    #expect(vector.rows == 4 && vector.columns == 1)
    #expect(vector.entries == [1, Rational(3, 2), Rational(1, 4), Rational(1, 1000)])
    let matrix = try Smoothness.parse("1,2;3,4;5,6")
    #expect(matrix.rows == 3 && matrix.columns == 2)
    #expect(matrix.entries == [1, 2, 3, 4, 5, 6])
}

@Test("bad smoothness strings name the token and position", arguments: [
    ("", "empty"), ("1,,2", "entry 2 is empty"), ("abc", "'abc' is not a number"), ("0", "'0' must be > 0"),
    ("-1", "'-1' must be > 0"), ("1/0", "zero denominator"), ("nan", "'nan' is not a number"),
    ("inf", "'inf' is not a number"), ("1e99999", "exponent too large"), ("1,2;3", "rectangular"),
    ("1,2;3,x", "row 2, column 2 'x'"), ("2,3,", "entry 3 is empty"),
])
func badSmoothness(text: String, fragment: String) {
    do {
        _ = try Smoothness.parse(text)
        Issue.record("'\(text)' was accepted")
    } catch {
        let message = "\(error)"
        #expect(message.contains(fragment), "\(message)")
        #expect(!message.contains("\n"))
    }
}

@Test func longVectorIsExact() throws {
    let text = (1...10_000).map(String.init).joined(separator: ",")
    let smoothness = try Smoothness.parse(text)
    #expect(smoothness.entries.count == 10_000)
    let aDagger = EffectiveSmoothness.aDagger(entries: smoothness.entries, gamma: .anisotropic)
    // 1/H_10000, with H_n the harmonic number: check by the defining identity.
    let harmonic = Rational.balancedSum((1...10_000).map { Rational(1, $0) })
    #expect(aDagger * harmonic == 1)
}
