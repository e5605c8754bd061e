// The exact rate exponents of every architecture for the smoothness a = (1, 2, 4), with the
// Bounds library (docs/library.md): parse, summarize, request, read the results.
import Bounds

let smoothness = try Smoothness.parse("1,2,4")
let request = try RateRequest(smoothness: SmoothnessSummary(smoothness),
                              gammas: GammaType.allCases,
                              architectures: Architecture.allCases,
                              functionClasses: [.gammaSmooth])
let report = RateReport(request)

print("a = (1, 2, 4), p ≥ 2")
for result in report.results {
    let rate = result.value(of: .rateExponent)
    let exact = rate?.exact.map { "\($0)" } ?? "none"
    let decimal = rate?.rendered(.decimal) ?? "—"
    let source = result.theorem.map { $0.source.key } ?? "no theorem"
    print("\(result.architecture.displayName) \(result.gamma.rawValue): r = \(exact) ≈ \(decimal) (\(source)), "
          + "a† = \(result.aDagger.rendered(.fraction)), applies: \(result.theoremApplies)")
}
// The LaTeX macros a paper can \input, as `ratecalc --format latex-macros` prints them:
print(report.latexMacros(prefix: "Ex"), terminator: "")
