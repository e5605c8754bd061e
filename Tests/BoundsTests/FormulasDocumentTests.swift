import Foundation
import Testing
@testable import Bounds

private let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs")

/// docs/formulas.md's theorem registry table agrees with the library: each cell names the
/// covering theorem's source and provenance, or says no theorem covers the pair.
@Test func formulasRegistryTableMatchesTheLibrary() throws {
    let text = try String(contentsOf: docs.appendingPathComponent("formulas.md"), encoding: .utf8)
    let section = try #require(text.components(separatedBy: "## Theorem registry").dropFirst().first)
    for architecture in Architecture.allCases {
        let row = try #require(section.split(separator: "\n").first { $0.hasPrefix("| \(architecture.rawValue) |") }, "\(architecture)")
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, functionClass) in [FunctionClass.gammaSmooth, .piecewise].enumerated() {
            let cell = cells[index + 1]
            if let theorem = TheoremLibrary.builtIn.covering(architecture: architecture, functionClass: functionClass) {
                #expect(cell.hasPrefix(theorem.source.key), "\(architecture) \(functionClass): \(cell)")
                #expect(cell.contains(theorem.provenance == .stated ? "stated" : "up to polylog"), "\(architecture) \(functionClass)")
                for number in theorem.alternatives { #expect(cell.contains(number.replacingOccurrences(of: "Theorem ", with: "Thm ")), "\(number)") }
            } else {
                #expect(cell.hasPrefix("no theorem"), "\(architecture) \(functionClass)")
            }
        }
    }
}

/// The worked example of docs/formulas.md is what the library's theorem files compute.
@Test func formulasWorkedExampleIsTheLibrarysValue() throws {
    let text = try String(contentsOf: docs.appendingPathComponent("formulas.md"), encoding: .utf8)
    #expect(text.contains("mixed `a† = 1`, `r = 2/3`, `T = (1/3) log₂ n`"))
    #expect(text.contains("anisotropic `ã = 7/4`, `a† = 4/7`, `r = 8/15`, `T = (4/15) log₂ n`, `1/r = 15/8`"))
    #expect(text.contains("| rate exponent `r` | `2(a†−v) / (2(a†−v)+1)` |"))
    let request = try RateRequest(smoothness: SmoothnessSummary(try Smoothness.parse("1,2,4")), gammas: [.mixed, .anisotropic],
                                  architectures: [.ssm], functionClasses: [.gammaSmooth])
    let results = RateReport(request).results
    #expect(results[0].rateExponent?.exact == Rational(2, 3) && results[0].levelCoefficient?.exact == Rational(1, 3))
    #expect(results[1].rateExponent?.exact == Rational(8, 15) && results[1].levelCoefficient?.exact == Rational(4, 15))
    #expect(results[1].samplesExponent?.exact == Rational(15, 8) && results[1].aTilde?.exact == Rational(7, 4))
    // The documented formula is the files' formula for every covering theorem.
    for theorem in TheoremLibrary.builtIn.theorems where !theorem.coverage.isEmpty {
        #expect(ExpressionNotation.text(theorem.rate.text) == "2*(a† - v)/(2*(a† - v) + 1)", "\(theorem.id)")
    }
}
