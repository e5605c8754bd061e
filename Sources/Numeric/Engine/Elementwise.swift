import CKernels

/// Small loops over contiguous buffers used by several layers.
enum Elementwise {
    /// `y[i] = x[i]`.
    @inline(__always)
    static func copy<T: EngineScalar>(_ x: UnsafePointer<T>, to y: UnsafeMutablePointer<T>, count: Int) {
        y.update(from: x, count: count)
    }
    /// `y[i] += x[i]`, 16 lanes at a time (each element is still one addition, so the result is
    /// the scalar loop's); `x` and `y` must not overlap.
    @inline(__always)
    static func add<T: EngineScalar>(_ x: UnsafePointer<T>, to y: UnsafeMutablePointer<T>, count: Int) {
        typealias Lanes = SIMD16<T>
        var i = 0
        while i + Lanes.scalarCount <= count {
            let sum = UnsafeRawPointer(y + i).loadUnaligned(as: Lanes.self) + UnsafeRawPointer(x + i).loadUnaligned(as: Lanes.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: sum, as: Lanes.self)
            i += Lanes.scalarCount
        }
        while i < count {
            y[i] += x[i]
            i += 1
        }
    }
    /// `y[i] = 0`.
    @inline(__always)
    static func zero<T: EngineScalar>(_ y: UnsafeMutablePointer<T>, count: Int) {
        y.update(repeating: 0, count: count)
    }
}

/// ReLU, `y = max(0, x)`, and its backward `dx = dy · 1[x > 0]` (docs/training-engine.md token-wise FNN).
/// Float runs the C kernels (`rc_relu_f32_on` …) on the path chosen at start-up; they do the loops'
/// operations element for element, so every path gives these loops' bits. Double runs the loops.
enum ReLU {
    // x: [n] -> y: [n]
    static func forward<T: EngineScalar>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, count: Int) {
        if T.self == Float.self { return rc_relu_f32_on(KernelPath.current.cValue, float(x), float(y), count) }
        for i in 0..<count { y[i] = x[i] > 0 ? x[i] : 0 }
    }
    // dy: [n], x: [n] -> dx: [n] (dx may alias dy), and copy = dy when given (must not overlap dy or dx)
    static func backward<T: EngineScalar>(_ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>,
                                          count: Int, copyingGradientTo copy: UnsafeMutablePointer<T>? = nil) {
        if T.self == Float.self {
            return rc_relu_backward_f32_on(KernelPath.current.cValue, float(x), float(dy), float(dx), copy.map { float($0) }, count)
        }
        if let copy { copy.update(from: dy, count: count) }
        // Written as a product with a 0/1 mask so the loop vectorises (no data-dependent branch).
        for i in 0..<count {
            let keep: T = x[i] > 0 ? 1 : 0
            dx[i] = dy[i] * keep
        }
    }
    // h: [n], pre: [n] -> out = h + ReLU(pre): [n]
    static func residualForward<T: EngineScalar>(_ h: UnsafePointer<T>, _ pre: UnsafePointer<T>,
                                                 into out: UnsafeMutablePointer<T>, count: Int) {
        if T.self == Float.self { return rc_relu_residual_f32_on(KernelPath.current.cValue, float(h), float(pre), float(out), count) }
        for i in 0..<count { out[i] = h[i] + (pre[i] > 0 ? pre[i] : 0) }
    }
}
