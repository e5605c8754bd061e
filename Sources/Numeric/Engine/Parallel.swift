import Foundation

/// How many chunks the engine's hand-written loops split a batch into (one per core by
/// default). Set through `setEngineThreads(_:)`; results are deterministic for a fixed value.
nonisolated(unsafe) var engineThreadCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

/// Sets the number of threads the engine uses: training splits each batch over this many
/// data-parallel replicas (see `TrainingStep`) and prediction splits the convolution and
/// attention loops; OpenBLAS itself is kept single-threaded (its spinning workers would
/// compete with the replicas for the cores).
public func setEngineThreads(_ count: Int) {
    engineThreadCount = max(1, count)
    setLinearAlgebraThreads(1)
}

/// Runs `body(chunk, range)` for `chunks` contiguous pieces of `0..<count`, concurrently
/// when there is more than one. The split depends only on `count` and `chunks`.
@inline(__always)
func forEachChunk(of count: Int, chunks: Int, _ body: (Int, Range<Int>) -> Void) {
    let pieces = max(1, min(chunks, count))
    if pieces == 1 { body(0, 0..<count); return }
    DispatchQueue.concurrentPerform(iterations: pieces) { chunk in
        let lower = count * chunk / pieces, upper = count * (chunk + 1) / pieces
        body(chunk, lower..<upper)
    }
}
