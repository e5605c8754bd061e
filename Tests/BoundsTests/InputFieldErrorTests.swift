import Testing
@testable import Bounds

/// Library errors name fields, and a caller's names replace them everywhere in the line.
struct InputFieldErrorTests {
    static let flag: FieldNames = { "--" + $0.rawValue }

    @Test func requestErrorsNameTheField() throws {
        let summary = SmoothnessSummary(try Smoothness.parse("1,2,4"))
        let request = { (p: Rational?, q: Rational?, n: Rational?, k: Rational?) in
            try RateRequest(smoothness: summary, gammas: [.mixed], architectures: [.ssm], functionClasses: [.gammaSmooth],
                            p: p, q: q, n: n, logExponent: k)
        }
        let cases: [(() throws -> RateRequest, InputField, String)] = [
            ({ try request(0, nil, nil, nil) }, .p, "p 0: expected p ≥ 1"),
            ({ try request(nil, 0, nil, nil) }, .q, "q 0: expected q > 0"),
            ({ try request(nil, nil, 1, nil) }, .n, "n 1: expected a sample size n > 1"),
            ({ try request(nil, nil, nil, -1) }, .logExponent, "logExponent -1: expected k ≥ 0"),
        ]
        for (make, field, text) in cases {
            do {
                _ = try make()
                Issue.record("\(field) was accepted")
            } catch let error as RateRequestError {
                #expect(error.field == field)
                #expect(error.description.hasPrefix(text), "\(error)")
                #expect(error.message(naming: Self.flag).hasPrefix("--" + text), "\(error)")
            }
        }
        let report = RateReport(try request(nil, nil, nil, nil))
        #expect(throws: RateRequestError(field: .error, value: "1", expected: "a target error ε with 0 < ε < 1")) {
            try SamplePlan(report: report, errors: [1])
        }
    }

    @Test func enclosureErrorsNameEveryFieldTheyMention() {
        let tail = FamilyEnclosureError.tailOverBudget(q: Rational(3, 2), widthDigits: 40, work: 99)
        #expect(tail.field == .smoothness)
        let line = tail.message(naming: Self.flag)
        #expect(line.hasPrefix("--smoothness: enclosing Σ i^(−q) for q = 3/2 to width 1e-40"), "\(line)")
        #expect(line.contains("ask for a larger --precision (work limit"), "\(line)")
        #expect(!tail.description.contains("--"))
        #expect(FamilyEnclosureError.tooPrecise(digits: 3000).field == .precision)
        #expect(FamilyEnclosureError.notConverged.message(naming: Self.flag).hasPrefix("--precision: "))
    }

    @Test func reportNotesNameTheInputTheyAskFor() throws {
        let summary = SmoothnessSummary(try Smoothness.parse("1,2,4"))
        let request = try RateRequest(smoothness: summary, gammas: [.anisotropic], architectures: [.cnn],
                                      functionClasses: [.gammaSmooth])
        let own = RateReport(request), flags = RateReport(request, fieldNames: Self.flag)
        let ownLines = own.results[0].notes + own.results[0].conditions.map(\.detail)
        let flagLines = flags.results[0].notes + flags.results[0].conditions.map(\.detail)
        #expect(ownLines.contains { $0.hasSuffix("needs q") } && ownLines.contains { $0.contains("give q to decide it") })
        #expect(flagLines.contains { $0.hasSuffix("needs --q") } && flagLines.contains { $0.contains("give --q to decide it") })
        #expect(!ownLines.joined().contains("--"))
        let userK = RateReport(try RateRequest(smoothness: summary, gammas: [.anisotropic], architectures: [.ssm],
                                               functionClasses: [.gammaSmooth], logExponent: 2), fieldNames: Self.flag)
        #expect(userK.text().contains("user-supplied (--logExponent)"))
    }

    @Test func limitErrorsNameTheSmoothness() {
        let long = String(repeating: "1,", count: InputBudget.maximumEntries) + "1"
        do {
            try InputBudget.checkSmoothness(long)
            Issue.record("over-long smoothness accepted")
        } catch let error as InputLimitError {
            #expect(error.field == .smoothness)
            #expect(error.description.hasPrefix("smoothness has \(InputBudget.maximumEntries + 1) entries"), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

/// `RateReport.onlyValue(of:)`: one result's quantity, or an error that names the selection.
struct OnlyValueTests {
    static func report(gammas: [GammaType], architectures: [Architecture]) throws -> RateReport {
        RateReport(try RateRequest(smoothness: SmoothnessSummary(try Smoothness.parse("1,2,4")), gammas: gammas,
                                   architectures: architectures, functionClasses: [.gammaSmooth]))
    }

    @Test func oneResultGivesItsValue() throws {
        let value = try Self.report(gammas: [.anisotropic], architectures: [.ssm]).onlyValue(of: .rateExponent)
        #expect(value.exact == Rational(8, 15))
    }

    @Test func otherSelectionsNameTheirFields() throws {
        let flag: FieldNames = { "--" + $0.rawValue }
        do {
            _ = try Self.report(gammas: [.mixed, .anisotropic], architectures: [.ssm, .cnn]).onlyValue(of: .rateExponent)
            Issue.record("four results gave a value")
        } catch let error as RateValueError {
            #expect(error.message(naming: flag) == "the options select 4 results; give one --gamma (mixed or anisotropic), one --architecture and one --functionClass")
        }
        do {
            _ = try Self.report(gammas: [.mixed], architectures: [.ssm]).onlyValue(of: .aTilde)
            Issue.record("ã of mixed γ was given")
        } catch let error as RateValueError {
            #expect(error.field == .architecture)
            #expect(error.description.hasPrefix("a-tilde is undefined for SSM, mixed γ, gamma-smooth class"), "\(error)")
        }
    }
}
