/// Learned positional encoding (docs/training-engine.md, "embedding + positional encoding"):
/// `h[b, t, :] += P[t, :]` with `P` of shape `[L, D]`, initialised `N(0, 0.02²)`.
struct PositionalEncoding {
    let length: Int
    let width: Int
    let table: Int

    init(_ name: String, length: Int, width: Int, layout: inout ParameterLayout) {
        self.length = length
        self.width = width
        table = layout.reserve(name, [length, width])
    }

    func initialize<T: EngineScalar>(_ values: UnsafeMutablePointer<T>, random: inout RandomSource) {
        for i in 0..<(length * width) { values[table + i] = T(0.02 * random.normal()) }
    }

    // h: [B, L, D] (in place)
    func forward<T: EngineScalar>(_ h: UnsafeMutablePointer<T>, batch: Int, _ p: ParameterBuffers<T>) {
        let plane = length * width
        for b in 0..<batch { Elementwise.add(p.values + table, to: h + b * plane, count: plane) }
    }

    // dh: [B, L, D] -> dP[t, :] += Σ_b dh[b, t, :]
    func backward<T: EngineScalar>(_ dh: UnsafePointer<T>, batch: Int, _ p: ParameterBuffers<T>) {
        let plane = length * width
        for b in 0..<batch { Elementwise.add(dh + b * plane, to: p.gradients + table, count: plane) }
    }
}
