import Bounds

/// Fuzz target: a theorem file (docs/theorems.md) through the TOML-subset reader, the
/// expression language and every evaluation: each theorem evaluated at all parameters 1/2 and,
/// for smoothness-based ones, on a = (1, 2, 4), rendered in text and JSON. Findings: traps,
/// hangs (libFuzzer -timeout), memory (-rss_limit_mb), or an error that is not one safe line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTheorems(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let library = try TheoremLibrary.builtIn.adding(text: text, file: "fuzz.toml")
        let summary = SmoothnessSummary(try Smoothness.parse("1,2,4"))
        for theorem in library.theorems.dropFirst(TheoremLibrary.builtIn.theorems.count) {
            let parameters = try TheoremParameters(parsing: [theorem.parameters.map { "\($0)=1/2" }.joined(separator: ",")].filter { !$0.isEmpty })
            let evaluations = try TheoremEvaluation.evaluate(theorem, parameters: parameters, smoothness: summary, gammas: GammaType.allCases,
                                                             p: Rational(1), q: Rational(1), fieldNames: InputField.ownNames)
            _ = TheoremEvaluation.text(evaluations); _ = TheoremEvaluation.json(evaluations).rendered(); _ = TheoremEvaluation.typst(evaluations)
        }
        _ = library.listingText(); _ = library.listingJSON().rendered(); _ = library.listingTypst()
    } catch {
        FuzzSupport.requireOneSafeLine(error)
    }
    return 0
}
