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
        let correction1 = Float(1 - _power(beta1, step)), correction2 = Float(1 - _power(beta2, step))
        let rate = Float(learningRate)
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                for i in 0..<parameters.count {
                    let g = gradients[i]
                    m[i] = b1 * m[i] + (1 - b1) * g
                    v[i] = b2 * v[i] + (1 - b2) * g * g
                    let mHat = m[i] / correction1, vHat = v[i] / correction2
                    parameters[i] -= rate * mHat / (vHat.squareRoot() + eps)
                }
            }
        }
    }
}

import Foundation
@inline(__always) private func _power(_ base: Double, _ exponent: Int) -> Double { Foundation.pow(base, Double(exponent)) }

/// Learning rate at optimiser step `s` of `S` (docs/training-engine.md "learning-rate schedule"): linear warm-up
/// `η·(s+1)/W` for the first `W = ⌊warmupFraction·S⌋` steps, then cosine decay
/// `η·½(1 + cos(π (s−W)/(S−W)))`.
func scheduledLearningRate(step: Int, totalSteps: Int, warmupSteps: Int, base: Double) -> Double {
    if step < warmupSteps { return base * Double(step + 1) / Double(warmupSteps) }
    let span = max(1, totalSteps - warmupSteps)
    let progress = min(1, Double(step - warmupSteps) / Double(span))
    return base * 0.5 * (1 + Foundation.cos(Double.pi * progress))
}

/// Global-norm clipping: when `‖g‖₂ > c`, `g ← g · c/‖g‖₂`. Returns `‖g‖₂` before clipping.
@discardableResult
func clipGlobalNorm(_ gradients: UnsafeMutableBufferPointer<Float>, maximum: Double) -> Double {
    var sum: Double = 0
    for g in gradients { sum += Double(g) * Double(g) }
    let norm = sum.squareRoot()
    if norm > maximum {
        let scale = Float(maximum / norm)
        for i in 0..<gradients.count { gradients[i] *= scale }
    }
    return norm
}
