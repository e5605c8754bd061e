import Bounds
import Numeric

/// Fuzz target: the option value parsers. The input is split at the first bytes 0x00 into
/// values for --p, --q, --n, --log-exponent, --error (a comma list) and --shard; each is
/// parsed exactly, a request is built for a fixed smoothness and the sample plan rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOptions(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let fields = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    func field(_ i: Int) -> String? { i < fields.count ? fields[i] : nil }
    do {
        let value: (Int) throws -> Rational? = { i in try field(i).map { try Rational(parsing: $0) } }
        let summary = SmoothnessSummary(try Smoothness.parse("1,2,4"))
        let request = try RateRequest(smoothness: summary, gammas: [.mixed, .anisotropic], architectures: Architecture.allCases,
                                      functionClasses: [.gammaSmooth], p: try value(0), q: try value(1), n: try value(2),
                                      logExponent: try value(3))
        let report = RateReport(request)
        _ = report.text(); _ = report.json().rendered()
        if let errors = field(4) {
            let plan = try SamplePlan(report: report, errors: try errors.split(separator: ",").map { try Rational(parsing: String($0)) })
            _ = plan.text(); _ = plan.json().rendered(); _ = plan.latex(); _ = plan.markdown(); _ = plan.typst()
        }
    } catch {
        FuzzSupport.requireOneSafeLine(error)
    }
    if let shard = field(5) {
        // `--shard i/N`: accepted only as 1 ≤ i ≤ N (argument-parser reports a refusal itself).
        if let spec = ShardSpec(shard) { precondition(1 <= spec.index && spec.index <= spec.count, "bad shard accepted") }
    }
    return 0
}
