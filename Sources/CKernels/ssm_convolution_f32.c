// The causal SSM convolution of one sequence and its backward, one variant per path
// (ratecalc_kernels.h: rc_ssm_convolution_forward_f32_on / rc_ssm_convolution_backward_f32_on).
#include "ratecalc_kernels.h"

#include <stddef.h>

#define RC_CAT2(a, b) a##_##b
#define RC_CAT(a, b) RC_CAT2(a, b)

typedef float rc_f4 __attribute__((vector_size(16), aligned(4)));
typedef float rc_f8 __attribute__((vector_size(32), aligned(4)));
typedef float rc_f16 __attribute__((vector_size(64), aligned(4)));

// Baseline: the previous engine's operations in its order (a multiply, then an add, per term;
// no contraction into FMA on any target), 4 channels a vector (SSE2).
#pragma STDC FP_CONTRACT OFF
#define RC_ATTR
#define RC_W 4
#define RC_BLK rc_f4
#define RC_SUFFIX baseline
#include "ssm_convolution_body.h"
#pragma STDC FP_CONTRACT ON

#if defined(__x86_64__)
#define RC_X86 1
// AVX2 + FMA: 8 channels a vector, FMA.
#define RC_ATTR __attribute__((target("avx2,fma")))
#define RC_W 8
#define RC_BLK rc_f8
#define RC_SUFFIX avx2
#include "ssm_convolution_body.h"

// AVX-512F: 16 channels a vector, FMA.
#define RC_ATTR __attribute__((target("avx512f")))
#define RC_W 16
#define RC_BLK rc_f16
#define RC_SUFFIX avx512
#include "ssm_convolution_body.h"
#endif

// `window` is clamped to 1 … length here, so the bodies may rely on it.
static size_t rc_ssm_window(size_t window, size_t length) {
    return window < 1 ? 1 : (window > length ? length : window);
}

void rc_ssm_convolution_forward_f32_on(rc_kernel_path path, const float *kernel, const float *u, float *y,
                                       size_t length, size_t window, size_t channels) {
    window = rc_ssm_window(window, length);
#if RC_X86
    if (path == RC_KERNELS_AVX512) { ssm_forward_avx512(kernel, u, y, length, window, channels); return; }
    if (path == RC_KERNELS_AVX2) { ssm_forward_avx2(kernel, u, y, length, window, channels); return; }
#endif
    (void)path;
    ssm_forward_baseline(kernel, u, y, length, window, channels);
}

void rc_ssm_convolution_backward_f32_on(rc_kernel_path path, const float *kernel, const float *u, const float *dy,
                                        float *du, float *d_kernel, size_t length, size_t window, size_t channels) {
    window = rc_ssm_window(window, length);
#if RC_X86
    if (path == RC_KERNELS_AVX512) { ssm_backward_avx512(kernel, u, dy, du, d_kernel, length, window, channels); return; }
    if (path == RC_KERNELS_AVX2) { ssm_backward_avx2(kernel, u, dy, du, d_kernel, length, window, channels); return; }
#endif
    (void)path;
    ssm_backward_baseline(kernel, u, dy, du, d_kernel, length, window, channels);
}
