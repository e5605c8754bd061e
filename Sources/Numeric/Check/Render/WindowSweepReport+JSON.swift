import Bounds

/// `--format json` of the window sweep: an ordered document with the settings (the same
/// fields as `ratecalc check`'s), the windows, n, the target, one table row per
/// (estimator, V) and every run. Measured numbers are JSON numbers (`null` when not finite).
extension WindowSweepReport {
    /// The report as JSON text (two-space indentation, trailing newline).
    public func json() -> String { jsonValue().rendered() + "\n" }

    /// The document: `{"schema_version": 1, "kind": "window_sweep", …, "table": […], "runs": […]}`.
    public func jsonValue() -> JSONValue {
        .object([
            ("schema_version", .int(1)),
            ("kind", .string("window_sweep")),
            ("smoothness", .object([("entries", .array(smoothness.entries.map { .string($0.description) })),
                                    ("rows", .int(smoothness.rows)), ("columns", .int(smoothness.columns))])),
            ("gamma", .string(settings.gamma.rawValue)),
            ("class", .string(settings.functionClass.rawValue)),
            ("settings", CheckReport.json(settings)),
            ("windows", .array(windows.map { .int($0) })),
            ("n", .int(n)),
            ("target", .object([("terms", .int(target.termCount)), ("squared_norm", .double(target.squaredNorm)),
                                ("level", .double(target.level))])),
            ("table", .array(rows.map { row in
                .object([("estimator", .string(row.estimator.rawValue)), ("window", .int(row.window)),
                         ("runs", .int(row.mse.runs)), ("mean_test_mse", .double(row.mse.meanMSE)),
                         ("min_test_mse", .double(row.mse.minMSE)), ("max_test_mse", .double(row.mse.maxMSE)),
                         ("mean_seconds", .double(row.mse.meanSeconds)),
                         ("converged_runs", .int(row.converged)), ("trained_runs", .int(row.trained))])
            })),
            ("growth", .object(settings.estimators.map { ($0.rawValue, growth(of: $0).map(JSONValue.double) ?? .null) })),
            ("runs", .array(runs.map { run in
                .object([("window", .int(run.window)), ("estimator", .string(run.record.estimator.rawValue)),
                         ("n", .int(run.record.n)), ("replicate", .int(run.record.replicate)),
                         ("test_mse", .double(run.record.testMSE)), ("seconds", .double(run.record.seconds)),
                         ("details", .object(run.record.details.keys.sorted().map { ($0, .double(run.record.details[$0]!)) })),
                         ("training", run.record.training.map(CheckReport.json) ?? .null)])
            })),
            ("complete", .bool(isComplete)),
            ("missing_runs", .int(expectedRuns - runs.count)),
        ])
    }
}
