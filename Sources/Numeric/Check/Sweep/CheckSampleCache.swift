import Foundation

/// The data of a sweep's runs, drawn once and shared by the runs that need it (docs/check.md,
/// "Runs at once"): the training sample of each (n, replicate, noiseless) and the test set of
/// each replicate. Safe to use from several runs at once: a sample is drawn by the first run that
/// asks for it while the others wait for it, never twice.
///
/// A training sample is kept only while a registered run still needs it (``register(_:)`` counts
/// the uses, each ``trainingSample(_:draw:)`` spends one), so a sweep holds at most about one sample
/// per run in progress; an unregistered request is drawn and not kept. Test sets (one per
/// replicate, `testSequences` each) are kept for the runner's lifetime.
final class CheckSampleCache: @unchecked Sendable {
    /// Which training sample: (n, replicate, noiseless labels).
    struct TrainingKey: Hashable {
        var n: Int
        var replicate: Int
        var noiseless: Bool
    }

    /// One sample, drawn under its own lock so that concurrent requests wait for one draw.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var sample: TargetSample?
        var uses: Int
        init(uses: Int) { self.uses = uses }

        func value(_ draw: () -> TargetSample) -> TargetSample {
            lock.lock()
            defer { lock.unlock() }
            if let sample { return sample }
            let drawn = draw()
            sample = drawn
            return drawn
        }
    }

    private let lock = NSLock()
    private var training: [TrainingKey: Slot] = [:]
    private var tests: [Int: Slot] = [:]

    /// Counts `keys` as future requests of their training samples.
    func register(_ keys: [CheckRunKey]) {
        lock.lock()
        defer { lock.unlock() }
        for key in keys {
            let id = TrainingKey(n: key.n, replicate: key.replicate, noiseless: key.noiseless)
            if let slot = training[id] { slot.uses += 1 } else { training[id] = Slot(uses: 1) }
        }
    }

    /// The training sample `key`, drawn by `draw` unless it is held; spends one registered use and
    /// releases the sample after its last one.
    func trainingSample(_ key: TrainingKey, draw: () -> TargetSample) -> TargetSample {
        lock.lock()
        guard let slot = training[key] else {
            lock.unlock()
            return draw()
        }
        slot.uses -= 1
        if slot.uses <= 0 { training[key] = nil }
        lock.unlock()
        return slot.value(draw)
    }

    /// The test set of `replicate`, drawn by `draw` on first use.
    func testSample(replicate: Int, draw: () -> TargetSample) -> TargetSample {
        lock.lock()
        let slot: Slot
        if let held = tests[replicate] { slot = held } else { slot = Slot(uses: 0); tests[replicate] = slot }
        lock.unlock()
        return slot.value(draw)
    }
}
