import ProcessIO

extension ProgressLine {
    /// Draws a sweep's state before a run (`[ 7/54] 13% ssm n=4096 seed 1 · …`), or clears the
    /// line after the last one.
    public func show(_ progress: CheckProgress) {
        show(finished: progress.finished, total: progress.total, current: progress.current.map { "\($0)" },
             elapsed: progress.elapsed)
    }
}
