extension WindowSweep {
    /// How a window sweep was asked to run and report, as far as it matters for what it refuses.
    public struct OutputChoice: Sendable {
        /// `--shard` was given.
        public var sharded: Bool
        /// `--out DIR` was given.
        public var runDirectory: Bool
        /// `--strict` was given.
        public var strict: Bool
        /// The report format on stdout.
        public var format: CheckReportFormat

        /// A choice.
        public init(sharded: Bool, runDirectory: Bool, strict: Bool, format: CheckReportFormat) {
            self.sharded = sharded
            self.runDirectory = runDirectory
            self.strict = strict
            self.format = format
        }
    }

    /// Refuses, before anything runs, what the window sweep cannot do (docs/check.md, "Window
    /// sweep"): it runs in one process (no shards, no run directory), has no verdicts (no
    /// `--strict`) and no format its report lacks (``WindowSweepReport/renders(_:)``).
    /// - Throws: ``CheckSettingsError`` naming the refused field.
    public static func validateOutput(_ choice: OutputChoice) throws {
        func refuse(_ field: CheckField, value: String = "", _ advice: String) -> CheckSettingsError {
            CheckSettingsError(field, [.name(field), .text(value + " is not available for the window sweep ("), .name(.windows),
                                       .text(" with several values)" + advice)])
        }
        if choice.sharded { throw refuse(.shard, "; run it in one process") }
        if choice.runDirectory { throw refuse(.out, "; use --format json, --csv or --plot") }
        if choice.strict { throw refuse(.strict, ": it has no verdicts") }
        if !WindowSweepReport.renders(choice.format) {
            let formats = CheckReportFormat.allCases.filter(WindowSweepReport.renders).map(\.rawValue)
            throw refuse(.format, value: " " + choice.format.rawValue, "; use " + formats.dropLast().joined(separator: ", ") + " or " + formats.last!)
        }
    }

    /// Refuses a window sweep in `ratecalc plan`: it runs in one process.
    /// - Throws: ``CheckSettingsError`` (`windows`).
    public static func refuseInPlan() throws -> Never {
        throw CheckSettingsError(.windows, [.text("plan does not take several "), .name(.windows), .text(" values (the window sweep runs in one process)")])
    }
}
