/// The oracle's basis: Fourier blocks in the same ascending `(γ(s), s)` order as the target, so
/// every level `T` is a prefix of the terms and term j of the basis is term j of the target.
struct OracleBasis {
    /// A candidate level: `T` = the (rounded) γ of the first block left out; the basis is the
    /// first `blockCount` blocks, `size` terms, i.e. exactly `{s : γ(s) < T}`.
    struct Candidate: Equatable {
        var level: Double
        var blockCount: Int
        var size: Int
    }

    /// The blocks, ascending.
    var blocks: [FourierBlock]
    /// Candidate levels, ascending in size.
    var candidates: [Candidate]

    /// All levels `T ∈ {γ(s)}` whose basis `{γ(s) < T}` has at most `cap` terms (the first is
    /// `T = 0`, the empty basis). γ values are grouped by their `Double` (see `LevelComparison`).
    static func candidates(target: SyntheticTarget, cap: Int) -> OracleBasis {
        var blocks: [FourierBlock] = []
        var candidates: [Candidate] = []
        var size = 0
        var groupValue: Double? = nil
        FourierBlocks.ascending(entries: target.smoothness.entries, type: target.gamma) { block in
            if block.gammaValue != groupValue {
                if size > cap { return false }
                candidates.append(Candidate(level: block.gammaValue, blockCount: blocks.count, size: size))
                groupValue = block.gammaValue
            }
            blocks.append(block)
            size += block.termCount
            return true
        }
        if let last = candidates.last { blocks.removeSubrange(last.blockCount...) }
        return OracleBasis(blocks: blocks, candidates: candidates)
    }

    /// The basis `{γ(s) < T}` for a given T, as a single candidate.
    static func fixed(target: SyntheticTarget, level: Double) -> OracleBasis {
        let comparison = LevelComparison(level)
        var blocks: [FourierBlock] = []
        var size = 0
        FourierBlocks.ascending(entries: target.smoothness.entries, type: target.gamma) { block in
            guard comparison.strictlyIncludes(block) else { return false }
            blocks.append(block)
            size += block.termCount
            return size <= SyntheticTarget.maximumTermCount
        }
        return OracleBasis(blocks: blocks, candidates: [Candidate(level: level, blockCount: blocks.count, size: size)])
    }
}

/// How the validation search of ``LeastSquaresOracle`` grows its basis, shared with the cost
/// model (``CheckCostModel``) that predicts how far it grows.
extension OracleBasis {
    /// The stage after the candidate at index `reached`: the largest candidate within
    /// `max(1.5 × its size, 128)` columns, and at least the next candidate.
    static func nextStage(after reached: Int, in candidates: [Candidate]) -> Int {
        let goal = max(3 * candidates[reached].size / 2, 128)
        var next = reached + 1
        while next + 1 < candidates.count, candidates[next + 1].size <= goal { next += 1 }
        return next
    }

    /// Whether the search stops after a stage of `stageSize` columns whose best candidate has
    /// `bestSize`: once a candidate beyond the best has been scored and the stage holds at least
    /// 1.5 times the best basis (past the minimum the held-out error rises with the variance
    /// term σ²P/n, and every further column costs `rows·P` more multiply-adds).
    static func searchIsDone(stageSize: Int, bestSize: Int, scoredBeyondBest: Bool) -> Bool {
        scoredBeyondBest && 2 * stageSize >= 3 * bestSize
    }
}
