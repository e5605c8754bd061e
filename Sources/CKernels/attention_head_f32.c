// The per-head products of causal self-attention for head size 8, register-blocked, one variant
// per path (ratecalc_kernels.h: rc_attention_head_forward_f32_on / rc_attention_head_backward_f32_on).
#include "ratecalc_kernels.h"

#include "exp_vector.h"

#include <math.h>
#include <stdint.h>

#define RC_CAT2(a, b) a##_##b
#define RC_CAT(a, b) RC_CAT2(a, b)
#define RC_PADDED_MAX RC_ATTENTION_MAX_LENGTH

// One row of a head (e = 8 floats), loadable from any float address.
typedef float rc_row __attribute__((vector_size(32), aligned(4)));
typedef float rc_f4 __attribute__((vector_size(16), aligned(4)));
typedef float rc_f8 __attribute__((vector_size(32), aligned(4)));
typedef int32_t rc_i8 __attribute__((vector_size(32), aligned(4)));
typedef float rc_f16 __attribute__((vector_size(64), aligned(4)));
typedef int32_t rc_i16 __attribute__((vector_size(64), aligned(4)));

// Baseline: 8-lane blocks in plain C vectors (SSE2 pairs), libm expf per lane, no FMA.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wpsabi"
__attribute__((always_inline)) static inline rc_f8 exp_lanes_baseline(rc_f8 x) {
    for (int i = 0; i < 8; i++) x[i] = expf(x[i]);
    return x;
}
#pragma clang diagnostic pop
#define RC_ATTR
#define RC_W 8
#define RC_BLK rc_f8
#define RC_BLKI rc_i8
#define RC_IOTA ((rc_i8){0, 1, 2, 3, 4, 5, 6, 7})
#define RC_SUFFIX baseline
#define RC_EXP_BLOCK(x) exp_lanes_baseline(x)
// The 32-byte vectors pass between static functions of this file only, so the ABI note that
// SSE2 code passes them differently from AVX code concerns no caller.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wpsabi"
#include "attention_head_body.h"
#pragma clang diagnostic pop

#if RC_X86
// AVX2 + FMA: 8-lane blocks, the vector exp of exp_vector.h.
#define RC_ATTR __attribute__((target("avx2,fma")))
#define RC_W 8
#define RC_BLK rc_f8
#define RC_BLKI rc_i8
#define RC_IOTA ((rc_i8){0, 1, 2, 3, 4, 5, 6, 7})
#define RC_SUFFIX avx2
#define RC_EXP_BLOCK(x) ((rc_f8)exp8((__m256)(x)))
#include "attention_head_body.h"

// AVX-512F: 16-lane score blocks, the same exp polynomial 16 lanes wide.
#define RC_ATTR __attribute__((target("avx512f")))
#define RC_W 16
#define RC_BLK rc_f16
#define RC_BLKI rc_i16
#define RC_IOTA ((rc_i16){0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
#define RC_SUFFIX avx512
#define RC_EXP_BLOCK(x) ((rc_f16)exp16((__m512)(x)))
#include "attention_head_body.h"
#endif

int rc_attention_head_supported(size_t head_size, size_t length) {
    return head_size == RC_ATTENTION_HEAD_SIZE && length >= 1 && length <= RC_ATTENTION_MAX_LENGTH;
}

void rc_attention_head_forward_f32_on(rc_kernel_path path, const float *q, const float *k, const float *v, size_t ld,
                                      size_t length, size_t window, float scale, float *probabilities, float *context,
                                      size_t context_ld) {
    if (window < 1 || window > length) window = length;
#if RC_X86
    if (path == RC_KERNELS_AVX512) { head_forward_avx512(q, k, v, ld, length, window, scale, probabilities, context, context_ld); return; }
    if (path == RC_KERNELS_AVX2) { head_forward_avx2(q, k, v, ld, length, window, scale, probabilities, context, context_ld); return; }
#endif
    (void)path;
    head_forward_baseline(q, k, v, ld, length, window, scale, probabilities, context, context_ld);
}

void rc_attention_head_backward_f32_on(rc_kernel_path path, const float *q, const float *k, const float *v, size_t ld,
                                       size_t length, float scale, const float *probabilities, const float *d_context,
                                       size_t context_ld, float *dq, float *dk, float *dv) {
#if RC_X86
    if (path == RC_KERNELS_AVX512) { head_backward_avx512(q, k, v, ld, length, scale, probabilities, d_context, context_ld, dq, dk, dv); return; }
    if (path == RC_KERNELS_AVX2) { head_backward_avx2(q, k, v, ld, length, scale, probabilities, d_context, context_ld, dq, dk, dv); return; }
#endif
    (void)path;
    head_backward_baseline(q, k, v, ld, length, scale, probabilities, d_context, context_ld, dq, dk, dv);
}
