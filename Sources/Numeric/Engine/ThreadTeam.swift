import Foundation

/// The engine's one parallel-for: a fixed team of `threads − 1` worker threads that, together with
/// the calling thread, run the numbered pieces of a loop.
///
/// Piece `p` of `forEachPiece(count)` runs on slot `p mod s` (`s = min(threads, count)`; slot 0 is the
/// caller), the pieces of a slot in increasing order. Callers fix the pieces from the problem size
/// alone, so a loop whose pieces write disjoint memory gives the same bits with any team.
/// Dispatch allocates nothing: the body is a non-escaping closure that the workers see only
/// while `forEachPiece` runs (`withoutActuallyEscaping`).
///
/// A team runs one loop at a time. A loop started while the team is busy (a nested loop, or one
/// from another thread) runs on its caller's thread alone, which gives the same result.
/// The body must not throw and must touch only memory that its piece owns or that no piece writes.
final class ThreadTeam: @unchecked Sendable {
    /// State shared with the worker threads (they never reference the team, so its `deinit` can stop them).
    private final class Shared: @unchecked Sendable {
        var body: ((Int) -> Void)?
        var count = 0
        var slots = 0
        var stopping = false
        let start: [DispatchSemaphore]
        let finished = DispatchSemaphore(value: 0)
        init(workers: Int) { start = (0..<workers).map { _ in DispatchSemaphore(value: 0) } }

        /// Runs the pieces `slot, slot + slots, …` of the current loop.
        func runSlot(_ slot: Int) {
            guard let body else { return }
            var piece = slot
            while piece < count { body(piece); piece += slots }
        }
    }

    private let shared: Shared
    private let busy = NSLock()
    /// Threads of the team, the caller's included.
    let threads: Int

    /// A team of `parallelism.threads` threads (`threads − 1` workers are started here and stopped
    /// when the team is released).
    init(_ parallelism: Parallelism) {
        threads = parallelism.threads
        let workers = threads - 1
        shared = Shared(workers: workers)
        for w in 0..<workers {
            let shared = self.shared
            let thread = Thread {
                while true {
                    shared.start[w].wait()
                    if shared.stopping { return }
                    shared.runSlot(w + 1)
                    shared.finished.signal()
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// The team of one thread: every loop runs on the caller, nothing is shared.
    static let serial = ThreadTeam(.serial)

    deinit {
        shared.stopping = true
        for semaphore in shared.start { semaphore.signal() }
    }

    /// Runs `body(p)` for `p` in `0..<count`, up to `threads` at a time; returns when all are done.
    func forEachPiece(_ count: Int, _ body: (Int) -> Void) {
        let slots = min(threads, count)
        guard slots > 1, busy.try() else {
            for piece in 0..<count { body(piece) }
            return
        }
        defer { busy.unlock() }
        withoutActuallyEscaping(body) { body in
            shared.body = body
            shared.count = count
            shared.slots = slots
            for w in 0..<(slots - 1) { shared.start[w].signal() }
            shared.runSlot(0)
            for _ in 0..<(slots - 1) { shared.finished.wait() }
            shared.body = nil
        }
    }

    /// Runs `body(chunk, range)` for `chunks` contiguous pieces of `0..<count`
    /// (`range = ⌊count·c/k⌋ ..< ⌊count·(c+1)/k⌋`, `k = min(chunks, count)`). The split depends only on
    /// `count` and `chunks`, never on the team.
    func forEachChunk(of count: Int, chunks: Int, _ body: (Int, Range<Int>) -> Void) {
        let pieces = max(1, min(chunks, count))
        forEachPiece(pieces) { chunk in body(chunk, (count * chunk / pieces)..<(count * (chunk + 1) / pieces)) }
    }
}
