/// `ratecalc check` runs as CSV: one row per run in canonical order (estimator in settings
/// order, then n, then replicate), columns `estimator,n,seed,test_mse,seconds` and then every
/// `details` key that occurs, sorted (an empty cell where a run lacks it).
extension CheckReport {
    /// The CSV text with a header row and a trailing newline.
    public func csv() -> String {
        let detailKeys = Array(Set(records.flatMap { $0.details.keys })).sorted()
        var lines = [(["estimator", "n", "seed", "test_mse", "seconds"] + detailKeys).map(CheckReport.csvField).joined(separator: ",")]
        for run in records {
            let cells = [run.estimator.rawValue, String(run.n), String(run.seed), CheckFormat.exact(run.testMSE), CheckFormat.exact(run.seconds)]
                + detailKeys.map { key in run.details[key].map(CheckFormat.exact) ?? "" }
            lines.append(cells.map(CheckReport.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting: fields with a comma, quote or newline are quoted, quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
