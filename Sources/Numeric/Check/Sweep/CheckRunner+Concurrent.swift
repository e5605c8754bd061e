import Foundation

extension CheckRunner {
    /// How a runner shares its threads among a sweep's runs (docs/check.md, "Runs at once"):
    /// C = min(T, runs) runs go at once, each on ⌊T / C⌋ threads. A run's result does not depend
    /// on its thread count, so the schedule changes only the wall time: on T cores, T one-thread
    /// runs keep every core busy, where one T-thread run waits at each of its parallel loops.
    public struct RunSchedule: Sendable, Equatable {
        /// C: runs in progress at once.
        public let concurrent: Int
        /// ⌊T / C⌋: threads of each run.
        public let threadsPerRun: Int

        /// The schedule of `runs` runs on `threads` threads (both at least 1 in effect).
        public init(threads: Int, runs: Int) {
            let threads = max(1, threads)
            concurrent = max(1, min(threads, runs))
            threadsPerRun = max(1, threads / concurrent)
        }
    }

    /// The shared state of one concurrent sweep: the next run to start, the results so far, and
    /// the wake-ups of the calling thread.
    private final class ConcurrentSweep: @unchecked Sendable {
        enum Outcome {
            case record(CheckRunRecord)
            case failure(any Error)
            /// Stopped while in progress: not a result.
            case abandoned
        }

        let lock = NSLock()
        /// Signalled when a run starts or ends, and when a worker exits.
        let events = DispatchSemaphore(value: 0)
        let keys: [CheckRunKey]
        var nextIndex = 0
        var outcomes: [Outcome?]
        var running: [Int] = []
        var exitedWorkers = 0
        /// Set on a failure or when the caller gives up: no run starts after it, runs in progress stop.
        var aborted = false

        init(keys: [CheckRunKey]) {
            self.keys = keys
            outcomes = Array(repeating: nil, count: keys.count)
        }

        var isAborted: Bool { lock.lock(); defer { lock.unlock() }; return aborted }

        func abort() { lock.lock(); aborted = true; lock.unlock() }

        /// The next run to start, or nil when the sweep is done, stopped or aborted.
        func take(stopped: Bool) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard !aborted, !stopped, nextIndex < keys.count else { return nil }
            let index = nextIndex
            nextIndex += 1
            running.append(index)
            return index
        }

        func finish(_ index: Int, _ outcome: Outcome) {
            lock.lock()
            outcomes[index] = outcome
            running.removeAll { $0 == index }
            if case .failure = outcome { aborted = true }
            lock.unlock()
        }
    }

    /// `run(_:progress:shouldStop:finished:)` with `schedule.concurrent` worker threads; the calling
    /// thread only hands each finished run to `finished` as soon as it is done and reports progress.
    func runConcurrently(_ keys: [CheckRunKey], schedule: RunSchedule, progress: (CheckProgress) -> Void,
                         shouldStop: @escaping @Sendable () -> Bool,
                         finished: (CheckRunRecord) throws -> Void) throws -> [CheckRunRecord] {
        let started = Date()
        let sweep = ConcurrentSweep(keys: keys)
        let stop: @Sendable () -> Bool = { shouldStop() || sweep.isAborted }
        // Every run's matrix products single-threaded (the engine's own teams do the parallel
        // loops), set once per process so that no run changes it under another.
        LinearAlgebraThreads.ensureSingle()
        let runner = UncheckedRunner(self)
        for _ in 0..<schedule.concurrent {
            let worker = Thread {
                while let index = sweep.take(stopped: shouldStop()) {
                    sweep.events.signal()
                    let outcome: ConcurrentSweep.Outcome
                    do {
                        let record = try runner.value.run(keys[index], threads: schedule.threadsPerRun, shouldStop: stop)
                        outcome = shouldStop() || sweep.isAborted ? .abandoned : .record(record)
                    } catch {
                        outcome = .failure(error)
                    }
                    sweep.finish(index, outcome)
                    sweep.events.signal()
                }
                sweep.lock.lock()
                sweep.exitedWorkers += 1
                sweep.lock.unlock()
                sweep.events.signal()
            }
            worker.stackSize = 8 << 20
            worker.start()
        }

        var handed = Array(repeating: false, count: keys.count)
        var handedCount = 0
        var callerError: (any Error)?
        while true {
            sweep.events.wait()
            sweep.lock.lock()
            let outcomes = sweep.outcomes
            let current = sweep.running.last.map { keys[$0] }
            let running = sweep.running.count
            let done = sweep.exitedWorkers == schedule.concurrent
            sweep.lock.unlock()
            // Hand over every run finished since the last wake-up, at once (a shard file then
            // holds it even if the process is killed before the runs started earlier are done).
            for index in keys.indices where callerError == nil && !handed[index] {
                guard case .record(let record)? = outcomes[index] else { continue }
                handed[index] = true
                handedCount += 1
                do { try finished(record) } catch { callerError = error; sweep.abort() }
            }
            // Between two runs of a worker nothing may be in progress: keep the last line until one starts.
            if callerError == nil, done || current != nil {
                progress(CheckProgress(finished: handedCount, total: keys.count, current: done ? nil : current,
                                       elapsed: Date().timeIntervalSince(started), running: running))
            }
            guard done else { continue }
            if let callerError { throw callerError }
            for outcome in outcomes { if case .failure(let error)? = outcome { throw error } }
            return keys.indices.compactMap { index in
                if case .record(let record)? = outcomes[index] { return record }
                return nil
            }
        }
    }
}

/// The runner handed to the worker threads of a concurrent sweep: `run(_:threads:shouldStop:)`
/// reads only immutable state and the thread-safe ``CheckSampleCache``.
private struct UncheckedRunner: @unchecked Sendable {
    let value: CheckRunner
    init(_ value: CheckRunner) { self.value = value }
}
