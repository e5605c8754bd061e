import ArgumentParser
import Bounds
import ProcessIO

/// `ratecalc theorems`: the theorem library, built-in and `--theorems` files (docs/theorems.md).
struct TheoremsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theorems",
        abstract: "List every theorem ratecalc knows: id, source, what it covers, provenance, verified or not.",
        discussion: "The built-in library and any --theorems files (docs/theorems.md). Evaluate one with ratecalc rate --theorem ID --param NAME=VALUE,….",
        usage: "ratecalc theorems [--format text|json|typst] [--theorems FILE]",
        examples: "ratecalc theorems\nratecalc theorems --format json\nratecalc theorems --theorems Examples/theorems/holder.toml"
    )

    @Option(help: "Output format: text, json or typst.")
    var format: ListingFormat = .text

    @Option(name: .customLong("theorems"), help: ArgumentHelp("A theorem file (TOML) added to the library; repeatable.", valueName: "FILE"))
    var theoremFiles: [String] = []

    func run() throws {
        try StandardOutput.write(try TheoremLibrary.builtIn.adding(files: theoremFiles).listing(format))
    }
}

extension ListingFormat: ExpressibleByArgument {}
