@testable import Numeric

/// Finite-difference gradient checking in Float64 for the engine tests.
enum GradientCheck {
    /// Norm-wise relative error `‖a − b‖ / max(‖a‖, ‖b‖)` (0 when both vanish).
    static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        var difference = 0.0, normA = 0.0, normB = 0.0
        for i in a.indices {
            difference += (a[i] - b[i]) * (a[i] - b[i])
            normA += a[i] * a[i]
            normB += b[i] * b[i]
        }
        let scale = max(normA, normB).squareRoot()
        return scale == 0 ? 0 : difference.squareRoot() / scale
    }

    /// Central differences `(f(θ + h e_i) − f(θ − h e_i)) / 2h` over `range` of `values`.
    static func numericGradient(_ values: UnsafeMutablePointer<Double>, _ range: Range<Int>,
                                step: Double = 1e-5, loss: () -> Double) -> [Double] {
        range.map { i in
            let saved = values[i]
            values[i] = saved + step
            let plus = loss()
            values[i] = saved - step
            let minus = loss()
            values[i] = saved
            return (plus - minus) / (2 * step)
        }
    }

    /// Checks a layer `y = F(θ, x)` with the scalar loss `Σ_i w_i y_i` (w random normal):
    /// returns the relative error of every parameter tensor and (when `checkInput`) of `∂/∂x`.
    static func check(layout: ParameterLayout, inputCount: Int, outputCount: Int, seed: UInt64 = 1,
                      checkInput: Bool = true,
                      initialize: (UnsafeMutablePointer<Double>, inout RandomSource) -> Void,
                      forward: (ParameterBuffers<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Void,
                      backward: (ParameterBuffers<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>?) -> Void
    ) -> [String: Double] {
        let arena = Arena<Double>()
        let values = arena.take(layout.count), gradients = arena.take(layout.count)
        let x = arena.take(inputCount), y = arena.take(outputCount), w = arena.take(outputCount)
        let dx = arena.take(inputCount)
        var random = RandomSource(seed: seed)
        initialize(values, &random)
        for i in 0..<layout.count { values[i] += 0.1 * random.normal() }  // move away from special initial values
        for i in 0..<inputCount { x[i] = random.normal() }
        for i in 0..<outputCount { w[i] = random.normal() }
        let p = ParameterBuffers(values: values, gradients: gradients)
        forward(p, x, y)
        backward(p, x, w, checkInput ? dx : nil)
        let analyticInput = Array(UnsafeBufferPointer(start: dx, count: inputCount))
        func loss() -> Double {
            forward(p, x, y)
            var total = 0.0
            for i in 0..<outputCount { total += w[i] * y[i] }
            return total
        }
        var errors: [String: Double] = [:]
        for tensor in layout.tensors {
            let range = tensor.offset..<(tensor.offset + tensor.count)
            let numeric = numericGradient(values, range, loss: loss)
            errors[tensor.name] = relativeError(Array(UnsafeBufferPointer(start: gradients + tensor.offset, count: tensor.count)), numeric)
        }
        if checkInput {
            errors["input"] = relativeError(analyticInput, numericGradient(x, 0..<inputCount, loss: loss))
        }
        return errors
    }
}
