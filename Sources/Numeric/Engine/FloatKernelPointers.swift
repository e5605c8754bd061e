/// A generic engine buffer seen as the `Float` buffer it is, for the C kernels; callers check
/// `T.self == Float.self` first (`AttentionHeadKernel`, `SSMConvolutionKernel`).
@inline(__always)
func float<T>(_ pointer: UnsafePointer<T>) -> UnsafePointer<Float> {
    UnsafeRawPointer(pointer).assumingMemoryBound(to: Float.self)
}

/// The mutable form of `float(_:)`.
@inline(__always)
func float<T>(_ pointer: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<Float> {
    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Float.self)
}
