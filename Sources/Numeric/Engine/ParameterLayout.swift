/// One named parameter tensor inside the flat parameter vector: `values[offset ..< offset + count]`,
/// row-major with the given `shape` (see docs/model-format.md for every tensor of every model).
struct ParameterTensor: Codable, Equatable {
    var name: String
    var shape: [Int]
    var offset: Int
    var count: Int { shape.reduce(1, *) }
}

/// The flat parameter vector's table of contents. Layers reserve their tensors in the order
/// they are built; the optimiser, gradient clipping and the model file see one contiguous vector.
struct ParameterLayout {
    private(set) var tensors: [ParameterTensor] = []
    private(set) var count = 0

    /// Reserves a tensor of `shape` named `name` and returns its offset.
    mutating func reserve(_ name: String, _ shape: [Int]) -> Int {
        let tensor = ParameterTensor(name: name, shape: shape, offset: count)
        tensors.append(tensor)
        count += tensor.count
        return tensor.offset
    }
}

/// The parameter values and their gradients (same layout), as raw pointers for the layers.
struct ParameterBuffers<T: EngineScalar> {
    let values: UnsafeMutablePointer<T>
    let gradients: UnsafeMutablePointer<T>
}

/// Owns the buffers of a workspace: every allocation happens when the workspace is built,
/// none during forward or backward passes ("no allocation in the inner training loop").
final class Arena<T: EngineScalar> {
    private var blocks: [UnsafeMutablePointer<T>] = []

    /// A zero-filled buffer of `count` scalars that lives as long as the arena.
    func take(_ count: Int) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
        blocks.append(pointer)
        return pointer
    }

    deinit { for block in blocks { block.deallocate() } }
}
