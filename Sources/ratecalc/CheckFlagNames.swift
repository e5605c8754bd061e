import Numeric

/// The `check` flag of each field that `CheckSettings` validation can name: library errors
/// name fields, the command line names its flags.
enum CheckFlagNames {
    /// `--seeds` for `.seeds`, and so on.
    static func flag(_ field: CheckSettingsError.Field) -> String {
        switch field {
        case .smoothness: "--smoothness"
        case .gamma: "--gamma"
        case .functionClass: "--class"
        case .seeds: "--seeds"
        case .noise: "--noise"
        case .length: "--length"
        case .width: "--width"
        case .epochs: "--epochs"
        case .window, .windows: "--window"
        case .patience: "--patience"
        case .minSteps: "--min-steps"
        case .testSequences: "--test-sequences"
        case .targetLevel: "--target-level"
        case .logBand: "--log-band"
        case .oracleSizesBelow: "--oracle-below"
        case .maxTerms: "--max-terms"
        case .nMin: "--n-min"
        case .nMax: "--n-max"
        case .points: "--points"
        case .cnnQ: "--q"
        case .depth: "--depth"
        case .learningRates: "--learning-rate"
        case .shards: "--shards"
        case .threads: "--threads"
        }
    }

    /// Runs `body`; a `CheckSettingsError` comes out as one line naming flags.
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CheckSettingsError {
            throw CheckInputError(error.message(naming: flag))
        }
    }
}
