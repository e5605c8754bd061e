import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Bounds
@testable import Numeric

/// docs/check.md verdicts and the docs/json-schema.md output of the check report.
@Suite struct CheckReportTests {
    static let band = CheckLogBand(k: 2, geometricMeanN: 2896, lower: 0.3, upper: 8.0 / 15)
    static let r = 8.0 / 15

    // MARK: verdicts

    @Test func verdictBoundaries() {
        func verdict(_ lo: Double, _ hi: Double) -> CheckVerdict {
            CheckVerdict.classify(interval: lo...hi, theory: CheckFixtures.theory, band: Self.band).verdict
        }
        #expect(verdict(0.4, 0.6) == .consistent)
        #expect(verdict(Self.r, 0.9) == .consistent)            // lo = r
        #expect(verdict(0.2, Self.r) == .consistent)            // hi = r
        #expect(verdict(Self.r.nextUp, 0.9) == .fasterThanTheory)
        #expect(verdict(0.2, Self.r.nextDown) == .consistentUpToPolylog)
        #expect(verdict(0.1, 0.3) == .consistentUpToPolylog)    // hi = r − K/ln n̄
        #expect(verdict(0.1, 0.3.nextDown) == .slowerThanTheory)
        #expect(verdict(-0.2, 0.1) == .slowerThanTheory)
        #expect(verdict(-0.5, 0.1) == .inconclusive)             // wider than r itself
    }

    @Test func explanationsCarryTheNumbers() {
        let consistent = CheckVerdict.classify(interval: 0.41...0.57, theory: CheckFixtures.theory, band: Self.band)
        #expect(consistent.explanation == "consistent: r = 8/15 ≈ 0.5333 lies in [0.41, 0.57]")
        let polylog = CheckVerdict.classify(interval: 0.31...0.5, theory: CheckFixtures.theory, band: Self.band).explanation
        #expect(polylog.hasPrefix("consistent up to polylog: [0.31, 0.5]") && polylog.contains("[0.3, 0.5333]") && polylog.contains("K = 2"))
        #expect(CheckVerdict.classify(interval: 0.6...0.7, theory: CheckFixtures.theory, band: Self.band).explanation.contains("above r = 8/15"))
        #expect(!CheckVerdict.classify(interval: 0.1...0.2, theory: CheckFixtures.theory, band: Self.band).explanation.contains("\n"))
    }

    @Test func logBandUsesGeometricMeanOfSampledSizes() {
        let band = CheckLogBand(theory: Self.r, k: 2, sampleSizes: [512, 1024, 2048, 4096, 8192, 16384])
        #expect(abs(band.geometricMeanN - pow(2, 11.5)) < 1e-6)
        #expect(abs(band.lower - (Self.r - 2 / (11.5 * log(2.0)))) < 1e-12)
        #expect(band.upper == Self.r)
    }

    @Test func endToEndVerdicts() {
        let settings = CheckFixtures.settings(estimators: [.ssm, .transformer, .fnn, .oracle], seeds: 4)
        let records = CheckFixtures.records(settings, exponents: [.ssm: Self.r, .transformer: 0.45, .fnn: 0.1, .oracle: 0.85], logNoise: 0.05)
        let report = CheckFixtures.report(settings, records)
        #expect(report.verdicts() == [.ssm: .consistent, .transformer: .consistentUpToPolylog,
                                      .fnn: .slowerThanTheory, .oracle: .fasterThanTheory])
        #expect(report.isComplete && report.missingRuns == 0)
        let difference = report.difference!
        #expect(abs(difference.difference - (Self.r - 0.45)) < 0.05)
        #expect(!(difference.interval!.contains(0)))
    }

    @Test func pairedDifferenceContainsZeroForEqualRates() throws {
        let settings = CheckFixtures.settings(estimators: [.ssm, .transformer], seeds: 5)
        let records = CheckFixtures.records(settings, exponents: [.ssm: 0.5, .transformer: 0.5], logNoise: 0.3)
        let difference = try #require(CheckFixtures.report(settings, records).difference)
        #expect(try #require(difference.interval).contains(0))
        #expect(difference.intervalMethod == "paired bootstrap over seeds")
        #expect(difference.pairs == 30)
        #expect(CheckFixtures.report(CheckFixtures.settings(estimators: [.oracle]), []).difference == nil)
    }

    // MARK: determinism

    @Test func shuffledRecordsGiveIdenticalOutput() {
        let settings = CheckFixtures.settings()
        let records = CheckFixtures.records(settings, exponents: [.ssm: 0.5, .transformer: 0.55, .oracle: 0.6])
        let a = CheckFixtures.report(settings, records)
        var random = RandomSource(seed: 99)
        let shuffled = random.permutation(records.count).map { records[$0] }
        #expect(shuffled.map(\.testMSE) != records.map(\.testMSE))
        let b = CheckFixtures.report(settings, shuffled)
        #expect(a.json() == b.json())
        #expect(a.csv() == b.csv())
        #expect(a.text() == b.text())
        #expect(a.markdown() == b.markdown())
        #expect(a.latex() == b.latex())
        #expect(a.svg() == b.svg())
    }

    // MARK: JSON contract

    @Test func jsonHasTheSpecFieldsAndTypes() throws {
        let settings = CheckFixtures.settings()
        let report = CheckFixtures.report(settings, CheckFixtures.records(settings, exponents: [.ssm: 0.5, .transformer: 0.5, .oracle: 0.55]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        let smoothness = try #require(object["smoothness"] as? [String: Any])
        #expect(smoothness["entries"] as? [String] == ["1", "2", "4"])
        #expect(smoothness["rows"] as? Int == 3 && smoothness["columns"] as? Int == 1)
        #expect(object["gamma"] as? String == "anisotropic")
        #expect(object["class"] as? String == "gamma-smooth")
        let rate = try #require((object["theory"] as? [String: Any])?["rate_exponent"] as? [String: Any])
        #expect(rate["exact"] as? String == "8/15")
        #expect(abs((rate["approx"] as? Double ?? 0) - 0.5333333333) < 1e-12)
        let jsonSettings = try #require(object["settings"] as? [String: Any])
        #expect(jsonSettings["n"] as? [Int] == [512, 1024, 2048, 4096, 8192, 16384])
        #expect(jsonSettings["seeds"] as? Int == 3 && jsonSettings["noise"] as? Double == 0.5)
        for key in ["smoothness", "gamma", "class", "estimators", "seed", "length", "width", "epochs", "log_band_k", "window", "target_level", "test_sequences"] {
            #expect(jsonSettings[key] != nil, "settings.\(key)")
        }
        let estimators = try #require(object["estimators"] as? [[String: Any]])
        #expect(estimators.map { $0["name"] as? String } == ["ssm", "transformer", "oracle"])
        for estimator in estimators {
            let runs = try #require(estimator["runs"] as? [[String: Any]])
            #expect(runs.count == 18)
            #expect(runs[0]["n"] as? Int == 512 && runs[0]["replicate"] as? Int == 0 && runs[0]["seed"] == nil)
            #expect(runs[0]["test_mse"] is Double && runs[0]["seconds"] is Double && runs[0]["details"] is [String: Any])
            #expect(estimator["fitted_exponent"] is Double)
            let interval = try #require(estimator["interval"] as? [Double])
            #expect(interval.count == 2 && interval[0] <= interval[1])
            #expect(estimator["interval_method"] as? String == "bootstrap over seeds")
            #expect(CheckVerdict(rawValue: estimator["verdict"] as? String ?? "") != nil)
            #expect(estimator["explanation"] is String)
            let table = try #require(estimator["table"] as? [[String: Any]])
            #expect(table.count == 6 && table[0]["mean_test_mse"] is Double && table[0]["runs"] as? Int == 3)
        }
        let difference = try #require(object["ssm_minus_transformer"] as? [String: Any])
        #expect(difference["difference"] is Double && (difference["interval"] as? [Double])?.count == 2)
        let band = try #require(object["log_band"] as? [String: Any])
        #expect(band["k"] as? Double == 2 && band["lower"] is Double && band["upper"] as? Double == 8.0 / 15)
        let target = try #require(object["target"] as? [String: Any])
        #expect(target["terms"] as? Int == 123 && target["squared_norm"] as? Double == 1.63 && target["level"] as? Double == 4)
        #expect(object["complete"] as? Bool == true && object["missing_runs"] as? Int == 0)
    }

    // MARK: incomplete data

    @Test func incompleteRunsAreCountedAndOneSizeIsNotEnoughData() throws {
        let settings = CheckFixtures.settings()
        var records = CheckFixtures.records(settings, exponents: [:])
        records.removeAll { $0.estimator == .oracle && $0.n != 1024 }        // oracle: one n only
        records.removeAll { $0.estimator == .ssm && $0.n == 512 && $0.replicate == 2 }
        let report = CheckFixtures.report(settings, records)
        #expect(report.missingRuns == 15 + 1)
        #expect(!report.isComplete)
        #expect(report.verdicts()[.oracle] == .notEnoughData)
        #expect(report.verdicts()[.ssm] != .notEnoughData)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["complete"] as? Bool == false && object["missing_runs"] as? Int == 16)
        let oracle = try #require((object["estimators"] as? [[String: Any]])?.last)
        #expect(oracle["verdict"] as? String == "not enough data")
        #expect(oracle["fitted_exponent"] is NSNull && oracle["interval"] is NSNull)
        #expect(report.text().contains("incomplete: 16 of 54 runs missing"))
        _ = report.svg(); _ = report.markdown(); _ = report.latex(); _ = report.csv()
    }

    @Test func emptyAndDegenerateRecordSetsDoNotCrash() throws {
        let settings = CheckFixtures.settings()
        let empty = CheckFixtures.report(settings, [])
        #expect(empty.missingRuns == 54)
        #expect(empty.verdicts().values.allSatisfy { $0 == .notEnoughData })
        #expect(try XMLCheck.isWellFormed(empty.svg()))
        _ = empty.text(); _ = empty.json(); _ = empty.markdown(); _ = empty.latex()
        // Non-positive and non-finite MSEs are left out of the fit, and JSON shows null.
        var records = CheckFixtures.records(settings, exponents: [:])
        records[0].testMSE = 0
        records[1].testMSE = .nan
        records[2].testMSE = .infinity
        let report = CheckFixtures.report(settings, records)
        #expect(report.summary(of: .ssm)?.unusableRuns == 1)
        #expect(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) is [String: Any])
        #expect(try XMLCheck.isWellFormed(report.svg()))
        // Two points, one run each: a fit but no interval.
        let two = CheckFixtures.settings(estimators: [.oracle], sizes: [512, 1024], seeds: 1)
        let twoReport = CheckFixtures.report(two, CheckFixtures.records(two, exponents: [:]))
        #expect(twoReport.verdicts()[.oracle] == .notEnoughData)
        #expect(twoReport.summary(of: .oracle)?.fit?.interval == nil)
    }

    // MARK: formats

    @Test func csvHasOneRowPerRunInCanonicalOrder() {
        let settings = CheckFixtures.settings(estimators: [.oracle, .ssm], sizes: [512, 1024], seeds: 2)
        let records = CheckFixtures.records(settings, exponents: [:])
        let lines = CheckFixtures.report(settings, records.reversed()).csv().split(separator: "\n").map(String.init)
        #expect(lines[0] == "estimator,n,replicate,test_mse,seconds,steps,step_cap,stop_reason,final_train_mse,best_validation_mse,basis_size,epochs,level")
        #expect(lines.count == 1 + 8)
        #expect(lines[1].hasPrefix("oracle,512,0,") && lines[2].hasPrefix("oracle,512,1,") && lines[3].hasPrefix("oracle,1024,0,"))
        #expect(lines[5].hasPrefix("ssm,512,0,"))
        let oracleCells = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(oracleCells.count == 13 && oracleCells[5...9].allSatisfy(\.isEmpty))
        #expect(oracleCells[10] == "64.0" && oracleCells[11] == "" && oracleCells[12] == "3.0")
        let first = records.first { $0.estimator == .oracle && $0.n == 512 && $0.replicate == 0 }!
        #expect(Double(String(oracleCells[3])) == first.testMSE)
    }

    @Test func latexIsABalancedBooktabsTabularFittedToTheColumn() {
        let settings = CheckFixtures.settings()
        let latex = CheckFixtures.report(settings, CheckFixtures.records(settings, exponents: [:])).latex()
        #expect(latex.contains("\\begin{tabular}{@{}lccccp{2.3cm}@{}}") && latex.contains("\\end{tabular}"))
        #expect(latex.contains("\\toprule") && latex.contains("\\bottomrule") && !latex.contains("\\hline") && !latex.contains("\\usepackage"))
        #expect(latex.contains("\\ifdim\\wd0>\\columnwidth\\resizebox{\\columnwidth}{!}{\\usebox0}"))
        #expect(latex.contains("\\frac{8}{15}"))
        let rows = latex.split(separator: "\n").filter { $0.hasSuffix("\\\\") && !$0.hasPrefix("\\multicolumn") }
        #expect(rows.count == 1 + 3 + 1)   // header, estimators, difference
        #expect(latex.contains("\\multicolumn{6}{@{}l}{theory: $\\frac{8}{15}$"))
        for row in rows {
            #expect(row.filter { $0 == "&" }.count == 5, "\(row)")
            #expect(row.filter { $0 == "$" }.count % 2 == 0, "\(row)")
        }
        for line in latex.split(separator: "\n") where !line.hasPrefix("%") {
            #expect(line.filter { $0 == "{" }.count == line.filter { $0 == "}" }.count || line == "\\sbox0{%" || line == "}%", "\(line)")
            #expect(!line.contains("_") && !line.contains("#") && !line.contains("%") || line.contains("\\%") || line.hasSuffix("%"))
        }
    }

    @Test func markdownHasMathTable() {
        let settings = CheckFixtures.settings()
        let markdown = CheckFixtures.report(settings, CheckFixtures.records(settings, exponents: [:])).markdown()
        #expect(markdown.contains("theory $r = \\frac{8}{15} \\approx 0.5333$"))
        #expect(markdown.contains("| estimator | $\\hat r$ [95%] | efficiency slope $b$ [95%] | converged | verdict |"))
        #expect(markdown.contains("| SSM - Transformer |"))
        for line in markdown.split(separator: "\n") { #expect(line.filter { $0 == "$" }.count % 2 == 0, "\(line)") }
    }

    @Test func textNamesEverything() {
        let settings = CheckFixtures.settings()
        let text = CheckFixtures.report(settings, CheckFixtures.records(settings, exponents: [.ssm: 8.0 / 15, .transformer: 8.0 / 15, .oracle: 8.0 / 15])).text()
        for needle in ["a = (1, 2, 4)", "anisotropic", "gamma-smooth", "r = 8/15 ≈ 0.5333333333", "123 terms", "‖f‖² = 1.63",
                       "log band", "ssm", "transformer", "oracle", "SSM − Transformer", "bootstrap over seeds"] {
            #expect(text.contains(needle), "\(needle)")
        }
        #expect(!text.contains("incomplete"))
    }

    @Test func svgIsWellFormedAndLabelled() throws {
        let settings = CheckFixtures.settings()
        let svg = CheckFixtures.report(settings, CheckFixtures.records(settings, exponents: [.ssm: 0.5, .transformer: 0.55, .oracle: 0.6])).svg()
        #expect(try XMLCheck.isWellFormed(svg))
        for needle in ["theory slope −8/15", "n (training sequences)", "test MSE (noiseless target)", "anisotropic γ", "gamma-smooth",
                       ">512<", ">16384<", "stroke-dasharray", "#1f77b4", "#d62728", "#7b3294"] {
            #expect(svg.contains(needle), "\(needle)")
        }
        #expect(svg.components(separatedBy: "<circle").count - 1 == 6 + 1 + 6) // ssm points + legend + the c(n) panel
        #expect(svg.contains("c = n / n_eq"))
        if let directory = ProcessInfo.processInfo.environment["RATECALC_REPORT_SAMPLE_DIR"] {
            let report = CheckFixtures.report(settings, CheckFixtures.records(settings, exponents: [.ssm: 0.5, .transformer: 0.55, .oracle: 0.6]))
            try svg.write(toFile: directory + "/check.svg", atomically: true, encoding: .utf8)
            try report.text().write(toFile: directory + "/check.txt", atomically: true, encoding: .utf8)
            try report.latex().write(toFile: directory + "/check.tex", atomically: true, encoding: .utf8)
            try report.markdown().write(toFile: directory + "/check.md", atomically: true, encoding: .utf8)
            try report.json().write(toFile: directory + "/check.json", atomically: true, encoding: .utf8)
            try report.csv().write(toFile: directory + "/check.csv", atomically: true, encoding: .utf8)
            // A narrow MSE range (less than a decade), an incomplete sweep, one seed per n.
            let narrow = CheckFixtures.settings(estimators: [.fnn, .oracle], sizes: [256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144], seeds: 1)
            var narrowRecords = CheckFixtures.records(narrow, exponents: [.fnn: 0.05, .oracle: 0.12], constant: 0.5, logNoise: 0.05)
            narrowRecords.removeLast(3)
            let narrowReport = CheckFixtures.report(narrow, narrowRecords)
            try narrowReport.svg().write(toFile: directory + "/check-narrow.svg", atomically: true, encoding: .utf8)
            try narrowReport.text().write(toFile: directory + "/check-narrow.txt", atomically: true, encoding: .utf8)
        }
    }
}

/// Well-formedness of XML through Foundation's parser.
enum XMLCheck {
    final class Delegate: NSObject, XMLParserDelegate {
        var error: Error?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
    }

    static func isWellFormed(_ text: String) throws -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.error { throw error }
        return ok
    }
}
