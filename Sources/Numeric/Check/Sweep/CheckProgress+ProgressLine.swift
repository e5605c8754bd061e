import ProcessIO

extension ProgressLine {
    /// Draws a sweep's state before a run (`[ 7/54] 13% ssm n=4096 seed 1 · …`), or clears the
    /// line after the last one.
    public func show(_ progress: CheckProgress) {
        show(finished: progress.finished, total: progress.total, current: progress.currentDescription,
             elapsed: progress.elapsed)
    }
}

extension CheckProgress {
    /// The run started last, and how many others are in progress with it:
    /// `ssm n=4096 seed 1`, `transformer n=16384 seed 0 (+1 running)`; nil after the last run.
    public var currentDescription: String? {
        current.map { "\($0)" + (running > 1 ? " (+\(running - 1) running)" : "") }
    }
}
