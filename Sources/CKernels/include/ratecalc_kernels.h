// Hot loops of the training engine in C, one variant per instruction set, chosen once at start-up
// (docs/training-engine.md, "Kernels and their paths"). No compiler flags are needed: the vector
// variants carry __attribute__((target(...))), so the package stays usable as a dependency.
#ifndef RATECALC_KERNELS_H
#define RATECALC_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The kernel paths: plain C (the previous engine's arithmetic: libm `expf`, scalar Adam),
/// AVX2 with FMA (8 lanes), AVX-512F (16 lanes).
typedef enum {
    RC_KERNELS_BASELINE = 0,
    RC_KERNELS_AVX2 = 1,
    RC_KERNELS_AVX512 = 2,
} rc_kernel_path;

/// Whether this CPU (and its operating system) runs `path`.
int rc_kernels_supported(rc_kernel_path path);

/// The path every dispatched kernel uses, chosen once: the environment variable RATECALC_KERNELS
/// (`baseline`, `avx2`, `avx512`) when it names a path this CPU supports, else the widest supported.
rc_kernel_path rc_kernels_path(void);

/// Whether RATECALC_KERNELS was set and could not be honoured (unknown name or unsupported path):
/// 0 when unset or honoured, 1 otherwise (the path is then the widest supported).
int rc_kernels_request_refused(void);

/// The path's name: "baseline", "avx2" or "avx512".
const char *rc_kernels_name(rc_kernel_path path);

/// y[i] = e^{x[i]} for i < n (x and y may be the same array), on the chosen path. Vector paths:
/// range reduction x = k·ln2 + r (ln2 in two parts), a degree-6 polynomial for e^r on
/// |r| ≤ ln2/2, scaling by 2^k through the exponent bits; for x in [-87.33654, 88.37626] the
/// result is within 1 ulp of libm's expf (measured by rc_exp_f32_max_ulp over every float in
/// [-87.33654, 88.37626]; the tests sweep the softmax's range x ≤ 0); below -87.33654 (e^x < 2^-126) it is 0, above 88.72284
/// +inf, NaN stays NaN. Baseline: libm expf.
void rc_exp_f32(const float *x, float *y, size_t n);

/// rc_exp_f32 on an explicit path (which must be supported).
void rc_exp_f32_on(rc_kernel_path path, const float *x, float *y, size_t n);

/// The largest distance in ulps between rc_exp_f32_on(path) and libm's expf over every float
/// whose bit pattern lies in [first_bits, last_bits] (one sign: all negative or all positive).
uint32_t rc_exp_f32_max_ulp(rc_kernel_path path, uint32_t first_bits, uint32_t last_bits);

/// One Adam step over n parameters, on the chosen path:
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·(m/c₁)/(√(v/c₂) + ε),
/// c₁ = 1−β₁ᵗ and c₂ = 1−β₂ᵗ the bias corrections. Baseline: the scalar loop, operation for
/// operation; vector paths: the same operations per lane (with FMA contraction on AVX2/AVX-512).
void rc_adam_f32(float *theta, float *m, float *v, const float *g, size_t n,
                 float beta1, float beta2, float correction1, float correction2, float rate, float epsilon);

/// rc_adam_f32 on an explicit path (which must be supported).
void rc_adam_f32_on(rc_kernel_path path, float *theta, float *m, float *v, const float *g, size_t n,
                    float beta1, float beta2, float correction1, float correction2, float rate, float epsilon);

#ifdef __cplusplus
}
#endif

#endif
