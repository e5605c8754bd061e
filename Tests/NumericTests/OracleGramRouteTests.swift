import Bounds
import Foundation
import Testing
@testable import Numeric

/// The oracle's Gram matrix from the sample's trigonometric moments against the design-matrix
/// products (docs/targets-and-oracle.md, "The oracle's Gram matrix"), and the basis limit past 3,000 functions.
@Suite struct OracleGramRouteTests {
    static let a124 = try! Smoothness(entries: [1, 2, 4], rows: 3, columns: 1)

    /// Both routes build the same G and b up to rounding, staged or not, on 1 or 3 threads; the
    /// moments route gives the same bits on any thread count.
    @Test func momentsMatchProducts() throws {
        let target = try SyntheticTarget(smoothness: Self.a124, gamma: .mixed, functionClass: .gammaSmooth,
                                         level: 6, window: 3, seed: 21)
        let sample = target.sample(sequences: 40, length: 12, noise: 0.5, seed: 22)
        let basis = OracleBasis.candidates(target: target, cap: 300)
        let layout = TrigonometricLayout(blocks: basis.blocks.map(\.s), coordinateCount: 3)
        let size = layout.termCount
        let rows = Array(0..<sample.rows)
        func accumulate(_ route: GramRoute, threads: Int, staged: Bool) -> GramAccumulator {
            let accumulator = GramAccumulator(rowIndices: rows, capacity: 1, targets: sample.noisy, route: route)
            let team = ThreadTeam(Parallelism(threads: threads))
            if staged {
                let middle = basis.candidates[basis.candidates.count / 2]
                accumulator.extend(to: middle.size, blockCount: middle.blockCount, layout: layout,
                                   coordinates: sample.coordinates, targets: sample.noisy, team: team)
            }
            accumulator.extend(to: size, blockCount: basis.blocks.count, layout: layout,
                               coordinates: sample.coordinates, targets: sample.noisy, team: team)
            return accumulator
        }
        let products = accumulate(.products, threads: 1, staged: false)
        let moments = accumulate(.moments, threads: 1, staged: true)
        let threaded = accumulate(.moments, threads: 3, staged: true)
        #expect(moments.gram == threaded.gram && moments.moment == threaded.moment)
        // Entries are sums of `rows` products bounded by 2^K = 8: rounding of either route is
        // below rows · 8 · 1e-15; allow 1e-12 per row.
        let tolerance = 1e-12 * Double(sample.rows)
        var largest = 0.0
        for j in 0..<size {
            for i in 0...j {
                largest = max(largest, abs(moments.gram[j * moments.capacity + i] - products.gram[j * products.capacity + i]))
            }
            #expect(abs(moments.moment[j] - products.moment[j]) <= tolerance, "b[\(j)]")
        }
        #expect(largest <= tolerance, "largest |ΔG| = \(largest)")
        #expect(products.gram[0] == Double(sample.rows) && abs(moments.gram[0] - Double(sample.rows)) <= tolerance)
    }

    /// Below the old 3,000-function cap the moments route selects the same level as the products
    /// route and predicts the same function: the Gram matrices agree to ~1e-13 relative and are well
    /// conditioned (nearly orthogonal trigonometric columns, rows ≫ P), so coefficients move by
    /// ~1e-12; 1e-8 on the test MSE and on predictions leaves a wide margin.
    @Test func routesAgreeOnTheValidatedFit() throws {
        let level = SyntheticTarget.defaultLevel(smoothness: Self.a124, gamma: .anisotropic, maxTerms: 3000)
        let target = try SyntheticTarget(smoothness: Self.a124, gamma: .anisotropic, functionClass: .gammaSmooth,
                                         level: level, window: 3, seed: 23)
        let sample = target.sample(sequences: 120, length: 32, noise: 0.5, seed: 24)
        let choice = OracleLevelChoice.validation(fraction: 0.2)
        let products = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: choice, seed: 25, route: .products)
        let moments = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: choice, seed: 25, route: .moments)
        #expect(products.level == moments.level && products.basisSize == moments.basisSize)
        #expect(products.stageSizes == moments.stageSizes && products.stageSizes.count >= 2)
        #expect(abs(products.testMSE - moments.testMSE) <= 1e-8 * products.testMSE)
        #expect(abs(products.validationMSE! - moments.validationMSE!) <= 1e-8 * products.validationMSE!)
        let basis = OracleBasis.fixed(target: target, level: products.level)
        let layout = TrigonometricLayout(blocks: basis.blocks.map(\.s), coordinateCount: 3)
        let fresh = target.sample(sequences: 20, length: 32, noise: 0, seed: 26)
        let a = layout.evaluate(coordinates: fresh.coordinates, rows: fresh.rows, coefficients: products.coefficients)
        let b = layout.evaluate(coordinates: fresh.coordinates, rows: fresh.rows, coefficients: moments.coefficients)
        let difference = zip(a, b).map { abs($0 - $1) }.max()!
        #expect(difference <= 1e-8, "largest prediction difference \(difference)")
    }

    /// A basis past the old cap of 3,000 functions (one coordinate, so the grid stays small and the
    /// test fast): the fit recovers a noiseless target exactly, and past `maxBasisSize` it refuses
    /// with one error that names the memory.
    @Test func basisPast3000Functions() throws {
        let a = try Smoothness(entries: [1], rows: 1, columns: 1)
        let target = try SyntheticTarget(smoothness: a, gamma: .anisotropic, functionClass: .gammaSmooth,
                                         level: 11, window: 1, seed: 27)
        #expect(target.termCount > 3000)
        let sample = target.sample(sequences: 200, length: 32, noise: 0, seed: 28)
        let fit = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: .fixed(11.5), seed: 29)
        #expect(fit.basisSize == target.termCount && fit.basisSize > 3000)
        // ‖g‖² is about 1; the sin/cos tables by angle addition up to frequency 4,094 carry ~1e-12.
        #expect(fit.testMSE < 1e-8, "test MSE \(fit.testMSE)")
        let error = #expect(throws: CheckInputError.self) {
            _ = try LeastSquaresOracle.fit(target: target, sample: sample, levelChoice: .fixed(11.5), maxBasisSize: 3000, seed: 29)
        }
        #expect(error?.description.contains("MiB") == true)
        #expect(LeastSquaresOracle.peakBytes(basisSize: LeastSquaresOracle.defaultMaxBasisSize) == 1 << 31)
    }

    /// Past 3,000 functions the validation search keeps only candidates the moments route takes:
    /// the default anisotropic target reaches 5,715 functions, the mixed one (high frequencies in
    /// single coordinates, a grid past 2²²) stays at most 3,000, as does the products route.
    @Test func candidatesPast3000NeedTheMomentsRoute() throws {
        for (gamma, reaches5715) in [(GammaType.anisotropic, true), (.mixed, false)] {
            let level = SyntheticTarget.defaultLevel(smoothness: Self.a124, gamma: gamma, maxTerms: 12000)
            let target = try SyntheticTarget(smoothness: Self.a124, gamma: gamma, functionClass: .gammaSmooth,
                                             level: level, window: 3, seed: 1)
            let all = OracleBasis.candidates(target: target, cap: 8192)
            #expect(all.candidates.last!.size > 3000)
            let automatic = all.reachable(coordinateCount: 3, route: .automatic)
            #expect(automatic.candidates.contains { $0.size == 5715 } == reaches5715, "\(gamma)")
            #expect(automatic.candidates.allSatisfy { $0.size <= 3000 } == !reaches5715, "\(gamma)")
            #expect(automatic.blocks.reduce(0) { $0 + $1.termCount } == automatic.candidates.last!.size)
            let products = all.reachable(coordinateCount: 3, route: .products)
            #expect(products.candidates.last!.size <= 3000 && products.candidates.count < all.candidates.count)
        }
    }
}
