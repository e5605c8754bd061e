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
enum ReLU {
    // x: [n] -> y: [n]
    static func forward<T: EngineScalar>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, count: Int) {
        for i in 0..<count { y[i] = x[i] > 0 ? x[i] : 0 }
    }
    // dy: [n], x: [n] -> dx: [n]   (dx may alias dy)
    static func backward<T: EngineScalar>(_ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>, count: Int) {
        // Written as a product with a 0/1 mask so the loop vectorises (no data-dependent branch).
        for i in 0..<count {
            let keep: T = x[i] > 0 ? 1 : 0
            dx[i] = dy[i] * keep
        }
    }
}
