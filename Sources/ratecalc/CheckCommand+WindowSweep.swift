import ArgumentParser
import Foundation
import Numeric

/// `--window` of `check`: one window V, or a comma-separated list of distinct V ≥ 1 (the
/// window sweep of the piecewise class).
struct WindowList: ExpressibleByArgument {
    /// The windows in the order given.
    let values: [Int]

    init?(argument: String) {
        var list: [Int] = []
        for token in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Int(token.trimmingCharacters(in: .whitespaces)), value >= 1, !list.contains(value) else { return nil }
            list.append(value)
        }
        guard !list.isEmpty else { return nil }
        values = list
    }

    /// More than one window: the window sweep.
    var isSweep: Bool { values.count > 1 }

    /// Shown as the default in `--help`.
    var defaultValueDescription: String { values.map(String.init).joined(separator: ",") }
}

extension CheckCommand {
    /// `check --class piecewise --window V₁,V₂,…`: every estimator at n = --n-max for each V
    /// (`WindowSweep`), reported as test MSE against V. Shards, `--out`, `--strict` and LaTeX
    /// are refused (one line, exit 2) before anything runs.
    func runWindowSweep(_ setup: CheckSweepOptions.Setup) throws {
        if shard != nil { throw CheckInputError("--shard is not available for the window sweep (--window with several values); run it in one process") }
        if output.out != nil { throw CheckInputError("--out is not available for the window sweep (--window with several values); use --format json, --csv or --plot") }
        if output.strict { throw CheckInputError("--strict is not available for the window sweep (--window with several values): it has no verdicts") }
        if output.format == .latex { throw CheckInputError("--format latex is not available for the window sweep (--window with several values); use text, json or markdown") }
        let windowSweep = try WindowSweep(settings: setup.settings, smoothness: setup.smoothness,
                                          windows: sweep.windows.values, n: sweep.nMax)
        InterruptFlag.install()
        let progress = ProgressLine()
        let report = try windowSweep.run(smoothness: setup.smoothness, theoryLevelCoefficient: setup.levelCoefficient,
                                         threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                         progress: progress.show, shouldStop: { InterruptFlag.isRaised })
        // Files first (atomically), then the report: nothing reaches stdout unless every file was written.
        if let plot = output.plot { try OutputPath.write(report.svg(), to: plot, option: "--plot") }
        if let csv = output.csv { try OutputPath.write(report.csv(), to: csv, option: "--csv") }
        switch output.format {
        case .json: try StandardOutput.write(report.json() + "\n")
        case .markdown: try StandardOutput.write(report.markdown())
        default: try StandardOutput.write(report.text())
        }
        if InterruptFlag.isRaised { throw ExitCode(130) }
    }
}
