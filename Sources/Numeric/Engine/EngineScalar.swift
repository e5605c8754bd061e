import CBLAS
import CKernels
import Foundation

/// The floating-point types the training engine runs in: `Float` for training (docs/training-engine.md,
/// "Float32 with BLAS for networks") and `Double` for the finite-difference gradient checks.
///
/// Every matrix product goes through `gemm`, i.e. BLAS `?gemm` in row-major order:
/// `C ← α·op(A)·op(B) + β·C` with `op(A)` of shape m×k and `op(B)` of shape k×n.
protocol EngineScalar: BinaryFloatingPoint, SIMDScalar, Codable {
    /// Row-major `C ← α·op(A)·op(B) + β·C` (BLAS `sgemm`/`dgemm`).
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int,
        b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// `e^x`.
    static func exponential(_ x: Self) -> Self
    /// `x[i] ← e^{x[i]}` for `i < count`: Float on the kernel path chosen at start-up
    /// (`rc_exp_f32`, docs/training-engine.md "Kernels and their paths"), Double by `exponential`.
    static func exponentials(_ x: UnsafeMutablePointer<Self>, count: Int)
}

extension Float: EngineScalar {
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        LinearAlgebraThreads.ensureSingle()
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    static func exponential(_ x: Float) -> Float { Foundation.exp(x) }
    static func exponentials(_ x: UnsafeMutablePointer<Float>, count: Int) { rc_exp_f32(x, x, count) }
}

extension Double: EngineScalar {
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        LinearAlgebraThreads.ensureSingle()
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    static func exponential(_ x: Double) -> Double { Foundation.exp(x) }
    static func exponentials(_ x: UnsafeMutablePointer<Double>, count: Int) {
        for i in 0..<count { x[i] = Foundation.exp(x[i]) }
    }
}

/// Sets the number of OpenBLAS worker threads (the engine's matrix products). The engine and
/// the oracle never change it: they run OpenBLAS single-threaded (``LinearAlgebraThreads``) and
/// parallelise with their own thread teams. Changing it while another thread is inside a BLAS
/// call is unsafe in OpenBLAS.
public func setLinearAlgebraThreads(_ count: Int) {
    openblas_set_num_threads(Int32(max(1, count)))
}

/// OpenBLAS's own thread count, set to one once per process, before the first matrix product of
/// the engine or the oracle: both parallelise with their own thread teams (one product per team
/// thread), and OpenBLAS results can be corrupted when its thread count changes while another
/// thread is inside a BLAS call, which a save-and-restore around each oracle fit made possible
/// when fits (or tests) ran at once. The products' results do not depend on OpenBLAS's thread
/// count (it splits rows and columns, never the sums), so this changes no result.
enum LinearAlgebraThreads {
    /// Evaluated once (a global's lazy initialisation is thread-safe).
    private static let single: Void = { openblas_set_num_threads(1) }()

    /// Makes sure OpenBLAS is single-threaded; cheap after the first call.
    @inline(__always)
    static func ensureSingle() { _ = single }
}
