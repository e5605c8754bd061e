import ArgumentParser
import Bounds
import ProcessIO

/// `ratecalc samples`: sample sizes for target errors, `n(ε) ≍ ε^{-1/r}`.
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Sample size n(ε) ≍ ε^(−1/r) for target errors, architectures side by side.",
        discussion: "The exponent 1/r is exact; n(ε) is evaluated without the theorems' unknown constants and polylog factors.",
        usage: "ratecalc samples --smoothness 1,2,4 --error 1e-2,1e-3 [--arch all] [--format text|json|latex|markdown|typst]",
        examples: "ratecalc samples --smoothness 1,2,4 --error 1e-3 --arch all"
    )

    @OptionGroup var theory: TheoryOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Target errors ε in (0, 1), comma-separated (default 1e-1,1e-2,1e-3).", valueName: "ε,…"),
            transform: Rational.list)
    var error: [Rational]?

    func run() throws {
        if try theory.printedPreamble() { return }
        let plan = try SamplePlan(report: RateReport(try theory.request(), fieldNames: FlagNames.names, library: try theory.library()), errors: error ?? SamplePlan.defaultErrors)
        try StandardOutput.write(plan.rendered(theory.format, macroPrefix: theory.macroPrefix))
    }
}
