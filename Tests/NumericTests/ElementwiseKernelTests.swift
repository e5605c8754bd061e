import CKernels
import Testing
@testable import Numeric

/// The elementwise C kernels (`rc_relu_f32_on`, `rc_bias_rows_f32_on`, the window gather/scatter …)
/// on every path this CPU has: bit for bit the scalar loops the engine ran before them, for every
/// length 0 … 40 (vector bodies and tails), with ±0, NaN and ±∞ among the inputs, and nothing
/// written past the end.
@Suite struct ElementwiseKernelTests {
    /// Inputs with the values a ReLU treats specially, then a spread of ordinary ones.
    static func values(_ count: Int, salt: UInt64) -> [Float] {
        let special: [Float] = [0, -0.0, .nan, .infinity, -.infinity, Float.leastNonzeroMagnitude, -Float.leastNonzeroMagnitude]
        var random = RandomSource(seed: 17 &+ salt)
        return (0..<count).map { i in
            i % 9 < special.count && i % 2 == 1 ? special[i % 9] : Float(random.normal() * 3)
        }
    }

    static func bits(_ x: [Float]) -> [UInt32] { x.map(\.bitPattern) }

    @Test(arguments: KernelPath.supported)
    func reluAndItsBackwardAreTheScalarLoops(path: KernelPath) {
        for n in 0...40 {
            let x = Self.values(n, salt: 1), dy = Self.values(n, salt: 2)
            var y = [Float](repeating: 7, count: n + 3)
            rc_relu_f32_on(path.cValue, x, &y, n)
            #expect(Self.bits(Array(y[..<n])) == Self.bits(x.map { $0 > 0 ? $0 : 0 }), "relu n = \(n)")
            #expect(y[n...].allSatisfy { $0 == 7 })

            let expected = zip(x, dy).map { x, g -> Float in g * (x > 0 ? 1 : 0) }
            var dx = [Float](repeating: 7, count: n + 3), copy = [Float](repeating: 7, count: n + 3)
            rc_relu_backward_f32_on(path.cValue, x, dy, &dx, &copy, n)
            #expect(Self.bits(Array(dx[..<n])) == Self.bits(expected), "relu backward n = \(n)")
            #expect(Self.bits(Array(copy[..<n])) == Self.bits(dy))
            #expect(dx[n...].allSatisfy { $0 == 7 } && copy[n...].allSatisfy { $0 == 7 })
            // In place, without the copy.
            var inPlace = dy + [7, 7, 7]
            inPlace.withUnsafeMutableBufferPointer { rc_relu_backward_f32_on(path.cValue, x, $0.baseAddress, $0.baseAddress, nil, n) }
            #expect(Self.bits(Array(inPlace[..<n])) == Self.bits(expected))

            let h = Self.values(n, salt: 3)
            var out = [Float](repeating: 7, count: n + 3)
            rc_relu_residual_f32_on(path.cValue, h, x, &out, n)
            #expect(Self.bits(Array(out[..<n])) == Self.bits(zip(h, x).map { h, p in h + (p > 0 ? p : 0) }), "residual n = \(n)")
            #expect(out[n...].allSatisfy { $0 == 7 })
        }
    }

    @Test(arguments: KernelPath.supported)
    func biasRowsAndBiasGradientAreTheScalarLoops(path: KernelPath) {
        for cols in [1, 5, 8, 16, 17, 32, 40] {
            let rows = 3
            let bias = Self.values(cols, salt: 4), source = Self.values(rows * cols, salt: 5)
            var y = [Float](repeating: 7, count: rows * cols + 2)
            rc_bias_rows_f32_on(path.cValue, bias, nil, &y, rows, cols)
            #expect(Self.bits(Array(y[..<(rows * cols)])) == Self.bits((0..<(rows * cols)).map { bias[$0 % cols] }))
            rc_bias_rows_f32_on(path.cValue, bias, source, &y, rows, cols)
            #expect(Self.bits(Array(y[..<(rows * cols)])) == Self.bits((0..<(rows * cols)).map { source[$0] + bias[$0 % cols] }))
            // In place: y += bias.
            var accumulated = source + [7, 7]
            accumulated.withUnsafeMutableBufferPointer { rc_bias_rows_f32_on(path.cValue, bias, $0.baseAddress, $0.baseAddress, rows, cols) }
            #expect(Self.bits(Array(accumulated[..<(rows * cols)])) == Self.bits(Array(y[..<(rows * cols)])))
            #expect(y[(rows * cols)...].allSatisfy { $0 == 7 } && accumulated[(rows * cols)...].allSatisfy { $0 == 7 })

            var db = Self.values(cols, salt: 6) + [7]
            var expected = Array(db[..<cols])
            for r in 0..<rows { for c in 0..<cols { expected[c] += source[r * cols + c] } }
            rc_bias_gradient_f32_on(path.cValue, source, &db, rows, cols)
            #expect(Self.bits(Array(db[..<cols])) == Self.bits(expected), "bias gradient cols = \(cols)")
            #expect(db[cols] == 7)
        }
    }

    @Test(arguments: KernelPath.supported)
    func windowGatherAndScatterAreTheScalarLoops(path: KernelPath) {
        for (width, taps, dilation) in [(32, 3, 1), (5, 2, 3), (17, 4, 2), (1, 1, 1)] {
            let (batch, length) = (2, 7)
            let h = Self.values(batch * length * width, salt: 7)
            var z = [Float](repeating: 7, count: batch * length * taps * width)
            rc_gather_windows_f32_on(path.cValue, h, &z, batch, length, width, taps, dilation)
            var expected = z
            for b in 0..<batch { for t in 0..<length { for j in 0..<taps { for c in 0..<width {
                let s = t - j * dilation
                expected[((b * length + t) * taps + j) * width + c] = s >= 0 ? h[(b * length + s) * width + c] : 0
            } } } }
            #expect(Self.bits(z) == Self.bits(expected), "gather \(width), \(taps), \(dilation)")

            let dz = Self.values(z.count, salt: 8)
            var dh = Self.values(h.count, salt: 9)
            var reference = dh
            for b in 0..<batch { for t in 0..<length { for j in 0..<taps where t - j * dilation >= 0 { for c in 0..<width {
                reference[(b * length + t - j * dilation) * width + c] += dz[((b * length + t) * taps + j) * width + c]
            } } } }
            rc_scatter_windows_add_f32_on(path.cValue, dz, &dh, batch, length, width, taps, dilation)
            #expect(Self.bits(dh) == Self.bits(reference), "scatter \(width), \(taps), \(dilation)")
        }
    }
}
