import ArgumentParser
import Bounds

/// `--gamma`: one γ type or both (README, Usage).
enum GammaChoice: String, ExpressibleByArgument, CaseIterable {
    case mixed, anisotropic, both
    var gammas: [GammaType] {
        switch self {
        case .mixed: return [.mixed]
        case .anisotropic: return [.anisotropic]
        case .both: return [.mixed, .anisotropic]
        }
    }
}

/// `--arch`: one architecture or all of them (README, Usage).
enum ArchitectureChoice: String, ExpressibleByArgument, CaseIterable {
    case ssm, transformer, cnn, all
    var architectures: [Architecture] {
        switch self {
        case .ssm: return [.ssm]
        case .transformer: return [.transformer]
        case .cnn: return [.cnn]
        case .all: return Architecture.allCases
        }
    }
}

/// `--latex-style`: the LaTeX layout of `rate`.
extension RateReport.LaTeXStyle: ExpressibleByArgument {}

/// Output formats of the theory commands (README, Usage).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, latex, markdown
}

/// The options that `rate` and `samples` share (one `@OptionGroup`, defined once).
struct TheoryOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Smoothness: a vector 1,2,4, a matrix '1,2;3,4' (rows = positions), or a family such as poly(c=1,q=2) or 1,2,geom(c=4,r=2).", valueName: "entries"))
    var smoothness: String?

    @Option(help: "γ type: mixed, anisotropic or both.")
    var gamma: GammaChoice = .both

    @Option(help: "Architecture: ssm, transformer, cnn or all.")
    var arch: ArchitectureChoice = .ssm

    @Option(name: .customLong("class"), help: "Function class: gamma (γ-smooth) or piecewise (dynamic smoothness). Default: gamma; with --arch all, both.")
    var functionClass: FunctionClass?

    @Option(parsing: .unconditional, help: ArgumentHelp("Integrability index p ≥ 1 (default: p ≥ 2, so v = 0).", valueName: "P"))
    var p: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("O22's q > 0 (weak ℓ^q decay; gives the CNN polylog exponent).", valueName: "Q"))
    var q: String?

    @Option(name: .customLong("log-exponent"), parsing: .unconditional, help: ArgumentHelp("A polylog exponent k to show with the bound (marked user-supplied).", valueName: "K"))
    var logExponent: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Width of certified enclosures for infinite families (1e-1000 ≤ WIDTH < 1; limits in docs/limits.md).", valueName: "WIDTH"))
    var precision: String = "1e-30"

    @Option(help: "Output format: text, json, latex, markdown or latex-macros (\\newcommand per quantity).")
    var format: TheoryOutputFormat = .text

    @Option(name: .customLong("macro-prefix"), help: ArgumentHelp("Prefix of the --format latex-macros names (ASCII letters).", valueName: "LETTERS"))
    var macroPrefix: String = ""

    @Option(name: .customLong("latex-style"), help: "LaTeX layout: display (align* per result) or table (one booktabs table). Default: table with --arch all, else display.")
    var latexStyle: RateReport.LaTeXStyle?

    @Flag(name: .customLong("latex-preamble"), help: "Print the LaTeX preamble the latex output needs and exit.")
    var latexPreamble = false

    /// Prints the preamble when `--latex-preamble` was given; returns whether it did.
    func printedPreamble() -> Bool {
        if latexPreamble { print(LaTeXNotation.preamble, terminator: "") }
        return latexPreamble
    }

    /// Builds the validated request; `n` comes from the command that needs it.
    func request(n: String? = nil) throws -> RateRequest {
        guard let smoothness else {
            throw OptionValueError(option: "--smoothness", problem: "is missing: expected entries such as 1,2,4")
        }
        guard LaTeXMacros.isValidPrefix(macroPrefix) else {
            throw OptionValueError(option: "--macro-prefix", problem: "'\(macroPrefix)': expected ASCII letters only (a LaTeX macro name)")
        }
        let summary = try SmoothnessInput.summary(of: smoothness, precisionText: precision)
        let classes: [FunctionClass] = functionClass.map { [$0] }
            ?? (arch == .all ? FunctionClass.allCases : [.gammaSmooth])
        return try RateRequest(smoothness: summary, gammas: gamma.gammas, architectures: arch.architectures,
                               functionClasses: classes,
                               p: try p.map { try exactOption("--p", $0) },
                               q: try q.map { try exactOption("--q", $0) },
                               n: try n.map { try exactOption("--n", $0) },
                               logExponent: try logExponent.map { try exactOption("--log-exponent", $0) })
    }
}

/// A number option that is not an exact number: `--p 'abc' is not a number: expected …`.
struct OptionValueError: Error, CustomStringConvertible {
    let option: String
    let problem: String
    var description: String { "\(option) \(problem)" }
}

/// Parses an option value exactly, naming the option in the error.
func exactOption(_ option: String, _ text: String) throws -> Rational {
    do {
        return try Rational(parsing: text)
    } catch let error as RationalParseError {
        throw OptionValueError(option: option, problem: error.description)
    }
}
