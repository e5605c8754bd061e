import CKernels
import Foundation
import Testing
@testable import Numeric

/// The C kernels (`Sources/CKernels`) on every path this CPU has (docs/training-engine.md,
/// "Kernels and their paths"): `exp` against libm over every float of the softmax's range, special
/// values, and Adam's update against the Swift formula.
@Suite struct KernelTests {
    static let vectorPaths = KernelPath.supported.filter { $0 != .baseline }

    /// Every float in [-87.33654, -2⁻¹²] of the softmax's inputs x − max (1.5·10⁸ per path; below
    /// -87.33654, e^x < 2⁻¹²⁶ is 0) and every 61st of the 9.6·10⁸ floats in (-2⁻¹², -0], with
    /// `RATECALC_EXHAUSTIVE=1` all of them: at most 1 ulp from libm's expf. (Measured over every
    /// float in [-87.33654, 88.37626] with an optimised build: 1 ulp on both vector paths.) A sample
    /// of the positive range, every 4096th float up to the clamp, too.
    @Test(arguments: vectorPaths)
    func expWithinOneUlpOverTheSoftmaxRange(path: KernelPath) {
        let last = Float(-87.33654).bitPattern
        let small = (-Float(1) / 4096).bitPattern
        if ProcessInfo.processInfo.environment["RATECALC_EXHAUSTIVE"] == "1" {
            #expect(rc_exp_f32_max_ulp(path.cValue, 0x8000_0000, last) <= 1)
        } else {
            #expect(rc_exp_f32_max_ulp(path.cValue, small, last) <= 1)
            var worst: UInt32 = 0
            for bits in stride(from: UInt32(0x8000_0000), to: small, by: 61) {
                worst = max(worst, rc_exp_f32_max_ulp(path.cValue, bits, bits))
            }
            #expect(worst <= 1)
        }
        var worst: UInt32 = 0
        var bits: UInt32 = 0
        while bits <= Float(88.37626).bitPattern {
            worst = max(worst, rc_exp_f32_max_ulp(path.cValue, bits, bits))
            bits += 4096
        }
        #expect(worst <= 1)
    }

    @Test(arguments: KernelPath.supported)
    func expSpecialValuesAndTails(path: KernelPath) {
        let inputs: [Float] = [0, -0.0, 1, -1, -87.33654, -87.4, -100, -.infinity, 88.3, 88.8, 1000, .infinity, .nan]
        var outputs = [Float](repeating: 7, count: inputs.count)
        rc_exp_f32_on(path.cValue, inputs, &outputs, inputs.count)
        #expect(outputs[0] == 1 && outputs[1] == 1)
        // Below ln 2⁻¹²⁶: 0 on the vector paths, libm's subnormal on the baseline.
        #expect(outputs[5] >= 0 && outputs[5] < Float.leastNormalMagnitude && outputs[6] < Float.leastNormalMagnitude && outputs[7] == 0)
        #expect(outputs[8].isFinite && outputs[9] == .infinity && outputs[10] == .infinity && outputs[11] == .infinity)
        #expect(outputs[12].isNaN)
        // Every length 0 … 40 (vector bodies and tails): element i depends on input i alone.
        let x = (0..<40).map { Float(-$0) * 0.37 }
        for n in 0...40 {
            var y = [Float](repeating: -1, count: 40)
            rc_exp_f32_on(path.cValue, x, &y, n)
            for i in 0..<40 {
                if i < n {
                    #expect(abs(y[i] - expf(x[i])) <= 2 * expf(x[i]).ulp, "n = \(n), i = \(i)")
                } else {
                    #expect(y[i] == -1, "n = \(n) wrote element \(i)")
                }
            }
        }
    }

    /// The AVX2 and AVX-512 paths compute the same operations per lane: the same bits.
    @Test func vectorPathsAgreeBitForBit() throws {
        guard Self.vectorPaths.count == 2 else { return }
        var random = RandomSource(seed: 5)
        let x = (0..<1000).map { _ in Float(-90 * random.uniform()) }
        let g = (0..<1000).map { _ in Float(random.uniform() - 0.5) }
        var results: [[Float]] = []
        for path in Self.vectorPaths {
            var y = [Float](repeating: 0, count: x.count)
            rc_exp_f32_on(path.cValue, x, &y, x.count)
            var theta = x, m = g, v = g.map { $0 * $0 }
            rc_adam_f32_on(path.cValue, &theta, &m, &v, g, g.count, 0.9, 0.999, 0.1, 0.001, 0.003, 1e-8)
            results.append(y + theta + m + v)
        }
        #expect(results[0] == results[1])
    }

    /// Baseline Adam is the Swift formula bit for bit; the vector paths (with FMA) stay within a few
    /// ulps of it, over lengths that exercise every tail.
    @Test(arguments: KernelPath.supported)
    func adamMatchesTheFormula(path: KernelPath) {
        var random = RandomSource(seed: 6)
        for n in [1, 7, 8, 9, 15, 16, 17, 33, 100] {
            let g = (0..<n).map { _ in Float(random.uniform() - 0.5) }
            let start = (0..<n).map { _ in Float(random.uniform() - 0.5) }
            let (b1, b2, c1, c2, rate, eps): (Float, Float, Float, Float, Float, Float) = (0.9, 0.999, 0.19, 0.002, 0.003, 1e-8)
            var reference = start, rm = g.map { $0 * 0.5 }, rv = g.map { $0 * $0 }
            for i in 0..<n {
                rm[i] = b1 * rm[i] + (1 - b1) * g[i]
                rv[i] = b2 * rv[i] + (1 - b2) * g[i] * g[i]
                reference[i] -= rate * (rm[i] / c1) / ((rv[i] / c2).squareRoot() + eps)
            }
            var theta = start, m = g.map { $0 * 0.5 }, v = g.map { $0 * $0 }
            rc_adam_f32_on(path.cValue, &theta, &m, &v, g, n, b1, b2, c1, c2, rate, eps)
            if path == .baseline {
                #expect(theta == reference && m == rm && v == rv, "n = \(n)")
            } else {
                for i in 0..<n {
                    // The step η·m̂/(√v̂ + ε) carries a few roundings: 8 ulps of it, plus the subtraction's.
                    let step = abs(start[i] - reference[i])
                    #expect(abs(theta[i] - reference[i]) <= 2 * reference[i].ulp + 8 * Float.ulpOfOne * step, "n = \(n), i = \(i)")
                    #expect(abs(m[i] - rm[i]) <= 2 * rm[i].ulp && abs(v[i] - rv[i]) <= 2 * rv[i].ulp, "n = \(n), i = \(i)")
                }
            }
        }
    }

    /// The chosen path is one the CPU has; forced by RATECALC_KERNELS it is that one.
    @Test func chosenPathIsSupported() {
        #expect(KernelPath.supported.contains(KernelPath.current))
        #expect(KernelPath.supported.first == .baseline)
        if let forced = ProcessInfo.processInfo.environment[KernelPath.environmentVariable],
           let path = KernelPath(rawValue: forced), KernelPath.supported.contains(path) {
            #expect(KernelPath.current == path)
        }
    }
}
