import CKernels

/// Affine map applied to every row: `y = x·W + b` with `W` stored `[inputs][outputs]`
/// row-major and `b` of length `outputs` (the transpose of PyTorch's `nn.Linear.weight`).
/// All rows (batch × positions) go through one BLAS `gemm`.
struct LinearLayer {
    let inputs: Int
    let outputs: Int
    let weight: Int
    let bias: Int

    init(_ name: String, inputs: Int, outputs: Int, layout: inout ParameterLayout) {
        self.inputs = inputs
        self.outputs = outputs
        weight = layout.reserve(name + ".weight", [inputs, outputs])
        bias = layout.reserve(name + ".bias", [outputs])
    }

    /// PyTorch's default: `W, b ~ U(−1/√inputs, 1/√inputs)`.
    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        let bound = 1 / Double(inputs).squareRoot()
        for i in 0..<(inputs * outputs) { values[weight + i] = T((2 * random.uniform() - 1) * bound) }
        for i in 0..<outputs { values[bias + i] = T((2 * random.uniform() - 1) * bound) }
    }

    /// Xavier-uniform weight and zero bias (PyTorch's `MultiheadAttention.in_proj`).
    func initializeXavier<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        let bound = (6 / Double(inputs + outputs)).squareRoot()
        for i in 0..<(inputs * outputs) { values[weight + i] = T((2 * random.uniform() - 1) * bound) }
        for i in 0..<outputs { values[bias + i] = 0 }
    }

    // x: [rows, inputs] -> y: [rows, outputs]   (y = xW + b, or y = residual + xW + b when given a
    // residual [rows, outputs], which must not overlap y)
    func forward<T: EngineScalar>(_ x: UnsafePointer<T>, rows: Int, into y: UnsafeMutablePointer<T>,
                                  residual: UnsafePointer<T>? = nil, _ p: ParameterBuffers<T>) {
        let b = UnsafePointer(p.values + bias)
        if T.self == Float.self {
            rc_bias_rows_f32_on(KernelPath.current.cValue, float(b), residual.map { float($0) }, float(y), rows, outputs)
        } else {
            for r in 0..<rows {
                let row = y + r * outputs
                if let residual { for j in 0..<outputs { row[j] = residual[r * outputs + j] + b[j] } } else { for j in 0..<outputs { row[j] = b[j] } }
            }
        }
        T.gemm(transposeA: false, transposeB: false, m: rows, n: outputs, k: inputs,
               alpha: 1, a: x, lda: inputs, b: p.values + weight, ldb: outputs, beta: 1, c: y, ldc: outputs)
    }

    // dy: [rows, outputs], x: [rows, inputs] -> dW += xᵀdy, db += Σ_rows dy, dx (=|+=) dy·Wᵀ
    func backward<T: EngineScalar>(_ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, rows: Int,
                                   inputGradient dx: UnsafeMutablePointer<T>?, accumulate: Bool = false,
                                   _ p: ParameterBuffers<T>) {
        T.gemm(transposeA: true, transposeB: false, m: inputs, n: outputs, k: rows,
               alpha: 1, a: x, lda: inputs, b: dy, ldb: outputs, beta: 1, c: p.gradients + weight, ldc: outputs)
        let db = p.gradients + bias
        if T.self == Float.self {
            rc_bias_gradient_f32_on(KernelPath.current.cValue, float(dy), float(db), rows, outputs)
        } else {
            for r in 0..<rows {
                let row = dy + r * outputs
                for j in 0..<outputs { db[j] += row[j] }
            }
        }
        if let dx {
            T.gemm(transposeA: false, transposeB: true, m: rows, n: inputs, k: outputs,
                   alpha: 1, a: dy, lda: outputs, b: p.values + weight, ldb: outputs,
                   beta: accumulate ? 1 : 0, c: dx, ldc: inputs)
        }
    }
}
