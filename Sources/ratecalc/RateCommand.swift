import ArgumentParser
import Bounds
import ProcessIO

/// `ratecalc rate` (the default command): the theorems' exact rates for a smoothness
/// (docs/formulas.md; README, Usage).
struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Exact rate exponents, levels and conditions for a smoothness.",
        discussion: """
        For each γ type and architecture: the effective smoothness a†, the rate exponent \
        r = 2(a†−v)/(2(a†−v)+1) of E‖f̂ − f°‖² (exact, with a decimal), the level T(n), the \
        samples exponent 1/r, the theorem with its provenance, and every condition decided exactly.
        """,
        usage: "ratecalc [rate] --smoothness 1,2,4 [--gamma mixed|anisotropic|both] [--arch ssm|transformer|cnn|all] [--format text|json|latex|markdown|latex-macros|typst] [--latex-style display|table]\n       ratecalc rate --theorem ID [--param NAME=VALUE,…] [--theorems FILE] [--format text|json|typst]",
        examples: "ratecalc --smoothness 1,2,4 --arch ssm\nratecalc --smoothness 1,2,4 --arch all --format json\nratecalc --smoothness 1,2,4 --arch all --format latex\nratecalc --latex-preamble\nratecalc --smoothness 1,2,4 --arch all --format typst\nratecalc --bibliography > ratecalc.bib\nratecalc rate --theorem stone1982 --param beta=2,d=3\nratecalc rate --theorems my.toml --theorem my-holder --param beta=1/2,d=3 --format json"
    )

    @OptionGroup var theory: TheoryOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Also evaluate the bound's main term n^(−r) and T(n) at this sample size.", valueName: "N"),
            transform: Rational.argument)
    var n: Rational?

    @Option(help: ArgumentHelp("Evaluate one theorem of the library by id (ratecalc theorems lists them), with --param.", valueName: "ID"))
    var theorem: String?

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("The theorem's parameters, NAME=VALUE[,NAME=VALUE…] (exact values); repeatable.", valueName: "LIST"))
    var param: [String] = []

    func run() throws {
        if try theory.printedPreamble() { return }
        let library = try theory.library()
        if let id = theorem {
            try StandardOutput.write(try TheoremEvaluationRequest(
                theorem: id, library: library, parameters: try TheoremParameters(parsing: param),
                smoothness: try theory.smoothnessSummary(), gammas: theory.gamma.values, p: theory.p, q: theory.q,
                format: theory.format, fieldNames: FlagNames.names).rendered())
            return
        }
        guard param.isEmpty else { throw ValidationError("--param needs --theorem ID (the theorem whose parameters they are)") }
        let report = RateReport(try theory.request(n: n), fieldNames: FlagNames.names, library: library)
        try StandardOutput.write(report.rendered(theory.format, latexStyle: theory.latexStyle, macroPrefix: theory.macroPrefix))
    }
}

extension CommandConfiguration {
    init(commandName: String, abstract: String, discussion: String, usage: String, examples: String) {
        self.init(commandName: commandName, abstract: abstract, usage: usage,
                  discussion: discussion + "\n\nExamples:\n" + examples.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    }
}
