import ArgumentParser
import Bounds
import ProcessIO

extension RateQuantityName: ExpressibleByArgument {}
extension ValueStyle: ExpressibleByArgument {}

/// `ratecalc value`: one quantity of one result, for inline values in notes
/// (`docs/notes.md`): e.g. the rate exponent of anisotropic γ on SSMs as `\frac{8}{15}`.
struct ValueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "value",
        abstract: "One exact quantity (rate exponent, a†, …) of one γ type and architecture, for running text.",
        discussion: """
        The options must select exactly one result: one --gamma, one --arch and (with --arch all) one --class. \
        --template puts the value into a text, replacing {value}: 'n^{-{value}}' gives n^{-\\frac{8}{15}}.
        """,
        usage: "ratecalc value rate-exponent|a-dagger|a-tilde|t-coefficient|samples-exponent|approximation-exponent --smoothness 1,2,4 --gamma anisotropic --arch ssm [--style latex|fraction|decimal|typst] [--template TEXT]",
        examples: "ratecalc value rate-exponent --smoothness 1,2,4 --gamma anisotropic --arch ssm\nratecalc value rate-exponent --smoothness 1,2,4 --gamma anisotropic --style fraction --template 'n^(-{value})'"
    )

    @Argument(help: ArgumentHelp("The quantity: rate-exponent, a-dagger, a-tilde, t-coefficient, samples-exponent or approximation-exponent.", valueName: "quantity"))
    var quantity: RateQuantityName

    @OptionGroup var theory: TheoryOptions

    @Option(help: "How to write the value: latex (\\frac{8}{15}), fraction (8/15), decimal or typst (8/15 in Typst math).")
    var style: ValueStyle = .latex

    @Option(help: ArgumentHelp("A text in which {value} is replaced by the value.", valueName: "TEXT"))
    var template: String = "{value}"

    func run() throws {
        guard template.contains("{value}"), !template.contains("\n") else {
            throw ValidationError("--template '\(template)': expected one line containing {value}")
        }
        let value = try RateReport(try theory.request(), fieldNames: FlagNames.names, library: try theory.library()).onlyValue(of: quantity)
        try StandardOutput.write(template.replacingOccurrences(of: "{value}", with: value.rendered(style)) + "\n")
    }
}
