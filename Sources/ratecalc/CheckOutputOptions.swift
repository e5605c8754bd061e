import ArgumentParser
import Foundation
import Numeric
import ProcessIO

/// Where and how `check` and `merge` report: stdout in one format, plus optional CSV and SVG files.
struct CheckOutputOptions: ParsableArguments {
    @Option(name: .customLong(CheckField.format.longName), help: "Report format on stdout: text, json, latex, markdown or typst.")
    var format: CheckReportFormat = .text

    @Option(help: ArgumentHelp("Write a log-log plot of test MSE vs n (SVG).", valueName: "FILE.svg"))
    var plot: String?

    @Option(help: ArgumentHelp("Write every run as CSV.", valueName: "FILE.csv"))
    var csv: String?

    @Option(name: .customLong(CheckField.out.longName), help: ArgumentHelp("check: directory for the run file (shard-i-of-N.json; merge it with `ratecalc merge DIR`).", valueName: "DIR"))
    var out: String?

    @Flag(name: .customLong(CheckField.strict.longName), help: "Exit with status 1 unless every verdict is `consistent` (README.md).")
    var strict = false

    /// Checks `--plot` and `--csv` (and `--out`) before any work; `inputs` are files the
    /// command reads, which an output may not replace.
    func validatePaths(inputs: [URL] = []) throws {
        if let plot { try OutputPath.validateFile(plot, option: "--plot", inputs: inputs) }
        if let csv { try OutputPath.validateFile(csv, option: "--csv", inputs: inputs) }
        if let plot, let csv, URL(fileURLWithPath: plot).standardizedFileURL == URL(fileURLWithPath: csv).standardizedFileURL {
            throw OutputPathError(option: "--csv", path: csv, reason: "is also the --plot file")
        }
        if let out { try OutputPath.validateDirectory(out, option: "--out") }
    }

    /// Writes the requested files (atomically), then prints the report, then applies
    /// `--strict`: nothing reaches stdout unless every file was written.
    func emit(_ report: CheckReport) throws {
        let text = report.rendered(format)
        if let plot { try OutputPath.write(report.svg(), to: plot, option: "--plot") }
        if let csv { try OutputPath.write(report.csv(), to: csv, option: "--csv") }
        try StandardOutput.write(text)
        if strict && !report.isConsistent { throw ExitCode(1) }
    }
}

extension CheckReportFormat: ExpressibleByArgument {}
