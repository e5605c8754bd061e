import Bounds
import Foundation
import Testing
@testable import Numeric

/// Synthetic targets (docs/check.md): block structure, norms, Parseval, evaluation, piecewise tokens.
@Suite struct TargetGeneratorTests {
    static func smoothness(_ entries: [Rational], rows: Int? = nil, columns: Int = 1) -> Smoothness {
        try! Smoothness(entries: entries, rows: rows ?? entries.count / columns, columns: columns)
    }

    /// a = (1, 2), anisotropic, T_max = 2: γ = max(s₁, 2s₂) ≤ 2 ⇔ s₁ ≤ 2, s₂ ≤ 1; in (γ, s) order
    /// (0,0) γ0 · (1,0) γ1 · (0,1) (1,1) (2,0) (2,1) γ2, with 1+2+2+4+4+8 = 21 terms.
    /// Mixed: γ = s₁ + 2s₂ ≤ 2: (0,0) (1,0) (0,1) (2,0), 1+2+2+4 = 9 terms.
    @Test func handCheckedBlocks() throws {
        let a = Self.smoothness([1, 2])
        let anisotropic = try SyntheticTarget(smoothness: a, gamma: .anisotropic, functionClass: .gammaSmooth,
                                              level: 2, window: 2, seed: 1)
        #expect(anisotropic.blocks.map(\.s) == [[0, 0], [1, 0], [0, 1], [1, 1], [2, 0], [2, 1]])
        #expect(anisotropic.blocks.map(\.gammaValue) == [0, 1, 2, 2, 2, 2])
        #expect(anisotropic.termCount == 21)
        let mixed = try SyntheticTarget(smoothness: a, gamma: .mixed, functionClass: .gammaSmooth,
                                        level: 2, window: 2, seed: 1)
        #expect(mixed.blocks.map(\.s) == [[0, 0], [1, 0], [0, 1], [2, 0]])
        #expect(mixed.termCount == 9)
        #expect(FourierBlock.frequencies(0) == [0])
        #expect(FourierBlock.frequencies(1) == [-1, 1])
        #expect(FourierBlock.frequencies(3) == [-7, -6, -5, -4, 4, 5, 6, 7])
        #expect(SyntheticTarget.defaultLevel(smoothness: a, gamma: .anisotropic, maxTerms: 21) == 2)
        #expect(SyntheticTarget.defaultLevel(smoothness: a, gamma: .anisotropic, maxTerms: 20) == 1)
        #expect(SyntheticTarget.defaultLevel(smoothness: a, gamma: .anisotropic, maxTerms: 0) == 0)
        #expect(SyntheticTarget.defaultLevel(smoothness: a, gamma: .mixed, maxTerms: 9) == 2)
    }

    /// Exact comparison: γ = 1/3 is selected by the Double 1/3 (its nearest Double), not by 0.333.
    @Test func levelComparisonIsExact() throws {
        let a = Self.smoothness([Rational(1, 3)])
        let at = try SyntheticTarget(smoothness: a, gamma: .mixed, functionClass: .gammaSmooth,
                                     level: 1.0 / 3.0, window: 1, seed: 1)
        #expect(at.termCount == 3)
        let below = try SyntheticTarget(smoothness: a, gamma: .mixed, functionClass: .gammaSmooth,
                                        level: 0.333, window: 1, seed: 1)
        #expect(below.termCount == 1)
        #expect(SyntheticTarget.defaultLevel(smoothness: a, gamma: .mixed, maxTerms: 7) == 2.0 / 3.0)
    }

    @Test(arguments: [TargetWeights.unit, .summable], [GammaType.mixed, .anisotropic])
    func blockNorms(weights: TargetWeights, gamma: GammaType) throws {
        let target = try SyntheticTarget(smoothness: Self.smoothness([1, 2, 4]), gamma: gamma,
                                         functionClass: .gammaSmooth, level: 5, window: 3, weights: weights, seed: 7)
        var start = 0
        var squared = 0.0
        for block in target.blocks {
            let c = target.coefficients[start..<(start + block.termCount)]
            let norm = c.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let expected = exp2(-block.gammaValue) * weights.weight(block.s)
            #expect(abs(norm - expected) <= 1e-12 * expected, "block \(block.s)")
            squared += expected * expected
            start += block.termCount
        }
        #expect(start == target.termCount)
        #expect(abs(target.squaredNorm - squared) <= 1e-12 * squared)
        if weights == .summable {
            #expect(target.blocks.contains { $0.s == [1, 1, 0] })
            #expect(abs(weights.weight([1, 1, 0]) - 0.25) < 1e-15)
        }
    }

    @Test func parseval() throws {
        let target = try SyntheticTarget(smoothness: Self.smoothness([1, 2, 4]), gamma: .mixed,
                                         functionClass: .gammaSmooth, level: 4, window: 3, seed: 3)
        #expect(target.termCount == 51)
        let rows = 200_000, K = target.coordinateCount
        var random = RandomSource(seed: 11)
        let z = (0..<(rows * K)).map { _ in random.uniform() }
        let f = target.evaluate(coordinates: z, rows: rows)
        let mean = f.reduce(0, +) / Double(rows)
        let meanSquare = f.reduce(0) { $0 + $1 * $1 } / Double(rows)
        let varianceOfSquare = f.reduce(0) { $0 + ($1 * $1 - meanSquare) * ($1 * $1 - meanSquare) } / Double(rows)
        let standardError = (varianceOfSquare / Double(rows)).squareRoot()
        #expect(abs(meanSquare - target.squaredNorm) < 5 * standardError)
        let meanError = ((meanSquare - mean * mean) / Double(rows)).squareRoot()
        #expect(abs(mean - target.coefficients[0]) < 5 * meanError)
    }

    /// ψ_l(z) = ∏_k ψ_{l_k}(z_k) with sin/cos per term, terms in the layout order.
    static func naive(_ target: SyntheticTarget, _ z: ArraySlice<Double>) -> Double {
        let z = Array(z)
        func psi(_ l: Int, _ x: Double) -> Double {
            l == 0 ? 1 : l > 0 ? 2.0.squareRoot() * sin(2 * .pi * Double(l) * x)
                               : 2.0.squareRoot() * cos(2 * .pi * Double(-l) * x)
        }
        var total = 0.0, term = 0
        for block in target.blocks {
            let active = block.s.indices.filter { block.s[$0] > 0 }
            let lists = active.map { FourierBlock.frequencies(block.s[$0]) }
            var index = [Int](repeating: 0, count: active.count)
            while true {
                var value = target.coefficients[term]
                for (a, k) in active.enumerated() { value *= psi(lists[a][index[a]], z[k]) }
                total += value
                term += 1
                var d = active.count - 1
                while d >= 0 { index[d] += 1; if index[d] < lists[d].count { break }; index[d] = 0; d -= 1 }
                if d < 0 { break }
            }
        }
        #expect(term == target.termCount)
        return total
    }

    @Test(arguments: [GammaType.mixed, .anisotropic])
    func evaluationMatchesNaive(gamma: GammaType) throws {
        let a = Self.smoothness([1, 2, 3, 4], columns: 2)
        let level = SyntheticTarget.defaultLevel(smoothness: a, gamma: gamma, maxTerms: 3000)
        let target = try SyntheticTarget(smoothness: a, gamma: gamma, functionClass: .gammaSmooth,
                                         level: level, window: 2, seed: 5)
        #expect(target.layout.maxFrequency.max()! >= 15)
        let rows = 150, K = target.coordinateCount
        var random = RandomSource(seed: 9)
        let z = (0..<(rows * K)).map { _ in random.uniform() }
        let fast = target.evaluate(coordinates: z, rows: rows)
        for r in 0..<rows {
            let slow = Self.naive(target, z[(r * K)..<((r + 1) * K)])
            #expect(abs(fast[r] - slow) < 1e-10, "row \(r)")
        }
    }

    @Test func gammaSmoothCoordinatesAreShiftedTokens() throws {
        let a = Self.smoothness([1, 2, 3, 4, 5, 6], columns: 2)   // rows 3 (positions), columns 2
        let target = try SyntheticTarget(smoothness: a, gamma: .anisotropic, functionClass: .gammaSmooth,
                                         level: 3, window: 3, seed: 2)
        #expect(target.tokenDimension == 2 && target.firstTargetPosition == 2 && target.coordinateCount == 6)
        let sample = target.sample(sequences: 3, length: 7, noise: 0.1, seed: 4)
        #expect(sample.rows == 15)
        let x = sample.dataset.inputs
        for i in 0..<3 {
            for t in 2..<7 {
                let r = i * 5 + (t - 2)
                for p in 0..<3 { for j in 0..<2 {
                    #expect(sample.coordinates[r * 6 + p * 2 + j] == Double(x[(i * 7 + t - p) * 2 + j]))
                } }
                #expect(sample.clean[i * 7 + t] == target.evaluate(coordinates: Array(sample.coordinates[(r * 6)..<(r * 6 + 6)]), rows: 1)[0])
                #expect(sample.dataset.targets[i * 7 + t] == Float(sample.noisy[r]))
            }
            for t in 0..<2 { #expect(sample.clean[i * 7 + t] == 0 && sample.dataset.targets[i * 7 + t] == 0) }
        }
    }

    /// The importance of token t, recomputed from its observed (Float) features: μ(x) = k^{p(x₁)}.
    static func importance(_ sample: TargetSample, _ i: Int, _ t: Int) -> Double {
        let d = sample.dataset.tokenDimension, base = (i * sample.dataset.length + t) * d
        let x = sample.dataset.inputs
        return PiecewiseTokens.importance(key: Double(x[base + d - 1]), firstFeature: Double(x[base]))
    }

    @Test func piecewiseTokens() throws {
        let window = 5
        let target = try SyntheticTarget(smoothness: Self.smoothness([1, 2, 4]), gamma: .anisotropic,
                                         functionClass: .piecewise, level: 4, window: window, seed: 8)
        #expect(target.tokenDimension == 2 && target.firstTargetPosition == window - 1)
        let length = 12, count = 400
        let sample = target.sample(sequences: count, length: length, noise: 0, seed: 6)
        let x = sample.dataset.inputs
        // The importance of the observed features is a level μ_ℓ = (ℓ + ½)/8V up to Float rounding.
        let levels = 8 * window
        for i in 0..<count {
            for t in 0..<length {
                let scaled = Self.importance(sample, i, t) * Double(levels) - 0.5
                #expect(abs(scaled - scaled.rounded()) < 1e-4 && scaled.rounded() >= 0 && scaled.rounded() < Double(levels))
            }
        }
        // Hand case: sequence 0, position t = 7, window x₃…x₇; top 3 by the importance of the features.
        var best: [(Double, Int)] = []
        for p in 3...7 { best.append((Self.importance(sample, 0, p), p)) }
        let ranked = best.sorted { $0.0 > $1.0 }.prefix(3).map(\.1)
        let r = 7 - (window - 1)
        for (rank, p) in ranked.enumerated() {
            #expect(sample.coordinates[r * 3 + rank] == Double(x[(0 * length + p) * 2]))
        }
        let mean = sample.coordinates.reduce(0, +) / Double(sample.coordinates.count)
        #expect(abs(mean - 0.5) < 0.01)
        #expect(throws: CheckInputError.self) {
            _ = try SyntheticTarget(smoothness: Self.smoothness([1, 2, 4]), gamma: .mixed, functionClass: .piecewise,
                                    level: 2, window: 2, seed: 1)
        }
    }

    /// The class's separation condition on every window of many sequences, for several V: V
    /// distinct importances (of the observed features) pairwise ≥ 1/(4V) apart, inside (0, 1);
    /// and the target's rows are the first features of the top-ranked tokens by that importance.
    @Test(arguments: [2, 4, 8, 16])
    func piecewiseSeparation(window: Int) throws {
        let target = try SyntheticTarget(smoothness: Self.smoothness([1, 2], rows: 2, columns: 1), gamma: .anisotropic,
                                         functionClass: .piecewise, level: 2, window: window, seed: 3)
        let length = 3 * window + 5, count = 150
        let sample = target.sample(sequences: count, length: length, noise: 0, seed: UInt64(window))
        let gap = 1 / (4 * Double(window))
        for i in 0..<count {
            for start in 0...(length - window) {
                let values = (start..<(start + window)).map { Self.importance(sample, i, $0) }.sorted()
                #expect(values.first! > 0 && values.last! < 1)
                for q in 1..<window { #expect(values[q] - values[q - 1] >= gap - 1e-6) }
            }
            for t in (window - 1)..<length {
                let top = ((t - window + 1)...t).sorted { Self.importance(sample, i, $0) > Self.importance(sample, i, $1) }
                let row = i * (length - window + 1) + t - (window - 1)
                for rank in 0..<2 {
                    #expect(sample.coordinates[row * 2 + rank] == Double(sample.dataset.inputs[(i * length + top[rank]) * 2]))
                }
            }
        }
    }

    /// How often the most important token of the window ending at t + V is the one at the
    /// same phase as the window ending at t (position + V): 1 for an importance that repeats
    /// with period V, about 1/V when the ranks do not follow t mod V.
    static func periodicRepeatRate(count: Int, length: Int, window: Int, importance: (Int, Int) -> Double) -> Double {
        var repeats = 0, windows = 0
        func top(_ i: Int, _ t: Int) -> Int { ((t - window + 1)...t).max { importance(i, $0) < importance(i, $1) }! }
        for i in 0..<count {
            for t in (window - 1)..<(length - window) {
                windows += 1
                if top(i, t + window) == top(i, t) + window { repeats += 1 }
            }
        }
        return Double(repeats) / Double(windows)
    }

    /// No positional shortcut: (1) the top-1 position does not repeat with period V (the
    /// statistic does flag a periodic importance, so it can fail); (2) within each phase t mod V
    /// the rank of the newest token of the window is spread over the ranks, not fixed.
    @Test func piecewiseHasNoPeriodicPattern() throws {
        let window = 8, length = 48, count = 200
        let target = try SyntheticTarget(smoothness: Self.smoothness([1, 2], rows: 2, columns: 1), gamma: .anisotropic,
                                         functionClass: .piecewise, level: 2, window: window, seed: 3)
        let sample = target.sample(sequences: count, length: length, noise: 0, seed: 11)
        let periodic = Self.periodicRepeatRate(count: count, length: length, window: window) { i, t in
            Double((t * 5 + i) % window) + 0.01 * Double(t % 3)
        }
        #expect(periodic == 1)
        let rate = Self.periodicRepeatRate(count: count, length: length, window: window) { Self.importance(sample, $0, $1) }
        #expect(rate < 0.17, "top-1 repeats with period V in \(rate) of the windows")
        // Per sequence and phase: the ranks of the newest token over the sequence's windows.
        var spread = 0, cells = 0
        for i in 0..<count {
            for phase in 0..<window {
                var ranks = Set<Int>()
                for t in stride(from: window - 1 + phase, to: length, by: window) {
                    let mu = Self.importance(sample, i, t)
                    ranks.insert(((t - window + 1)..<t).filter { Self.importance(sample, i, $0) > mu }.count)
                }
                cells += 1
                if ranks.count > 1 { spread += 1 }
            }
        }
        #expect(Double(spread) / Double(cells) > 0.9, "the newest token's rank is fixed by the phase in \(cells - spread) of \(cells) cases")
    }

    @Test func refusesTooManyTerms() {
        #expect(throws: CheckInputError.self) {
            _ = try SyntheticTarget(smoothness: Self.smoothness([1, 1, 1, 1]), gamma: .mixed,
                                    functionClass: .gammaSmooth, level: 40, window: 4, seed: 1)
        }
        #expect(throws: CheckInputError.self) {
            _ = try SyntheticTarget(smoothness: Self.smoothness([1]), gamma: .mixed,
                                    functionClass: .gammaSmooth, level: -1, window: 1, seed: 1)
        }
    }

    @Test func sameSeedSameSample() throws {
        for functionClass in FunctionClass.allCases {
            let make = { (seed: UInt64) in
                try SyntheticTarget(smoothness: Self.smoothness([1, 2]), gamma: .mixed, functionClass: functionClass,
                                    level: 3, window: 4, seed: seed)
            }
            let first = try make(1), second = try make(1), other = try make(2)
            #expect(first.coefficients == second.coefficients)
            #expect(first.coefficients != other.coefficients)
            let s1 = first.sample(sequences: 20, length: 9, noise: 0.3, seed: 5)
            let s2 = second.sample(sequences: 20, length: 9, noise: 0.3, seed: 5)
            let s3 = first.sample(sequences: 20, length: 9, noise: 0.3, seed: 6)
            #expect(s1.dataset.inputs == s2.dataset.inputs && s1.dataset.targets == s2.dataset.targets)
            #expect(s1.coordinates == s2.coordinates && s1.noisy == s2.noisy && s1.clean == s2.clean)
            #expect(s1.dataset.inputs != s3.dataset.inputs)
        }
    }
}
