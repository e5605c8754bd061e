import CKernels

/// The causal SSM convolution's sums for one sequence as C kernels
/// (`rc_ssm_convolution_forward_f32_on` / `rc_ssm_convolution_backward_f32_on`, docs/training-engine.md
/// "Kernels and their paths"), Float only: on `baseline` the Swift loops' arithmetic bit for bit,
/// on `avx2` / `avx512` the same sums in the same order with FMA over 8 / 16 channels. Other types
/// return `false` and the caller runs its Swift loops.
enum SSMConvolutionKernel {
    /// `y[t,k] = Σ_{j ≤ min(t, W−1)} kernel[j,k]·u[t−j,k]` for one sequence (`[L, D]` arrays, W = `lags`).
    @inline(__always)
    static func forward<T: EngineScalar>(on path: KernelPath?, kernel: UnsafePointer<T>, u: UnsafePointer<T>,
                                         into y: UnsafeMutablePointer<T>, length: Int, lags: Int, channels: Int) -> Bool {
        guard let path, T.self == Float.self else { return false }
        rc_ssm_convolution_forward_f32_on(path.cValue, float(kernel), float(u), float(y), length, lags, channels)
        return true
    }

    /// `du[s,k] = Σ_{j < min(L−s, W)} kernel[j,k]·dy[s+j,k]` (written) and `dK[j,k] += Σ_i dy[j+i,k]·u[i,k]`
    /// (accumulated, the lags j < W only) for one sequence.
    @inline(__always)
    static func backward<T: EngineScalar>(on path: KernelPath?, kernel: UnsafePointer<T>, u: UnsafePointer<T>,
                                          outputGradient dy: UnsafePointer<T>, inputGradient du: UnsafeMutablePointer<T>,
                                          kernelGradient dk: UnsafeMutablePointer<T>, length: Int, lags: Int, channels: Int) -> Bool {
        guard let path, T.self == Float.self else { return false }
        rc_ssm_convolution_backward_f32_on(path.cValue, float(kernel), float(u), float(dy), float(du), float(dk),
                                           length, lags, channels)
        return true
    }
}
