import ArgumentParser
import Foundation
import Numeric

/// Where and how `check` and `merge` report: stdout in one format, plus optional CSV and SVG files.
struct CheckOutputOptions: ParsableArguments {
    @Option(help: "Report format on stdout: text, json, latex or markdown.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Write a log-log plot of test MSE vs n (SVG).", valueName: "FILE.svg"))
    var plot: String?

    @Option(help: ArgumentHelp("Write every run as CSV.", valueName: "FILE.csv"))
    var csv: String?

    @Option(help: ArgumentHelp("check: directory for the run file (shard-i-of-N.json; merge it with `ratecalc merge DIR`).", valueName: "DIR"))
    var out: String?

    @Flag(help: "Exit with status 1 when a verdict is not `consistent` (SPEC §6).")
    var strict = false

    /// Prints the report, writes the requested files, and applies `--strict`.
    func emit(_ report: CheckReport) throws {
        switch format {
        case .text: print(report.text(), terminator: "")
        case .json: print(report.json())
        case .latex: print(report.latex(), terminator: "")
        case .markdown: print(report.markdown(), terminator: "")
        }
        if let plot { try write(report.svg(), to: plot, what: "--plot") }
        if let csv { try write(report.csv(), to: csv, what: "--csv") }
        if strict && report.verdicts().values.contains(where: { $0 != .consistent }) { throw ExitCode(1) }
    }

    func write(_ text: String, to path: String, what: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("\(what): cannot write '\(path)' (\(error.localizedDescription))")
        }
    }
}
