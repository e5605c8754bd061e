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
