import CKernels
import Foundation

/// Adam (Kingma & Ba 2015) with bias correction over the flat parameter vector:
/// `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`, `θ ← θ − η · (m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)`.
struct AdamOptimizer {
    let beta1: Double = 0.9
    let beta2: Double = 0.999
    let epsilon: Double = 1e-8
    private var firstMoment: [Float]
    private var secondMoment: [Float]
    private(set) var step = 0

    init(count: Int) {
        firstMoment = [Float](repeating: 0, count: count)
        secondMoment = [Float](repeating: 0, count: count)
    }

    /// One update of `parameters` with `gradients` at learning rate η.
    mutating func update(_ parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>,
                         learningRate: Double) {
        step += 1
        let b1 = Float(beta1), b2 = Float(beta2), eps = Float(epsilon)
        let correction1 = Float(1 - Foundation.pow(beta1, Double(step))), correction2 = Float(1 - Foundation.pow(beta2, Double(step)))
        let rate = Float(learningRate)
        // One fused pass on the kernel path chosen at start-up (`rc_adam_f32`): the baseline path is
        // this formula operation for operation; AVX2/AVX-512 the same per lane, with FMA.
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                rc_adam_f32(parameters.baseAddress, m.baseAddress, v.baseAddress, gradients.baseAddress, parameters.count,
                            b1, b2, correction1, correction2, rate, eps)
            }
        }
    }
}
