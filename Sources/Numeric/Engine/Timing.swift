import Foundation

extension Duration {
    /// The duration in seconds, `seconds + attoseconds · 10⁻¹⁸`, as a `Double` (for printing timings).
    public var inSeconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}

/// CPU time of the whole process so far, all threads (`CLOCK_PROCESS_CPUTIME_ID`), in seconds.
/// The benchmarks print it beside the wall time: on a loaded machine it, not the wall time, says
/// how much work was done.
public func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}
