import CKernels

/// The instruction-set path of the engine's C kernels (`Sources/CKernels`: softmax's `exp`, Adam's
/// update, the per-head attention products, the SSM convolution), chosen once per process from
/// CPUID; `RATECALC_KERNELS=baseline|avx2|avx512` forces one the CPU supports
/// (docs/training-engine.md, "Kernels and their paths"). Training results are reproducible from a
/// seed with the same binary on the same path; the baseline path is plain C (the previous engine's
/// arithmetic except the attention heads' sums).
public enum KernelPath: String, Sendable, CaseIterable {
    /// Plain C without FMA: libm `expf`, the scalar Adam loop, the attention heads' sums in 8-lane
    /// blocks, the convolution's sums in the previous engine's order.
    case baseline
    /// AVX2 with FMA, 8 lanes.
    case avx2
    /// AVX-512F, 16 lanes.
    case avx512

    /// The environment variable that forces a path.
    public static let environmentVariable = "RATECALC_KERNELS"

    /// The path this process's kernels run on.
    public static var current: KernelPath { KernelPath(rc_kernels_path()) }

    /// Whether `RATECALC_KERNELS` was set to a name that is not a path or to a path this CPU lacks
    /// (the kernels then run on the widest supported path).
    public static var requestRefused: Bool { rc_kernels_request_refused() != 0 }

    /// The paths this CPU runs, baseline first.
    public static var supported: [KernelPath] { allCases.filter { rc_kernels_supported($0.cValue) != 0 } }

    /// The C enumeration value.
    var cValue: rc_kernel_path {
        switch self {
        case .baseline: RC_KERNELS_BASELINE
        case .avx2: RC_KERNELS_AVX2
        case .avx512: RC_KERNELS_AVX512
        }
    }

    init(_ path: rc_kernel_path) {
        switch path {
        case RC_KERNELS_AVX2: self = .avx2
        case RC_KERNELS_AVX512: self = .avx512
        default: self = .baseline
        }
    }

    /// What a report records: the path's name, with `(RATECALC_KERNELS refused)` when a forced
    /// path could not be honoured.
    public static var recorded: String {
        current.rawValue + (requestRefused ? " (\(environmentVariable) refused)" : "")
    }
}
