import Bounds

/// A Fourier block `s ∈ N_0^K` (docs/formulas.md): it holds the `2^{Σ_k s_k}` frequencies `l` with
/// `⌊2^{s_k−1}⌋ ≤ |l_k| < 2^{s_k}` in every coordinate k.
struct FourierBlock: Sendable {
    /// `s_k` per coordinate.
    var s: [Int]
    /// `γ(s)` exactly: `Σ_k a_k s_k` (mixed) or `max_k a_k s_k` (anisotropic).
    var gamma: Rational
    /// `γ(s)` rounded to the nearest `Double`.
    var gammaValue: Double
    /// `2^{Σ_k s_k}`, the number of frequencies in the block.
    var termCount: Int

    /// The frequencies `l` of coordinate k in block order: `s = 0 → [0]`; otherwise
    /// `−(2^s−1), …, −2^{s−1}, 2^{s−1}, …, 2^s−1` (ascending).
    static func frequencies(_ sk: Int) -> [Int] {
        if sk == 0 { return [0] }
        let low = 1 << (sk - 1), high = 1 << sk
        return Array((low..<high).reversed().map { -$0 }) + Array(low..<high)
    }
}

/// Enumeration of Fourier blocks in ascending `(γ(s), s lexicographic)` order.
enum FourierBlocks {
    /// `γ(s)` exactly for the smoothness entries `a` (one per coordinate).
    static func gamma(_ s: [Int], entries: [Rational], type: GammaType) -> Rational {
        var total = Rational.zero
        for (k, sk) in zip(s.indices, s) where sk > 0 {
            let term = entries[k] * Rational(sk)
            total = type == .mixed ? total + term : Rational.maximum(total, term)
        }
        return total
    }

    /// Calls `visit` on every block in ascending order of the key `(γ(s), s)` (s compared
    /// lexicographically), a total deterministic order, until `visit` returns `false`.
    ///
    /// Best-first search from `s = 0`: γ is non-decreasing in every `s_k` and `s − e_k` precedes
    /// `s` lexicographically, so every block's predecessor has a smaller key and the pop order of a
    /// min-heap on the key is the sorted order.
    static func ascending(entries: [Rational], type: GammaType, _ visit: (FourierBlock) -> Bool) {
        let count = entries.count
        var heap = BlockHeap()
        var seen: Set<[Int]> = []
        let origin = [Int](repeating: 0, count: count)
        heap.push(FourierBlock(s: origin, gamma: .zero, gammaValue: 0, termCount: 1))
        seen.insert(origin)
        while let block = heap.pop() {
            if !visit(block) { return }
            for k in 0..<count {
                var next = block.s
                next[k] += 1
                if seen.contains(next) { continue }
                seen.insert(next)
                let gamma: Rational
                switch type {
                case .mixed: gamma = block.gamma + entries[k]
                case .anisotropic: gamma = Rational.maximum(block.gamma, entries[k] * Rational(next[k]))
                }
                let order = next.reduce(0, +)
                let terms = order >= 62 ? Int.max / 4 : 1 << order
                heap.push(FourierBlock(s: next, gamma: gamma, gammaValue: gamma.doubleValue, termCount: terms))
            }
        }
    }
}

/// A binary min-heap of blocks keyed by `(γ(s), s lexicographic)`.
private struct BlockHeap {
    private var items: [FourierBlock] = []

    private static func precedes(_ x: FourierBlock, _ y: FourierBlock) -> Bool {
        if x.gamma != y.gamma { return x.gamma < y.gamma }
        return x.s.lexicographicallyPrecedes(y.s)
    }

    mutating func push(_ block: FourierBlock) {
        items.append(block)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if !Self.precedes(items[i], items[parent]) { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> FourierBlock? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let left = 2 * i + 1, right = left + 1
            var smallest = i
            if left < items.count, Self.precedes(items[left], items[smallest]) { smallest = left }
            if right < items.count, Self.precedes(items[right], items[smallest]) { smallest = right }
            if smallest == i { break }
            items.swapAt(i, smallest)
            i = smallest
        }
        return top
    }
}
