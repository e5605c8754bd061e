import Foundation
import Testing
@testable import Bounds

/// One row of `Fixtures/rates.tsv`, the project's reference table of exact rates (docs/formulas.md).
struct ReferenceRow: CustomStringConvertible {
    let smoothness, p, q, gamma, aDagger, rate, level, samples, cnnLog, note: String
    var description: String { "\(smoothness) p=\(p) q=\(q) \(gamma)" }

    static func load() throws -> [ReferenceRow] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/rates.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return ReferenceRow(smoothness: f[0], p: f[1], q: f[2], gamma: f[3], aDagger: f[4], rate: f[5],
                                level: f[6], samples: f[7], cnnLog: f[8], note: f[9])
        }
    }
}

private func optionalRational(_ text: String) throws -> Rational? {
    text == "-" ? nil : try Rational(parsing: text)
}

@Test("every row of the reference table is reproduced exactly", arguments: try ReferenceRow.load())
func referenceRow(_ row: ReferenceRow) throws {
    let gamma = try #require(GammaType(rawValue: row.gamma))
    let request = try RateRequest(smoothness: SmoothnessSummary(try Smoothness.parse(row.smoothness)),
                                  gammas: [gamma], architectures: [.ssm, .cnn], functionClasses: [.gammaSmooth],
                                  p: try optionalRational(row.p), q: try optionalRational(row.q))
    let report = RateReport(request)
    let ssm = try #require(report.results.first { $0.architecture == .ssm })
    let cnn = try #require(report.results.first { $0.architecture == .cnn })
    #expect(ssm.aDagger.exact?.description == row.aDagger)
    #expect(ssm.rateExponent?.exact?.description ?? "-" == row.rate)
    #expect(ssm.levelCoefficient?.exact?.description ?? "-" == row.level)
    #expect(ssm.samplesExponent?.exact?.description ?? "-" == row.samples)
    #expect(cnn.logExponent?.value.description ?? "-" == row.cnnLog)
    #expect(cnn.logExponent.map { $0.origin == .stated } ?? true)

    let failing = Set(ssm.conditions.filter { $0.required && $0.status == .fails }.map(\.name))
    switch row.note {
    case "-": #expect(failing.isEmpty, "unexpected failing conditions \(failing)")
    case "fails strict gap a1<a2": #expect(failing == ["a1 < a2"])
    case "fails a_dagger > v": #expect(failing == ["a_dagger > v"])
    default: Issue.record("unknown note \(row.note)")
    }
    #expect(ssm.theoremApplies == failing.isEmpty)
}

@Test func referenceTableIsNotEmpty() throws {
    #expect(try ReferenceRow.load().count >= 40)
}
