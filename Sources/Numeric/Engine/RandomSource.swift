import Foundation

/// Deterministic pseudo-random numbers for initialisation, shuffling and data splits:
/// xoshiro256** (Blackman & Vigna 2018) seeded through SplitMix64, so the same seed gives
/// the same stream on every platform (docs/training-engine.md: "all seeded, reproducible").
public struct RandomSource: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Seeds the four state words with successive SplitMix64 outputs of `seed`.
    public init(seed: UInt64) {
        var z = seed
        func splitMix() -> UInt64 {
            z &+= 0x9E37_79B9_7F4A_7C15
            var x = z
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            return x ^ (x >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// Next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform on [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Standard normal by the Box–Muller transform `√(−2 ln u₁) cos(2π u₂)`.
    public mutating func normal() -> Double {
        let u1 = 1 - uniform()   // (0, 1]
        let u2 = uniform()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// A uniformly random permutation of `0..<count` (Fisher–Yates).
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        var i = count - 1
        while i > 0 {
            let j = Int(next() % UInt64(i + 1))
            order.swapAt(i, j)
            i -= 1
        }
        return order
    }
}

@inline(__always) private func _log(_ x: Double) -> Double { Foundation.log(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { Foundation.cos(x) }
