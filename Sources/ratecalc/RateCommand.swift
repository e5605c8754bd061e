import ArgumentParser
import Bounds

/// `ratecalc rate`: the theorems' exact rates for a smoothness (SPEC §3, §6). (Being built.)
struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rate", abstract: "Exact rate exponents for a smoothness.")

    @Option(help: "Smoothness entries, e.g. 1,2,4 or 1,2;3,4.")
    var smoothness: String

    func run() throws {
        print(try Rational(parsing: smoothness).decimalString())
    }
}
