import Bounds

/// Fuzz target: the smoothness grammar (finite vectors, matrices, families) through the
/// whole theory pipeline and every renderer. Findings: traps, hangs (libFuzzer -timeout),
/// memory (-rss_limit_mb), an error that is not one safe line, or a parse/print round trip
/// that changes the value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSmoothness(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let summary: SmoothnessSummary
        if SmoothnessSequence.looksLikeFamily(text) {
            let sequence = try SmoothnessSequence.parse(text)
            let again = try SmoothnessSequence.parse(sequence.text)
            precondition(again == sequence, "family round trip")
            summary = try sequence.summary(width: try Rational(parsing: "1e-30"))
        } else {
            let smoothness = try Smoothness.parse(text)
            let again = try Smoothness.parse(smoothness.entries.map(\.description).joined(separator: ","))
            precondition(again.entries == smoothness.entries, "finite round trip")
            summary = SmoothnessSummary(smoothness)
        }
        let request = try RateRequest(smoothness: summary, gammas: [.mixed, .anisotropic], architectures: Architecture.allCases,
                                      functionClasses: FunctionClass.allCases, q: Rational(1), n: Rational(1000))
        let report = RateReport(request)
        _ = report.text(); _ = report.json().rendered(); _ = report.latex(); _ = report.markdown(); _ = report.typst()
    } catch {
        FuzzSupport.requireOneSafeLine(error)
    }
    return 0
}
