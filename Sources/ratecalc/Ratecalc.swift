import ArgumentParser
import Foundation
import Numeric
import ProcessIO

/// The `ratecalc` command: exact convergence rates for sequence models (README.md).
///
/// Exit status (README.md): 0 success; 1 a `check` whose verdict is not `consistent` under
/// `--strict`; 2 bad input or usage (one line on stderr, nothing on stdout).
@main
struct Ratecalc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratecalc",
        abstract: "Exact convergence rates of SSMs, Transformers and CNNs for γ-smooth sequence functions.",
        discussion: """
        Computes, with exact GMP rationals, the estimation-rate exponents of Nishikawa & Suzuki (2024, SSMs), \
        Takakura & Suzuki (2023, Transformers) and Okumoto & Suzuki (2022, CNNs) for a smoothness vector or \
        matrix, and checks them empirically by training the estimators on synthetic data.
        """,
        subcommands: [RateCommand.self, TheoremsCommand.self, SamplesCommand.self, ValueCommand.self, NotesCommand.self, CheckCommand.self, PlanCommand.self, MergeCommand.self, BenchCommand.self],
        defaultSubcommand: RateCommand.self
    )

    /// Runs the command; maps every error that is not help or an explicit exit code to
    /// exit status 2 with a single line on stderr.
    static func main() {
        OpenBLASCoreSelection.reexecuteIfUseful(arguments: CommandLine.arguments)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exitWithUsageStatus(for: error)
        }
    }

    private static func exitWithUsageStatus(for error: Error) -> Never {
        let code = exitCode(for: error)
        if code == .success && !(error is ExitCode) {
            // Help, a completion script: through the checked writer, so a full disk is exit 2.
            do {
                try StandardOutput.write(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            } catch {
                exitWithUsageStatus(for: error)
            }
        }
        if error is ExitCode {
            exit(withError: error)
        }
        let line = ErrorLine.text(for: error, arguments: CommandLine.arguments)
        FileHandle.standardError.write(Data((line + "\n").utf8))
        Foundation.exit(2)
    }
}
