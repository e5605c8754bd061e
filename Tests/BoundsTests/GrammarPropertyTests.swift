import Foundation
import Testing
@testable import Bounds

/// A seeded property test of the smoothness grammar (the in-suite companion of the
/// libFuzzer target in fuzz/targets): random strings built from the grammar's pieces and
/// noise never trap; an accepted string round-trips through its printed form and gives
/// a report in every format; a refused one gives one safe error line.
struct GrammarPropertyTests {
    static let pieces = ["1", "2", "4", "0", "-1", "3/2", "0.5", "1e3", "1e-3", "1e9999", "1e99999", "7/0", ".5", "5.",
                         ",", ",", ",", ";", " ", "(", ")", "poly(c=1,q=2)", "geom(c=4,r=2)", "poly(c=2,q=3/2)",
                         "geom(c=1,r=1)", "poly(q=2,c=1)", "c=", "q=", "\n", "\r\n", "\u{1B}[31m", "\u{202E}", "\u{2028}",
                         "é", "x", "+", "e", "/", "1/3", "999999999999999999999"]

    static func randomInput(_ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 1...8, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func randomGrammarStringsAnswerOrGiveOneSafeLine() throws {
        var generator = SeededGenerator(seed: 20_260_113)
        var accepted = 0, refused = 0
        for _ in 0..<600 {
            let text = Self.randomInput(&generator)
            do {
                let summary: SmoothnessSummary
                if SmoothnessSequence.looksLikeFamily(text) {
                    let sequence = try SmoothnessSequence.parse(text)
                    #expect(try SmoothnessSequence.parse(sequence.text) == sequence, "round trip of \(text.debugDescription)")
                    summary = try sequence.summary(width: try Rational(parsing: "1e-20"))
                } else {
                    let smoothness = try Smoothness.parse(text)
                    let printed = smoothness.entries.map(\.description).joined(separator: ",")
                    #expect(try Smoothness.parse(printed).entries == smoothness.entries, "round trip of \(text.debugDescription)")
                    summary = SmoothnessSummary(smoothness)
                }
                let report = RateReport(try RateRequest(smoothness: summary, gammas: [.mixed, .anisotropic],
                                                        architectures: Architecture.allCases, functionClasses: FunctionClass.allCases,
                                                        q: Rational(1), n: Rational(1000)))
                #expect(!report.text().isEmpty && !report.latex().isEmpty && !report.markdown().isEmpty)
                _ = report.json().rendered()
                accepted += 1
            } catch {
                let line = SafeText.line("\(error)")
                #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
                                                        || $0 == "\u{2028}" }, "unsafe error for \(text.debugDescription): \(line)")
                refused += 1
            }
        }
        // Both outcomes are exercised (the generator is not trivially rejected or accepted).
        #expect(accepted > 20 && refused > 20)
    }

    @Test func safeTextEscapesAndCuts() {
        #expect(SafeText.escaped("1\r\n2\u{1B}\u{202E}\u{2028}") == "1\\r\\n2\\u{1B}\\u{202E}\\u{2028}")
        let long = String(repeating: "9", count: 1000)
        #expect(SafeText.quoted(long).hasSuffix("(1000 characters)"))
        #expect(SafeText.quoted("12") == "'12'")
    }

    @Test func logarithmEnclosuresContainTheTruth() throws {
        for text in ["2", "10", "1/3", "1e-400", "123456789/1000", "1e9999"] {
            let x = try Rational(parsing: text)
            let (low, high) = x.log10Enclosure()
            #expect(low <= high)
            // 10^low ≤ x ≤ 10^high checked on integer parts where it is cheap.
            if let value = Double(text), value.isFinite, value > 0 {
                #expect(low.doubleValue <= Foundation.log10(value) + 1e-12 && Foundation.log10(value) - 1e-12 <= high.doubleValue)
            }
        }
        #expect(try Rational(parsing: "1e-400").log10Enclosure().lower == Rational(-400))
    }

    @Test func powerComparisonDecidesHugePowersFast() {
        // (10^9999)^4096 vs 2^1 · 1^4096: decided from logarithms, no 41-million-digit number.
        let huge = BigInt.powerOfTen(9999)
        #expect(PowerComparison.compare([(BigInt(2), 1)], [(huge, 4096)]) == -1)
        #expect(PowerComparison.compare([(BigInt(4), 3)], [(BigInt(8), 2)]) == 0)
        #expect(PowerComparison.compare([(BigInt(3), 5)], [(BigInt(2), 8)]) == -1)
    }
}
