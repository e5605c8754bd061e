import ArgumentParser
import Bounds
import ProcessIO

/// `--latex-style`: the LaTeX layout of `rate`.
extension RateReport.LaTeXStyle: ExpressibleByArgument {}

extension ReportFormat: ExpressibleByArgument {}

/// The options that `rate` and `samples` share (one `@OptionGroup`, defined once).
struct TheoryOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Smoothness: a vector 1,2,4, a matrix '1,2;3,4' (rows = positions), or a family such as poly(c=1,q=2) or 1,2,geom(c=4,r=2).", valueName: "entries"))
    var smoothness: String?

    @Option(help: ArgumentHelp("γ types, comma-separated: mixed, anisotropic, or both.", valueName: "list"))
    var gamma = GammaList(values: [.mixed, .anisotropic])

    @Option(help: ArgumentHelp("Architectures, comma-separated: ssm, transformer, cnn, or all.", valueName: "list"))
    var arch = TheoryArchitectureList(values: [.ssm])

    @Option(name: .customLong("class"), help: "Function class: gamma (γ-smooth) or piecewise (dynamic smoothness). Default: gamma; with --arch all, both.")
    var functionClass: FunctionClass?

    @Option(parsing: .unconditional, help: ArgumentHelp("Integrability index p ≥ 1 (default: p ≥ 2, so v = 0).", valueName: "P"),
            transform: Rational.argument)
    var p: Rational?

    @Option(parsing: .unconditional, help: ArgumentHelp("O22's q > 0 (weak ℓ^q decay; gives the CNN polylog exponent).", valueName: "Q"),
            transform: Rational.argument)
    var q: Rational?

    @Option(name: .customLong("log-exponent"), parsing: .unconditional,
            help: ArgumentHelp("A polylog exponent k to show with the bound (marked user-supplied).", valueName: "K"), transform: Rational.argument)
    var logExponent: Rational?

    @Option(parsing: .unconditional, help: ArgumentHelp("Width of certified enclosures for infinite families, 1e-1000 ≤ WIDTH < 1 (default 1e-30; limits in docs/limits.md).", valueName: "WIDTH"),
            transform: Rational.argument)
    var precision: Rational?

    @Option(help: "Output format: text, json, latex, markdown, latex-macros (\\newcommand per quantity) or typst.")
    var format: ReportFormat = .text

    @Option(name: .customLong("macro-prefix"), help: ArgumentHelp("Prefix of the --format latex-macros names (ASCII letters).", valueName: "LETTERS"))
    var macroPrefix: String = ""

    @Option(name: .customLong("latex-style"), help: "LaTeX layout: display (align* per result) or table (one booktabs table). Default: table with --arch all, else display.")
    var latexStyle: RateReport.LaTeXStyle?

    @Flag(name: .customLong("latex-preamble"), help: "Print the LaTeX preamble the latex output needs and exit.")
    var latexPreamble = false

    @Flag(name: .customLong("bibliography"), help: "Print the BibTeX entries that the latex and typst outputs cite (ratecalc.bib) and exit.")
    var bibliography = false

    @Option(name: .customLong("theorems"), help: ArgumentHelp("A theorem file (TOML, docs/theorems.md) added to the library for this call; repeatable.", valueName: "FILE"))
    var theoremFiles: [String] = []

    func validate() throws {
        guard LaTeXMacros.isValidPrefix(macroPrefix) else {
            throw ValidationError("--macro-prefix '\(macroPrefix)': expected ASCII letters only (a LaTeX macro name)")
        }
    }

    /// Prints the preamble for `--latex-preamble`, the BibTeX for `--bibliography`; returns whether it did.
    func printedPreamble() throws -> Bool {
        if latexPreamble { try StandardOutput.write(LaTeXNotation.preamble) }
        if bibliography { try StandardOutput.write(Bibliography.bibtex) }
        return latexPreamble || bibliography
    }

    /// The built-in theorem library with the `--theorems` files added.
    func library() throws -> TheoremLibrary {
        try TheoremLibrary.builtIn.adding(files: theoremFiles)
    }

    /// The validated request, errors naming flags; `n` comes from the command that needs it.
    /// The parsed `--smoothness`, or nil when it was not given.
    func smoothnessSummary() throws -> SmoothnessSummary? {
        try smoothness.map { try SmoothnessSummary(parsing: $0, enclosureWidth: precision ?? SmoothnessSummary.defaultEnclosureWidth) }
    }

    func request(n: Rational? = nil) throws -> RateRequest {
        guard let summary = try smoothnessSummary() else { throw ValidationError("--smoothness is missing: expected entries such as 1,2,4") }
        return try RateRequest(smoothness: summary, gammas: gamma.values, architectures: arch.values,
                               functionClasses: functionClass.map { [$0] } ?? RateRequest.defaultFunctionClasses(for: arch.values),
                               p: p, q: q, n: n, logExponent: logExponent)
    }
}

extension Rational {
    /// An exact number option (`--p 3/2`): argument-parser reports a bad one as one line,
    /// `The value 'x' is invalid for '--p <P>': it is not a number: expected …`.
    static func argument(_ text: String) throws -> Rational {
        do {
            return try Rational(parsing: text)
        } catch let error as RationalParseError {
            throw ValidationError("it " + error.problem)
        }
    }

    /// Comma-separated exact numbers (`--error 1e-2,1/1000`); a bad item is named in the line.
    static func list(_ text: String) throws -> [Rational] {
        do {
            return try text.split(separator: ",", omittingEmptySubsequences: false).map { try Rational(parsing: String($0)) }
        } catch let error as RationalParseError {
            throw ValidationError(error.description)
        }
    }
}
