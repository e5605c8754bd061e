/// How many threads a computation may use: the `--threads` of a command, passed down explicitly
/// to every parallel loop (training steps, predictions, the oracle's normal equations, target
/// evaluation). Results never depend on it: every loop splits its work by a rule fixed by the
/// problem size alone and only schedules the pieces on the threads (docs/training-engine.md,
/// "Threads and determinism").
public struct Parallelism: Sendable, Hashable {
    /// Threads, the caller's included (at least 1).
    public let threads: Int

    /// `threads` threads (values below 1 mean 1).
    public init(threads: Int) { self.threads = max(1, threads) }

    /// Everything on the calling thread.
    public static let serial = Parallelism(threads: 1)
}
