/// What refreshing or rendering a note may cost (docs/notes.md, "What a note may do"): its
/// size, its number of blocks, whether `check` blocks run, and how long one block may take.
/// A note cannot raise any of these: `runChecks` and `blockTimeLimit` come from the user's
/// command line or environment only.
public struct NoteBudget: Sendable, Equatable {
    /// The largest note read, in bytes (8 MiB).
    public static let maximumNoteBytes = 8 * 1024 * 1024
    /// The longest text of one block or inline value, in bytes (64 KiB).
    public static let maximumBlockBytes = 64 * 1024
    /// The most blocks and inline values one note may hold.
    public static let maximumCommands = 500
    /// Seconds one block or inline value may run unless the user says otherwise.
    public static let defaultBlockTimeLimit = 120
    /// The largest `--block-time-limit` (one day).
    public static let maximumBlockTimeLimit = 86_400
    /// `RATECALC_RUN_CHECKS=1`: also run `check` blocks (what the Pandoc filter honours).
    public static let runChecksVariable = "RATECALC_RUN_CHECKS"
    /// `RATECALC_BLOCK_TIME_LIMIT=SECONDS`: the time limit when no flag gives one.
    public static let timeLimitVariable = "RATECALC_BLOCK_TIME_LIMIT"

    /// Whether `check` blocks run (they train networks); otherwise they are kept or refused.
    public var runChecks: Bool
    /// Seconds after which a block's process is killed and the block fails.
    public var blockTimeLimit: Int

    /// A budget with these settings.
    public init(runChecks: Bool = false, blockTimeLimit: Int = NoteBudget.defaultBlockTimeLimit) {
        self.runChecks = runChecks
        self.blockTimeLimit = blockTimeLimit
    }

    /// A setting that is not usable, as one line.
    public struct SettingError: Error, CustomStringConvertible, Sendable {
        /// What is wrong with which flag or variable.
        public let description: String
    }

    /// The budget from the command line's flags, else the environment's variables, else the
    /// defaults: `runChecks` when the flag is given or `RATECALC_RUN_CHECKS` is `1`; the time
    /// limit from the flag, else `RATECALC_BLOCK_TIME_LIMIT`, else 120 s.
    /// - Throws: ``SettingError`` for a time limit outside 1…86400 or a variable that is not
    ///   `0`/`1` or a number.
    public init(runChecks: Bool, blockTimeLimit: Int?, environment: [String: String]) throws {
        var runs = runChecks
        switch environment[NoteBudget.runChecksVariable] {
        case nil, "", "0": break
        case "1": runs = true
        case let other?:
            throw SettingError(description: "\(NoteBudget.runChecksVariable)='\(other.prefix(20))': expected 1 (run check blocks) or 0")
        }
        let limit: Int
        if let blockTimeLimit {
            limit = blockTimeLimit
        } else if let text = environment[NoteBudget.timeLimitVariable], !text.isEmpty {
            guard let seconds = Int(text) else {
                throw SettingError(description: "\(NoteBudget.timeLimitVariable)='\(text.prefix(20))': expected whole seconds from 1 to \(NoteBudget.maximumBlockTimeLimit)")
            }
            limit = seconds
        } else {
            limit = NoteBudget.defaultBlockTimeLimit
        }
        guard (1...NoteBudget.maximumBlockTimeLimit).contains(limit) else {
            throw SettingError(description: "--block-time-limit \(limit): expected whole seconds from 1 to \(NoteBudget.maximumBlockTimeLimit)")
        }
        self.init(runChecks: runs, blockTimeLimit: limit)
    }
}
