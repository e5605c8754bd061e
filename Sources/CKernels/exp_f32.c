// e^x over float arrays: libm on the baseline path, a vectorised polynomial on AVX2+FMA and
// AVX-512F (ratecalc_kernels.h gives the algorithm and its error bound).
#include "ratecalc_kernels.h"

#include "exp_vector.h"

#include <math.h>
#include <string.h>

static void exp_baseline(const float *x, float *y, size_t n) {
    for (size_t i = 0; i < n; i++) y[i] = expf(x[i]);
}

#if RC_X86
__attribute__((target("avx2,fma")))
static void exp_avx2(const float *x, float *y, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(y + i, exp8(_mm256_loadu_ps(x + i)));
    if (i < n) {
        float in[8] = {0}, out[8];
        memcpy(in, x + i, (n - i) * sizeof(float));
        _mm256_storeu_ps(out, exp8(_mm256_loadu_ps(in)));
        memcpy(y + i, out, (n - i) * sizeof(float));
    }
}

__attribute__((target("avx512f")))
static void exp_avx512(const float *x, float *y, size_t n) {
    size_t i = 0;
    for (; i + 16 <= n; i += 16) _mm512_storeu_ps(y + i, exp16(_mm512_loadu_ps(x + i)));
    if (i < n) {
        __mmask16 tail = (__mmask16)((1u << (n - i)) - 1);
        _mm512_mask_storeu_ps(y + i, tail, exp16(_mm512_maskz_loadu_ps(tail, x + i)));
    }
}
#endif

void rc_exp_f32_on(rc_kernel_path path, const float *x, float *y, size_t n) {
#if RC_X86
    if (path == RC_KERNELS_AVX512) { exp_avx512(x, y, n); return; }
    if (path == RC_KERNELS_AVX2) { exp_avx2(x, y, n); return; }
#endif
    (void)path;
    exp_baseline(x, y, n);
}

void rc_exp_f32(const float *x, float *y, size_t n) {
    rc_exp_f32_on(rc_kernels_path(), x, y, n);
}

uint32_t rc_exp_f32_max_ulp(rc_kernel_path path, uint32_t first_bits, uint32_t last_bits) {
    enum { batch = 4096 };
    float in[batch], out[batch];
    uint32_t worst = 0;
    uint64_t bits = first_bits;
    while (bits <= last_bits) {
        size_t count = 0;
        while (count < batch && bits <= last_bits) {
            uint32_t b = (uint32_t)bits++;
            memcpy(&in[count++], &b, sizeof b);
        }
        rc_exp_f32_on(path, in, out, count);
        for (size_t i = 0; i < count; i++) {
            float reference = expf(in[i]);
            int32_t a, b;
            memcpy(&a, &out[i], sizeof a);
            memcpy(&b, &reference, sizeof b);
            // Both are ≥ 0 (or the same NaN/inf), so their bit patterns order like their values.
            uint32_t distance = (uint32_t)(a > b ? a - b : b - a);
            if (distance > worst) worst = distance;
        }
    }
    return worst;
}
