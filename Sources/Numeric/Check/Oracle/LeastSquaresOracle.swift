import CBLAS
import Foundation

/// Least squares on the trigonometric basis `{ψ_l : γ(s(l)) < T}` (docs/check.md `oracle`), Float64
/// normal equations with BLAS/LAPACK; the test error is exact by Parseval.
public enum LeastSquaresOracle {
    /// Fits `ĝ = Σ_{l ∈ basis} ĉ_l ψ_l` to `sample` (inputs `sample.coordinates`, targets
    /// `sample.noisy`) by least squares, `ĉ = (ΦᵀΦ)⁻¹Φᵀy`, and returns
    /// `‖ĝ − g‖₂² = Σ_{l∈basis}(ĉ_l − c_l)² + Σ_{l ∈ target∖basis} c_l²`.
    ///
    /// Basis columns are ordered by `(γ(s), s)` ascending (the target's order), so each level is a
    /// prefix. `.fixed(T)`: the basis `γ(s) < T`. `.validation(f)`: a seeded permutation holds out
    /// `round(f·n)` sequences (at least 1, leaving at least 1); the candidates are the distinct γ
    /// values T with basis size `≤ min(maxBasisSize, trainingRows/2)`, past 3,000 functions only those
    /// whose Gram matrices take the moments route (`OracleBasis.reachable`); the Gram matrices of the
    /// training and held-out rows are grown in stages (each to the largest candidate within
    /// `max(1.5 × current size, 128)` columns, at least the next candidate) and every candidate within reach is scored
    /// by its held-out MSE from one Cholesky factor (`PrefixCholesky`); growth stops once all
    /// candidates are scored, or once a candidate beyond the best has been scored and the basis is
    /// at least `1.5·P_best` (past the minimum the held-out error rises with the variance term
    /// `σ²P/n`; the Gram matrix costs `rows·P²/2` multiply-adds, so looking further is what costs).
    /// The chosen level is refitted on all rows (`LAPACKE_dposv`).
    ///
    /// The Gram products run as column slabs on `parallelism.threads` threads with OpenBLAS
    /// single-threaded during the fit (the previous OpenBLAS setting is restored); results do not
    /// depend on the thread count.
    /// - Throws: `CheckInputError` for an inconsistent sample, a fraction outside (0, 1), fewer than
    ///   2 sequences for validation, a fixed basis larger than `maxBasisSize` or than the rows, or a
    ///   singular fixed fit.
    public static func fit(target: SyntheticTarget, sample: TargetSample, levelChoice: OracleLevelChoice,
                           maxBasisSize: Int = defaultMaxBasisSize, seed: UInt64,
                           parallelism: Parallelism = .serial) throws -> OracleFit {
        try fit(target: target, sample: sample, levelChoice: levelChoice, maxBasisSize: maxBasisSize, seed: seed,
                parallelism: parallelism, route: .automatic)
    }

    /// ``fit(target:sample:levelChoice:maxBasisSize:seed:parallelism:)`` with the Gram matrices built by `route`
    /// (the tests compare the two routes).
    static func fit(target: SyntheticTarget, sample: TargetSample, levelChoice: OracleLevelChoice,
                    maxBasisSize: Int = defaultMaxBasisSize, seed: UInt64,
                    parallelism: Parallelism = .serial, route: GramRoute) throws -> OracleFit {
        let K = target.coordinateCount
        let rows = sample.rows
        guard rows > 0, sample.coordinates.count == rows * K, sample.noisy.count == rows,
              sample.dataset.count > 0, rows % sample.dataset.count == 0 else {
            throw CheckInputError("oracle sample is inconsistent: \(rows) rows, \(sample.coordinates.count) coordinates for K = \(K), \(sample.noisy.count) targets, \(sample.dataset.count) sequences")
        }
        LinearAlgebraThreads.ensureSingle()
        let team = ThreadTeam(parallelism)
        switch levelChoice {
        case .fixed(let level):
            return try fitFixed(target: target, sample: sample, level: level, maxBasisSize: maxBasisSize, team: team, route: route)
        case .validation(let fraction):
            return try fitValidated(target: target, sample: sample, fraction: fraction,
                                    maxBasisSize: maxBasisSize, seed: seed, team: team, route: route)
        }
    }

    private static func fitFixed(target: SyntheticTarget, sample: TargetSample, level: Double,
                                 maxBasisSize: Int, team: ThreadTeam, route: GramRoute) throws -> OracleFit {
        guard level.isFinite, level >= 0 else {
            throw CheckInputError("oracle level T must be a finite number ≥ 0, got \(level)")
        }
        let basis = OracleBasis.fixed(target: target, level: level)
        let size = basis.candidates[0].size
        guard size <= maxBasisSize else {
            throw CheckInputError("oracle basis γ(s) < \(level) has \(size) functions, more than the limit of \(maxBasisSize) (its fit would hold \(peakBytes(basisSize: size) >> 20) MiB; the limit is \(peakBytes(basisSize: maxBasisSize) >> 20) MiB)")
        }
        guard size <= sample.rows else {
            throw CheckInputError("oracle basis γ(s) < \(level) has \(size) functions but the sample has only \(sample.rows) rows")
        }
        let layout = TrigonometricLayout(blocks: basis.blocks.map(\.s), coordinateCount: target.coordinateCount)
        let all = GramAccumulator(rowIndices: Array(0..<sample.rows), capacity: size, targets: sample.noisy, route: route)
        all.extend(to: size, blockCount: basis.blocks.count, layout: layout, coordinates: sample.coordinates,
                   targets: sample.noisy, team: team)
        // capacity == size: the Gram matrix is already packed and is factored in place.
        guard let coefficients = PrefixCholesky.solve(packed: &all.gram, moment: all.moment, size: size) else {
            throw CheckInputError("oracle normal equations at level \(level) (\(size) functions, \(sample.rows) rows) are not positive definite")
        }
        var fit = OracleFit(testMSE: parsevalError(target: target, fitted: coefficients), level: level,
                            basisSize: size, validationMSE: nil)
        fit.coefficients = coefficients
        fit.stageSizes = [size]
        return fit
    }

    private static func fitValidated(target: SyntheticTarget, sample: TargetSample, fraction: Double,
                                     maxBasisSize: Int, seed: UInt64, team: ThreadTeam, route: GramRoute) throws -> OracleFit {
        let sequences = sample.dataset.count
        guard fraction > 0, fraction < 1 else {
            throw CheckInputError("oracle validation fraction must be in (0, 1), got \(fraction)")
        }
        guard sequences >= 2 else {
            throw CheckInputError("oracle validation needs at least 2 sequences, got \(sequences)")
        }
        let held = validationSequenceCount(of: sequences, fraction: fraction)
        var random = RandomSource(seed: seed)
        var isHeld = [Bool](repeating: false, count: sequences)
        for i in random.permutation(sequences).prefix(held) { isHeld[i] = true }
        let perSequence = sample.rows / sequences
        var trainRows: [Int] = [], heldRows: [Int] = []
        for i in 0..<sequences {
            let range = (i * perSequence)..<((i + 1) * perSequence)
            if isHeld[i] { heldRows.append(contentsOf: range) } else { trainRows.append(contentsOf: range) }
        }
        let cap = validationBasisCap(trainingRows: trainRows.count, maxBasisSize: maxBasisSize)
        let basis = OracleBasis.candidates(target: target, cap: cap).reachable(coordinateCount: target.coordinateCount, route: route)
        let candidates = basis.candidates
        let layout = TrigonometricLayout(blocks: basis.blocks.map(\.s), coordinateCount: target.coordinateCount)
        // Allocated for the first stage; each stage grows them, so memory follows the basis reached.
        let firstStage = candidates.count > 1 ? candidates[OracleBasis.nextStage(after: 0, in: candidates)].size : 0
        let train = GramAccumulator(rowIndices: trainRows, capacity: firstStage, targets: sample.noisy, route: route)
        let validation = GramAccumulator(rowIndices: heldRows, capacity: firstStage, targets: sample.noisy, route: route)

        var errors: [Double?] = Array(repeating: nil, count: candidates.count)
        errors[0] = candidates[0].size == 0 ? validation.squaredTargets / Double(max(1, validation.rowCount)) : nil
        var best = 0
        var reached = 0   // index of the largest candidate accumulated so far
        var stageSizes: [Int] = []
        while reached + 1 < candidates.count {
            let next = OracleBasis.nextStage(after: reached, in: candidates)
            let stage = candidates[next]
            for accumulator in [train, validation] {
                accumulator.extend(to: stage.size, blockCount: stage.blockCount, layout: layout,
                                   coordinates: sample.coordinates, targets: sample.noisy, team: team)
            }
            reached = next
            stageSizes.append(stage.size)
            let cholesky = PrefixCholesky(gram: train.gram, ld: train.capacity, size: stage.size)
            let scored = candidates.filter { $0.size <= cholesky.size }.map(\.size)
            let prefixErrors = cholesky.heldOutErrors(at: scored, trainMoment: train.moment, gram: validation.gram,
                                                      ld: validation.capacity, moment: validation.moment,
                                                      squaredTargets: validation.squaredTargets,
                                                      rows: validation.rowCount)
            for (index, candidate) in candidates.enumerated() where candidate.size <= cholesky.size {
                errors[index] = prefixErrors[candidate.size]
            }
            best = 0
            for index in errors.indices {
                if let e = errors[index], errors[best] == nil || e < errors[best]! { best = index }
            }
            if cholesky.size < stage.size { break }   // larger blocks cannot be positive definite either
            let scoredBeyond = errors[(best + 1)...].contains { $0 != nil }
            if OracleBasis.searchIsDone(stageSize: stage.size, bestSize: candidates[best].size, scoredBeyondBest: scoredBeyond) { break }
        }
        let chosen = candidates[best]
        // The leading chosen.size block of G_train + G_held, packed (one P² copy, factored in place).
        let p = chosen.size
        var combined = [Double](repeating: 0, count: p * p)
        for j in 0..<p { for i in 0...j { combined[j * p + i] = train.gram[j * train.capacity + i] + validation.gram[j * validation.capacity + i] } }
        let moment = zip(train.moment, validation.moment).map { $0 + $1 }
        let coefficients: [Double]
        if let all = PrefixCholesky.solve(packed: &combined, moment: moment, size: p) {
            coefficients = all
        } else {
            let cholesky = PrefixCholesky(gram: train.gram, ld: train.capacity, size: chosen.size)
            coefficients = cholesky.coefficients(forward: cholesky.forward(train.moment), prefix: chosen.size)
        }
        var fit = OracleFit(testMSE: parsevalError(target: target, fitted: coefficients), level: chosen.level,
                            basisSize: chosen.size, validationMSE: errors[best])
        fit.coefficients = coefficients
        fit.stageSizes = stageSizes
        return fit
    }

    /// The largest basis `fit` uses unless told otherwise, set by memory: at most four `P × P`
    /// Float64 matrices are held at once (the training and held-out Gram matrices, the Cholesky
    /// factor of a search stage and, while a Gram matrix grows, its previous copy; at the refit the
    /// two Gram matrices and their packed sum), so `32·P²` bytes bound the fit's matrices — 2 GiB
    /// at P = 8192 (docs/targets-and-oracle.md, "The oracle's basis limit"). Its time is
    /// `rows × grid` for the moments route, `rows·P²/2` multiply-adds for the products route.
    public static let defaultMaxBasisSize = 8192

    /// The fit's peak memory in bytes for a basis of `size` functions: `4·size²` Float64 (see
    /// ``defaultMaxBasisSize``).
    public static func peakBytes(basisSize size: Int) -> Int { 32 * size * size }

    /// The largest candidate basis of the validation search: `min(maxBasisSize, trainingRows/2)`, so
    /// that every candidate has at least two training rows per function.
    static func validationBasisCap(trainingRows: Int, maxBasisSize: Int) -> Int {
        min(maxBasisSize, trainingRows / 2)
    }

    /// `Σ_{j<P}(ĉ_j − c_j)² + Σ_{j ≥ P} c_j²` with `c_j = 0` beyond the target's terms: basis and
    /// target share the term order (blocks ascending in `(γ(s), s)`), so term j is the same `ψ_l`.
    static func parsevalError(target: SyntheticTarget, fitted: [Double]) -> Double {
        let c = target.coefficients
        var error = 0.0
        for j in 0..<max(c.count, fitted.count) {
            let truth = j < c.count ? c[j] : 0
            let estimate = j < fitted.count ? fitted[j] : 0
            error += (estimate - truth) * (estimate - truth)
        }
        return error
    }
}
