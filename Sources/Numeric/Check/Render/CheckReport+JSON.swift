import Bounds

/// `--format json` of `ratecalc check`: the docs/json-schema.md contract, schema_version 1, as an
/// ordered document. Exact numbers are `{"exact": "8/15", "approx": …}`; measured numbers
/// are JSON numbers (`null` when not finite).
extension CheckReport {
    /// The report as JSON text (two-space indentation, trailing newline).
    public func json() -> String { jsonValue().rendered() + "\n" }

    /// The docs/json-schema.md document.
    public func jsonValue() -> JSONValue {
        .object([
            ("schema_version", .int(1)),
            ("smoothness", .object([("entries", .array(smoothness.entries.map { .string($0.description) })),
                                    ("rows", .int(smoothness.rows)), ("columns", .int(smoothness.columns))])),
            ("gamma", .string(settings.gamma.rawValue)),
            ("class", .string(settings.functionClass.rawValue)),
            ("theory", .object([("rate_exponent", .exact(theoryRate))])),
            ("settings", CheckReport.json(settings, machines: machines)),
            ("target", .object([("terms", .int(target.termCount)), ("squared_norm", .double(target.squaredNorm)),
                                ("level", .double(target.level)),
                                ("levels", .array(target.levels.map { level in
                                    .object([("gamma", .double(level.gamma)), ("basis_size", .int(level.basisSize)),
                                             ("tail_energy", .double(level.tailEnergy))])
                                }))])),
            ("log_band", .object([("k", .double(logBand.k)), ("lower", .double(logBand.lower)), ("upper", .double(logBand.upper)),
                                  ("n_geometric_mean", .double(logBand.geometricMeanN))])),
            ("estimators", .array(summaries.map { summary in
                CheckReport.json(summary, theoryNote: theoryNote(summary.estimator))
            })),
            ("ssm_minus_transformer", difference.map { difference in
                .object([("difference", .double(difference.difference)),
                         ("interval", CheckReport.json(difference.interval)),
                         ("interval_method", .string(difference.intervalMethod)),
                         ("pairs", .int(difference.pairs))])
            } ?? .null),
            ("oracle_curve", .array(oracleCurve.map { row in
                .object([("n", .int(row.n)), ("runs", .int(row.runs)), ("mean_test_mse", .double(row.meanMSE))])
            })),
            ("ideal_projection_exponent", projectionRisk?.localExponent(sizes: settings.sampleSizes, efficiency: 1).map { .double($0) } ?? .null),
            ("complete", .bool(isComplete)),
            ("missing_runs", .int(missingRuns)),
            ("bootstrap_samples", .int(bootstrapSamples)),
        ])
    }

    /// Every `CheckSettings` field, under its key, in the table's order (`CheckSettings.fields`;
    /// `cnn_q` only when given), and the machines of the runs as `machine` when given.
    static func json(_ settings: CheckSettings, machines: [CheckMachine]? = nil) -> JSONValue {
        .object(settings.jsonFields + (machines.map { [("machine", json($0))] } ?? []))
    }

    /// The machines of the runs: `[{"cpu", "openblas_core", "kernels", "threads"}]`.
    static func json(_ machines: [CheckMachine]) -> JSONValue {
        .array(machines.map { machine in
            .object([("cpu", .string(machine.cpu)), ("openblas_core", .string(machine.openblasCore)),
                     ("kernels", .string(machine.kernels)), ("threads", .int(machine.threads))])
        })
    }

    /// The approximation floor of a network (``CheckApproximationFloor``).
    static func json(_ floor: CheckApproximationFloor) -> JSONValue {
        .object([("n", .int(floor.n)), ("noiseless_test_mse", .double(floor.floorMSE)),
                 ("noisy_mean_test_mse", floor.noisyMeanMSE.map { .double($0) } ?? .null),
                 ("ratio", floor.ratio.map { .double($0) } ?? .null),
                 ("limits_fit", .bool(floor.limitsFit)), ("summary", .string(floor.summary))])
    }

    /// The training fit at the largest n (``CheckTrainingFit``).
    static func json(_ fit: CheckTrainingFit) -> JSONValue {
        .object([("n", .int(fit.n)), ("mean_train_mse_over_noise", .double(fit.meanRatio)),
                 ("noise_band", .double(fit.band)), ("underfits", .bool(fit.underfits))])
    }

    /// One estimator; `theory_note` only when the estimator has one (`CheckEstimator.theoryNote`).
    static func json(_ summary: CheckEstimatorSummary, theoryNote: String?) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("name", .string(summary.estimator.rawValue)),
            ("runs", .array(summary.runs.map { run in
                .object([("n", .int(run.n)), ("replicate", .int(run.replicate)), ("test_mse", .double(run.testMSE)),
                         ("seconds", .double(run.seconds)),
                         ("details", .object(run.details.keys.sorted().map { ($0, .double(run.details[$0]!)) })),
                         ("training", run.training.map(json) ?? .null)])
            })),
            ("table", .array(summary.rows.map { row in
                .object([("n", .int(row.n)), ("runs", .int(row.runs)), ("mean_test_mse", .double(row.meanMSE)),
                         ("min_test_mse", .double(row.minMSE)), ("max_test_mse", .double(row.maxMSE)),
                         ("sd_log_mse", .double(row.sdLogMSE)), ("mean_seconds", .double(row.meanSeconds))])
            })),
            ("fitted_exponent", summary.fit.map { .double($0.exponent) } ?? .null),
            ("interval", json(summary.fit?.interval)),
            ("interval_method", summary.fit.flatMap { $0.interval == nil ? nil : .string($0.intervalMethod) } ?? .null),
            ("points", .int(summary.fit?.points ?? (summary.runs.count - summary.unusableRuns))),
            ("verdict", .string(summary.verdict.rawValue)),
            ("explanation", .string(summary.explanation)),
            ("convergence", summary.convergence.map(json) ?? .null),
            ("efficiency", summary.efficiency.map(json) ?? .null),
            ("floor", summary.floor.map(json) ?? .null),
            ("largest_n_fit", summary.largestFit.map(json) ?? .null),
        ]
        if let theoryNote { fields.append(("theory_note", .string(theoryNote))) }
        return .object(fields)
    }

    static func json(_ training: CheckTrainingRecord) -> JSONValue {
        .object([("steps", .int(training.steps)), ("step_cap", .int(training.stepCap)),
                 ("stop_reason", .string(training.stopReason.rawValue)),
                 ("final_train_mse", .double(training.finalTrainMSE)),
                 ("best_validation_mse", .double(training.bestValidationMSE)),
                 ("training_rows", .int(training.trainingRows))])
    }

    static func json(_ convergence: CheckConvergence) -> JSONValue {
        .object([("runs", .int(convergence.runs)), ("plateau", .int(convergence.plateau)),
                 ("budget", .int(convergence.budget.count)), ("interrupted", .int(convergence.interrupted)),
                 ("converged", .bool(convergence.converged)), ("mean_steps", .double(convergence.meanSteps)),
                 ("mean_train_mse_over_noise", .double(convergence.meanTrainRatio)),
                 ("ratio_sampling_error", .double(convergence.ratioSamplingError)),
                 ("summary", .string(convergence.summary))])
    }

    static func json(_ efficiency: CheckEfficiency) -> JSONValue {
        .object([
            ("c", .array(efficiency.sizes.map { entry in
                .object([("n", .int(entry.n)), ("c", .double(entry.c)), ("runs", .int(entry.runs)),
                         ("at_least", .int(entry.atLeast)), ("at_most", .int(entry.atMost))])
            })),
            ("trend", .object([("estimate", efficiency.trend.map { .double($0) } ?? .null),
                               ("interval", json(efficiency.trendInterval))])),
            ("mean_c", efficiency.meanC.map { .double($0) } ?? .null),
            ("ideal_exponent", efficiency.idealExponent.map { .double($0) } ?? .null),
            ("predicted_exponent", efficiency.predictedExponent.map { .double($0) } ?? .null),
            ("verdict", .string(efficiency.verdict.rawValue)),
            ("explanation", .string(efficiency.explanation)),
        ])
    }

    /// `[lo, hi]` or `null`.
    static func json(_ interval: ClosedRange<Double>?) -> JSONValue {
        interval.map { .array([.double($0.lowerBound), .double($0.upperBound)]) } ?? .null
    }
}
