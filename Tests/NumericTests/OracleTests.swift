import Bounds
import Foundation
import Testing
@testable import Numeric

/// Least-squares oracle (docs/check.md): exact recovery, Parseval error, level choice, determinism.
@Suite struct OracleTests {
    static let a124 = try! Smoothness(entries: [1, 2, 4], rows: 3, columns: 1)

    @Test func noiselessFixedLevelRecoversTarget() throws {
        let a = try Smoothness(entries: [1, 2], rows: 2, columns: 1)
        let target = try SyntheticTarget(smoothness: a, gamma: .anisotropic, functionClass: .gammaSmooth,
                                         level: 2, window: 2, seed: 1)
        let sample = target.sample(sequences: 200, length: 8, noise: 0, seed: 2)
        // γ < 2.5 is exactly the target (21 terms); γ < 3.5 adds the blocks s₁ = 3 (45 terms).
        for (level, size) in [(2.5, 21), (3.5, 45)] {
            let fit = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: .fixed(level), seed: 3)
            #expect(fit.basisSize == size)
            #expect(fit.testMSE < 1e-12)
            #expect(fit.validationMSE == nil)
        }
        // γ < 2 leaves out the γ = 2 blocks: the error is exactly their squared norm, 4 · 4^{−2}.
        let partial = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: .fixed(2), seed: 3)
        #expect(partial.basisSize == 3)
        #expect(abs(partial.testMSE - 4.0 / 16.0) < 0.05)
        #expect(throws: CheckInputError.self) {
            _ = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: .fixed(3.5), maxBasisSize: 40, seed: 3)
        }
    }

    /// ĝ evaluated on fresh rows: its empirical MSE against g matches the exact Parseval error.
    @Test func parsevalErrorMatchesFreshSample() throws {
        let target = try SyntheticTarget(smoothness: Self.a124, gamma: .mixed, functionClass: .gammaSmooth,
                                         level: 6, window: 3, seed: 4)
        let sample = target.sample(sequences: 100, length: 12, noise: 0.5, seed: 5)
        let level = 4.5
        let fit = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: .fixed(level), seed: 6)
        #expect(fit.testMSE > 1e-3)
        let basis = OracleBasis.fixed(target: target, level: level)
        let layout = TrigonometricLayout(blocks: basis.blocks.map(\.s), coordinateCount: 3)
        #expect(layout.termCount == fit.basisSize && fit.coefficients.count == fit.basisSize)
        let fresh = target.sample(sequences: 10_000, length: 12, noise: 0, seed: 7)
        let predicted = layout.evaluate(coordinates: fresh.coordinates, rows: fresh.rows, coefficients: fit.coefficients)
        let truth = target.evaluate(coordinates: fresh.coordinates, rows: fresh.rows)
        let squares = zip(predicted, truth).map { ($0 - $1) * ($0 - $1) }
        let mean = squares.reduce(0, +) / Double(squares.count)
        let spread = (squares.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(squares.count)).squareRoot()
        // Rows within a sequence share tokens: allow 10 naive standard errors.
        #expect(abs(mean - fit.testMSE) < 10 * spread / Double(squares.count).squareRoot(),
                "empirical \(mean) vs Parseval \(fit.testMSE)")
    }

    @Test func validationPicksLargerLevelForLargerSamples() throws {
        let level = SyntheticTarget.defaultLevel(smoothness: Self.a124, gamma: .anisotropic, maxTerms: 600)
        let target = try SyntheticTarget(smoothness: Self.a124, gamma: .anisotropic, functionClass: .gammaSmooth,
                                         level: level, window: 3, seed: 8)
        let small = target.sample(sequences: 8, length: 12, noise: 0.5, seed: 9)
        let large = target.sample(sequences: 600, length: 12, noise: 0.5, seed: 9)
        let choice = OracleLevelChoice.validation(fraction: 0.25)
        let smallFit = try LeastSquaresOracle.fit(target: target, sample: small, levelChoice: choice, seed: 10)
        let largeFit = try LeastSquaresOracle.fit(target: target, sample: large, levelChoice: choice, seed: 10)
        #expect(smallFit.level < largeFit.level)
        #expect(smallFit.basisSize < largeFit.basisSize)
        #expect(largeFit.testMSE < smallFit.testMSE)
        #expect(largeFit.validationMSE != nil && largeFit.validationMSE! > 0.2 && largeFit.validationMSE! < 0.4)
        // The chosen level's fit on all rows equals the fixed fit at that level.
        let fixed = try LeastSquaresOracle.fit(target: target, sample: large, levelChoice: .fixed(largeFit.level), seed: 10)
        #expect(fixed.basisSize == largeFit.basisSize)
        #expect(abs(fixed.testMSE - largeFit.testMSE) <= 1e-9 * fixed.testMSE)
    }

    @Test func heldOutErrorsMatchDirectResiduals() throws {
        let target = try SyntheticTarget(smoothness: Self.a124, gamma: .mixed, functionClass: .gammaSmooth,
                                         level: 4, window: 3, seed: 12)
        let sample = target.sample(sequences: 60, length: 10, noise: 0.3, seed: 13)
        let basis = OracleBasis.candidates(target: target, cap: 40)
        let layout = TrigonometricLayout(blocks: basis.blocks.map(\.s), coordinateCount: 3)
        let size = layout.termCount
        let trainRows = Array(0..<300), heldRows = Array(300..<sample.rows)
        let train = GramAccumulator(rowIndices: trainRows, capacity: size, targets: sample.noisy)
        let held = GramAccumulator(rowIndices: heldRows, capacity: size, targets: sample.noisy)
        // Two stages must equal one: grow to the second candidate, then to the end.
        for accumulator in [train, held] {
            let middle = basis.candidates[2]
            accumulator.extend(to: middle.size, blockCount: middle.blockCount, layout: layout,
                               coordinates: sample.coordinates, targets: sample.noisy, team: .serial)
            accumulator.extend(to: size, blockCount: basis.blocks.count, layout: layout,
                               coordinates: sample.coordinates, targets: sample.noisy, team: .serial)
        }
        let cholesky = PrefixCholesky(gram: train.gram, ld: size, size: size)
        #expect(cholesky.size == size)
        let errors = cholesky.heldOutErrors(at: basis.candidates.map(\.size), trainMoment: train.moment, gram: held.gram,
                                            ld: size, moment: held.moment, squaredTargets: held.squaredTargets,
                                            rows: held.rowCount)
        let z = Array(sample.coordinates[(300 * 3)...])
        for candidate in basis.candidates {
            let p = candidate.size
            let c = try #require(PrefixCholesky.solve(gram: train.gram, ld: size, moment: train.moment, prefix: p))
            let predicted = layout.evaluate(coordinates: z, rows: heldRows.count,
                                            coefficients: c + [Double](repeating: 0, count: size - p))
            let direct = zip(predicted, heldRows).map { ($0 - sample.noisy[$1]) * ($0 - sample.noisy[$1]) }
                .reduce(0, +) / Double(heldRows.count)
            #expect(abs(errors[p]! - direct) < 1e-9 * direct, "prefix \(p)")
        }
    }

    /// Same seed, same fit; 1 or 3 threads give the same bits (oracle and target evaluation).
    @Test func sameSeedSameFit() throws {
        let target = try SyntheticTarget(smoothness: Self.a124, gamma: .mixed, functionClass: .piecewise,
                                         level: 5, window: 4, seed: 14)
        let sample = target.sample(sequences: 64, length: 10, noise: 0.2, seed: 15)
        let choice = OracleLevelChoice.validation(fraction: 0.2)
        let first = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: choice, seed: 16)
        let second = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: choice, seed: 16,
                                                parallelism: Parallelism(threads: 3))
        #expect(first.testMSE == second.testMSE && first.level == second.level)
        #expect(first.coefficients == second.coefficients)
        let z = sample.coordinates, rows = sample.rows
        #expect(target.evaluate(coordinates: z, rows: rows) == target.evaluate(coordinates: z, rows: rows, parallelism: Parallelism(threads: 3)))
        #expect(throws: CheckInputError.self) {
            _ = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: .validation(fraction: 1), seed: 1)
        }
    }

    /// `OracleBenchmark` (what `ratecalc bench oracle` prints) at a tiny size: it times the three
    /// stages of the target `check` would build and fits it as `LeastSquaresOracle.fit` does.
    @Test func oracleBenchmarkTimesTheStagesOfTheDefaultTarget() throws {
        var benchmark = OracleBenchmark(gamma: .mixed)
        benchmark.maxTerms = 50
        benchmark.evaluatedRows = 100
        benchmark.sequences = 40
        let timings = try benchmark.run()
        let level = SyntheticTarget.defaultLevel(smoothness: Self.a124, gamma: .mixed, maxTerms: 50)
        let target = try SyntheticTarget(smoothness: Self.a124, gamma: .mixed, functionClass: .gammaSmooth,
                                         level: level, window: 3, seed: 1)
        #expect(timings.level == level)
        #expect(timings.termCount == target.termCount && timings.termCount <= 50)
        #expect(timings.evaluatedRows == 100)
        #expect(timings.sampleRows == 40 * (32 - target.firstTargetPosition))
        let sample = target.sample(sequences: 40, length: 32, noise: 0.1, seed: 3)
        let fit = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: .validation(fraction: 0.2), seed: 4)
        #expect(timings.fit.basisSize == fit.basisSize && timings.fit.testMSE == fit.testMSE)
        #expect([timings.evaluationSeconds, timings.sampleSeconds, timings.fitSeconds].allSatisfy { $0 >= 0 && $0.isFinite })
        benchmark.sequences = 1
        #expect(throws: CheckInputError.self) { _ = try benchmark.run() }
    }
}
