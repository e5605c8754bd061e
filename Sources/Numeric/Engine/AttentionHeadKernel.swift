import CKernels

/// The per-head products of causal self-attention as register-blocked C kernels
/// (`rc_attention_head_forward_f32_on` / `rc_attention_head_backward_f32_on`, docs/training-engine.md
/// "Kernels and their paths"): for Float, head size 8 and L ≤ 64 one call per (sequence, head)
/// does `S = QKᵀ/√e`, the causal softmax and `O = PV` (forward) or `dP = dO Vᵀ`, the softmax
/// backward, `dQ = dS K`, `dK = dSᵀQ`, `dV = PᵀdO` (backward). Other types and shapes return
/// `false` and the caller takes its `sgemm` path.
enum AttentionHeadKernel {
    /// Whether the kernels take a head of `headSize` over sequences of `length` (in Float).
    static func supports(headSize: Int, length: Int) -> Bool {
        rc_attention_head_supported(headSize, length) != 0
    }

    /// One (sequence, head) forward on `path` with attention window `window` (row t attends to
    /// t−W+1 … t; `length` for the whole causal past): `q`, `key`, `value` rows of `headSize` with stride
    /// `stride`; writes `probabilities` (L×L, 0 outside the window) and `context` (stride
    /// `contextStride`). Returns false, writing nothing, when the kernel does not apply.
    @inline(__always)
    static func forward<T: EngineScalar>(on path: KernelPath?, q: UnsafePointer<T>, key: UnsafePointer<T>,
                                         value: UnsafePointer<T>, stride: Int, headSize: Int, length: Int, window: Int,
                                         scale: T, probabilities: UnsafeMutablePointer<T>, context: UnsafeMutablePointer<T>,
                                         contextStride: Int) -> Bool {
        guard let path, T.self == Float.self, supports(headSize: headSize, length: length) else { return false }
        rc_attention_head_forward_f32_on(path.cValue, float(q), float(key), float(value), stride, length, window, Float(scale),
                                         float(probabilities), float(context), contextStride)
        return true
    }

    /// One (sequence, head) backward on `path`, given the forward's `probabilities` and the context
    /// gradient `contextGradient` (stride `contextStride`): writes `dq`, `dkey`, `dvalue` (stride
    /// `stride`). Returns false, writing nothing, when the kernel does not apply.
    @inline(__always)
    static func backward<T: EngineScalar>(on path: KernelPath?, q: UnsafePointer<T>, key: UnsafePointer<T>,
                                          value: UnsafePointer<T>, stride: Int, headSize: Int, length: Int, scale: T,
                                          probabilities: UnsafePointer<T>, contextGradient: UnsafePointer<T>,
                                          contextStride: Int, dq: UnsafeMutablePointer<T>, dkey: UnsafeMutablePointer<T>,
                                          dvalue: UnsafeMutablePointer<T>) -> Bool {
        guard let path, T.self == Float.self, supports(headSize: headSize, length: length) else { return false }
        rc_attention_head_backward_f32_on(path.cValue, float(q), float(key), float(value), stride, length, Float(scale),
                                          float(probabilities), float(contextGradient), contextStride,
                                          float(dq), float(dkey), float(dvalue))
        return true
    }
}
