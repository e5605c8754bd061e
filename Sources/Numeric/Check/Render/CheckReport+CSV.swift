import Foundation

/// `ratecalc check` runs as CSV: one row per run in canonical order (estimator in settings
/// order, then n, then replicate; the oracle's extension sizes below n-min included), columns
/// `estimator,n,replicate,test_mse,seconds`, the training record `steps,step_cap,stop_reason,
/// final_train_mse,best_validation_mse` (empty for the oracle) and then every `details` key that
/// occurs, sorted (an empty cell where a run lacks it); when the sweep ran approximation floors, a
/// last column `noiseless` (1 for a floor run, 0 otherwise).
extension CheckReport {
    /// The CSV text with a header row and a trailing newline.
    public func csv() -> String {
        let detailKeys = Array(Set(records.flatMap { $0.details.keys })).sorted()
        let trainingKeys = ["steps", "step_cap", "stop_reason", "final_train_mse", "best_validation_mse"]
        let floors = records.contains(where: \.noiseless)
        var lines = [(["estimator", "n", "replicate", "test_mse", "seconds"] + trainingKeys + detailKeys + (floors ? ["noiseless"] : []))
            .map(CheckReport.csvField).joined(separator: ",")]
        for run in records {
            let training = run.training.map { t in
                [String(t.steps), String(t.stepCap), t.stopReason.rawValue, CheckNumberFormat.exact(t.finalTrainMSE), CheckNumberFormat.exact(t.bestValidationMSE)]
            } ?? Array(repeating: "", count: trainingKeys.count)
            let cells = [run.estimator.rawValue, String(run.n), String(run.replicate), CheckNumberFormat.exact(run.testMSE), CheckNumberFormat.exact(run.seconds)]
                + training + detailKeys.map { key in run.details[key].map(CheckNumberFormat.exact) ?? "" }
                + (floors ? [run.noiseless ? "1" : "0"] : [])
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
