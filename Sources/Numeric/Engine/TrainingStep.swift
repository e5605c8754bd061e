import Foundation

/// One optimiser step on a staged batch: forward, masked MSE, backward, global-norm clipping,
/// Adam. Shared by `trainSequenceModel` and the benchmark, so the benchmark times exactly the
/// training loop's work. Allocates nothing.
///
/// Data parallelism: the batch is split into `pieceCount(batch:)` contiguous pieces (a fixed
/// function of the batch size: one piece per 32 sequences), each runs forward and backward in
/// its own workspace (with its own gradient buffer), and the gradients are summed in a fixed
/// order, weighted by piece size: `∇ℓ = Σ_r (B_r / B) ∇ℓ_r`. The thread count only schedules
/// the pieces (up to `threads` at a time); OpenBLAS runs single-threaded inside each piece.
/// Because the split does not depend on the thread count, runs with any number of threads
/// give bit-identical weights.
struct TrainingStep {
    let network: SequenceNetwork<Float>
    let replicas: [NetworkWorkspace<Float>]
    /// Staging area the caller fills: `input [B, L, d]`, `targets [B, L]` for the whole batch.
    let input: UnsafeMutablePointer<Float>
    let targets: UnsafeMutablePointer<Float>
    let batch: Int
    /// Runs the pieces concurrently when `threads > 1` (nil: one after the other).
    let pool: WorkerPool?
    var optimizer: AdamOptimizer
    private let arena = Arena<Float>()
    private let lossArena = Arena<Double>()
    let losses: UnsafeMutablePointer<Double>

    /// Pieces a batch of `batch` sequences is split into: `⌈batch / 32⌉` (at least 1). Depends on
    /// the batch alone, never on the thread count, so results are independent of `--threads`.
    static func pieceCount(batch: Int) -> Int { max(1, (batch + 31) / 32) }

    init(network: SequenceNetwork<Float>, batch: Int, threads: Int = engineThreadCount) {
        self.network = network
        self.batch = batch
        let count = Self.pieceCount(batch: batch)
        let workers = min(max(1, threads), count)
        pool = workers > 1 ? WorkerPool(workers: workers - 1) : nil
        let capacity = (batch + count - 1) / count
        replicas = (0..<count).map { _ in network.makeWorkspace(batch: capacity, chunks: 1) }
        let c = network.configuration
        input = arena.take(batch * c.sequenceLength * c.tokenDimension)
        targets = arena.take(batch * c.sequenceLength)
        optimizer = AdamOptimizer(count: network.layout.count)
        losses = lossArena.take(count)
        if pool != nil { setLinearAlgebraThreads(1) }
    }

    /// The piece `0..<size` of the staged batch that replica `r` handles.
    func piece(_ r: Int, of size: Int) -> Range<Int> {
        (size * r / replicas.count)..<(size * (r + 1) / replicas.count)
    }

    /// Runs forward (and, when `train`, backward) on the first `size` staged sequences; returns the loss.
    func evaluate(size: Int, firstTargetPosition: Int, train: Bool) -> Double {
        let job = ReplicaJob(step: self, size: size, firstTargetPosition: firstTargetPosition, train: train)
        if let pool {
            pool.run(pool.workers + 1, StridedJob(job: job, count: replicas.count, stride: pool.workers + 1))
        } else {
            for r in 0..<replicas.count { job.perform(r) }
        }
        var loss = 0.0
        for r in 0..<replicas.count { loss += losses[r] }
        if train {
            let g = network.gradients.baseAddress!, n = network.layout.count
            for r in 0..<replicas.count {
                let weight = Float(piece(r, of: size).count) / Float(size)
                let source = replicas[r].gradients
                if r == 0 { for i in 0..<n { g[i] = weight * source[i] } } else { for i in 0..<n { g[i] += weight * source[i] } }
            }
        }
        return loss
    }

    /// One optimiser step on the first `size` staged sequences; returns the batch loss
    /// (parameters are left unchanged when it is not finite).
    mutating func run(size: Int, firstTargetPosition: Int, clipNorm: Double, learningRate: Double) -> Double {
        let loss = evaluate(size: size, firstTargetPosition: firstTargetPosition, train: true)
        guard loss.isFinite else { return loss }
        clipGlobalNorm(network.gradients, maximum: clipNorm)
        optimizer.update(network.parameters, gradients: UnsafeBufferPointer(network.gradients), learningRate: learningRate)
        return loss
    }
}

/// The work of replica `r` in one `TrainingStep.evaluate`: copy its piece of the staged batch,
/// forward, loss (weighted by piece size) and, when training, backward into its own gradients.
/// A value type handed to the pool by pointer, so dispatching it allocates nothing.
struct ReplicaJob: ParallelJob {
    let step: TrainingStep
    let size: Int
    let firstTargetPosition: Int
    let train: Bool

    func perform(_ r: Int) {
        let c = step.network.configuration
        let L = c.sequenceLength, tokens = L * c.tokenDimension
        let range = step.piece(r, of: size)
        let w = step.replicas[r]
        step.losses[r] = 0
        if range.isEmpty { if train { w.zeroGradients() }; return }
        w.input.update(from: step.input + range.lowerBound * tokens, count: range.count * tokens)
        w.targets.update(from: step.targets + range.lowerBound * L, count: range.count * L)
        step.network.forward(batch: range.count, w)
        step.losses[r] = MeanSquaredLoss.evaluate(predictions: w.output, targets: w.targets, batch: range.count, length: L,
                                                  firstTargetPosition: firstTargetPosition,
                                                  gradient: train ? w.outputGradient : nil) * Double(range.count) / Double(size)
        if train {
            w.zeroGradients()
            step.network.backward(batch: range.count, w)
        }
    }
}

/// Runs pieces `w, w + stride, w + 2·stride, …` of `job` on worker slot `w`: lets `stride` threads
/// share `count ≥ stride` pieces without the split depending on the thread count.
struct StridedJob<Job: ParallelJob>: ParallelJob {
    let job: Job
    let count: Int
    let stride: Int

    func perform(_ slot: Int) {
        for piece in Swift.stride(from: slot, to: count, by: stride) { job.perform(piece) }
    }
}
