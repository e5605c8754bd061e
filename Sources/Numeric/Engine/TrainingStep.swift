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
    /// Runs the pieces, up to `parallelism.threads` at a time.
    let team: ThreadTeam
    var optimizer: AdamOptimizer
    private let arena = Arena<Float>()
    private let lossArena = Arena<Double>()
    let losses: UnsafeMutablePointer<Double>

    /// Pieces a batch of `batch` sequences is split into: `⌈batch / 32⌉` (at least 1). Depends on
    /// the batch alone, never on the thread count, so results are independent of `--threads`.
    static func pieceCount(batch: Int) -> Int { max(1, (batch + 31) / 32) }

    init(network: SequenceNetwork<Float>, batch: Int, parallelism: Parallelism) {
        self.network = network
        self.batch = batch
        let count = Self.pieceCount(batch: batch)
        let threads = min(parallelism.threads, count)
        team = ThreadTeam(Parallelism(threads: threads))
        let capacity = (batch + count - 1) / count
        replicas = (0..<count).map { _ in network.makeWorkspace(batch: capacity, team: .serial) }
        let c = network.configuration
        input = arena.take(batch * c.sequenceLength * c.tokenDimension)
        targets = arena.take(batch * c.sequenceLength)
        optimizer = AdamOptimizer(count: network.layout.count)
        losses = lossArena.take(count)
        LinearAlgebraThreads.ensureSingle()
    }

    /// The piece `0..<size` of the staged batch that replica `r` handles.
    func piece(_ r: Int, of size: Int) -> Range<Int> {
        (size * r / replicas.count)..<(size * (r + 1) / replicas.count)
    }

    /// Runs forward (and, when `train`, backward) on the first `size` staged sequences; returns the loss.
    func evaluate(size: Int, firstTargetPosition: Int, train: Bool) -> Double {
        team.forEachPiece(replicas.count) { r in
            runReplica(r, size: size, firstTargetPosition: firstTargetPosition, train: train)
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

    /// The work of replica `r` in one `evaluate`: copy its piece of the staged batch, forward, loss
    /// (weighted by piece size) and, when training, backward into its own gradients.
    private func runReplica(_ r: Int, size: Int, firstTargetPosition: Int, train: Bool) {
        let c = network.configuration
        let L = c.sequenceLength, tokens = L * c.tokenDimension
        let range = piece(r, of: size)
        let w = replicas[r]
        losses[r] = 0
        if range.isEmpty { if train { w.zeroGradients() }; return }
        w.input.update(from: input + range.lowerBound * tokens, count: range.count * tokens)
        w.targets.update(from: targets + range.lowerBound * L, count: range.count * L)
        network.forward(batch: range.count, w)
        losses[r] = MeanSquaredLoss.evaluate(predictions: w.output, targets: w.targets, batch: range.count, length: L,
                                             firstTargetPosition: firstTargetPosition,
                                             gradient: train ? w.outputGradient : nil) * Double(range.count) / Double(size)
        if train {
            w.zeroGradients()
            network.backward(batch: range.count, w)
        }
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
