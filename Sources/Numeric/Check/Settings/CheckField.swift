/// The inputs of a `check` sweep, each with its settings key (the JSON key of `settings` in
/// reports and shard files, docs/json-schema.md; the coding key of ``CheckSettings``) and the
/// command-line flag that sets it: the one table that names them. Validation errors (``CheckSettingsError``) name fields; the command line
/// prints their flags, `merge` their settings keys, and ``CheckRequest/commandLineArguments()``
/// writes a request back as flags (the scripts of `ratecalc plan`).
public enum CheckField: String, Sendable, CaseIterable, CodingKey {
    case smoothness, gamma, functionClass = "class", estimators, sampleSizes = "n", seeds, seed, noise, length, width, epochs
    case window, windows, patience, size, weights, depth
    case minSteps = "min_steps", testSequences = "test_sequences", targetLevel = "target_level"
    case logBand = "log_band_k", oracleSizesBelow = "oracle_sizes_below", maxTerms = "max_terms"
    case oracleLevel = "oracle_level", preFeedForward = "pre_fnn", floor, mixing
    case nMin = "n_min", nMax = "n_max", points, cnnQ = "cnn_q", learningRates = "learning_rates"
    /// Inputs of a plan (``CheckSchedulePlan``), not of the settings: shards and cores per shard.
    case shards, threads
    /// How a sweep is run and reported (`--shard`, `--out`, `--strict`, `--format`), which some
    /// sweeps refuse (``WindowSweep/validateOutput(_:)``).
    case shard, out, strict, format

    /// The settings key (`min_steps`), as written in shard files and the JSON report: the grid's
    /// fields are all `n`, the window sweep's windows `window`.
    public var key: String {
        switch self {
        case .nMin, .nMax, .points, .sampleSizes: "n"
        case .windows: "window"
        default: rawValue
        }
    }

    /// The flag without its leading `--` (`min-steps`): what the command line declares.
    public var longName: String { String(flag.dropFirst(2)) }

    /// The `ratecalc check` flag that sets the field (`--min-steps`; the flag of a field that is on by default turns it off).
    public var flag: String {
        switch self {
        case .functionClass: "--class"
        case .estimators: "--arch"
        case .sampleSizes: "--n-min"
        case .window, .windows: "--window"
        case .logBand: "--log-band"
        case .oracleSizesBelow: "--oracle-below"
        case .cnnQ: "--q"
        case .learningRates: "--learning-rate"
        case .preFeedForward: "--no-pre-fnn"
        case .floor: "--no-floor"
        default: "--" + rawValue.replacingOccurrences(of: "_", with: "-")
        }
    }
}
