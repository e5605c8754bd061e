import Foundation

/// Work that can be split into numbered pieces and run on a `WorkerPool`.
protocol ParallelJob {
    func perform(_ index: Int)
}

/// A fixed set of worker threads that run `job.perform(i)` for `i` in `0..<count` together with
/// the calling thread (which runs `i = 0`). Unlike `DispatchQueue.concurrentPerform` (two heap
/// allocations per call) or storing a closure (one), dispatching a job allocates nothing: the
/// job stays on the caller's stack and the workers receive a pointer to it.
final class WorkerPool: @unchecked Sendable {
    /// State shared with the worker threads (they never reference the pool itself, so the pool's
    /// `deinit` can stop them).
    private final class Shared: @unchecked Sendable {
        var perform: ((UnsafeRawPointer, Int) -> Void)?
        var job: UnsafeRawPointer?
        var stopping = false
        let start: [DispatchSemaphore]
        let finished = DispatchSemaphore(value: 0)
        init(workers: Int) { start = (0..<workers).map { _ in DispatchSemaphore(value: 0) } }
    }

    private let shared: Shared
    /// Threads besides the caller.
    let workers: Int

    init(workers: Int) {
        self.workers = max(0, workers)
        shared = Shared(workers: self.workers)
        for w in 0..<self.workers {
            let shared = self.shared
            let thread = Thread {
                while true {
                    shared.start[w].wait()
                    if shared.stopping { return }
                    shared.perform?(shared.job!, w + 1)
                    shared.finished.signal()
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit {
        shared.stopping = true
        for semaphore in shared.start { semaphore.signal() }
    }

    /// Runs `job.perform(0)` here and `perform(1) … perform(count − 1)` on the workers; returns
    /// when all are done.
    func run<Job: ParallelJob>(_ count: Int, _ job: Job) {
        precondition(count <= workers + 1)
        if count <= 1 { if count == 1 { job.perform(0) }; return }
        withUnsafePointer(to: job) { pointer in
            shared.job = UnsafeRawPointer(pointer)
            shared.perform = Self.trampoline(Job.self)
            for w in 0..<(count - 1) { shared.start[w].signal() }
            job.perform(0)
            for _ in 0..<(count - 1) { shared.finished.wait() }
            shared.job = nil
        }
    }

    /// A non-capturing function that calls `perform` on a `Job` behind a raw pointer.
    private static func trampoline<Job: ParallelJob>(_: Job.Type) -> (UnsafeRawPointer, Int) -> Void {
        { pointer, index in pointer.assumingMemoryBound(to: Job.self).pointee.perform(index) }
    }
}
