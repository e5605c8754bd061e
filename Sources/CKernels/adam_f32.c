// Adam's update, fused into one pass over the parameters (ratecalc_kernels.h).
#include "ratecalc_kernels.h"

#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define RC_X86 1
#endif

// The scalar loop, operation for operation as the Swift engine wrote it (no FMA on this target).
static void adam_baseline(float *theta, float *m, float *v, const float *g, size_t n, float b1, float b2,
                          float c1, float c2, float rate, float eps) {
    for (size_t i = 0; i < n; i++) {
        float gi = g[i];
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        float mHat = m[i] / c1, vHat = v[i] / c2;
        theta[i] -= rate * mHat / (sqrtf(vHat) + eps);
    }
}

#if RC_X86
__attribute__((target("avx2,fma")))
static void adam_avx2(float *theta, float *m, float *v, const float *g, size_t n, float b1, float b2,
                      float c1, float c2, float rate, float eps) {
    const __m256 B1 = _mm256_set1_ps(b1), B2 = _mm256_set1_ps(b2), A1 = _mm256_set1_ps(1 - b1), A2 = _mm256_set1_ps(1 - b2);
    const __m256 C1 = _mm256_set1_ps(c1), C2 = _mm256_set1_ps(c2), R = _mm256_set1_ps(rate), E = _mm256_set1_ps(eps);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 gi = _mm256_loadu_ps(g + i);
        __m256 mi = _mm256_fmadd_ps(B1, _mm256_loadu_ps(m + i), _mm256_mul_ps(A1, gi));
        __m256 vi = _mm256_fmadd_ps(B2, _mm256_loadu_ps(v + i), _mm256_mul_ps(_mm256_mul_ps(A2, gi), gi));
        _mm256_storeu_ps(m + i, mi);
        _mm256_storeu_ps(v + i, vi);
        __m256 step = _mm256_div_ps(_mm256_mul_ps(R, _mm256_div_ps(mi, C1)),
                                    _mm256_add_ps(_mm256_sqrt_ps(_mm256_div_ps(vi, C2)), E));
        _mm256_storeu_ps(theta + i, _mm256_sub_ps(_mm256_loadu_ps(theta + i), step));
    }
    for (; i < n; i++) {
        float gi = g[i];
        float mi = fmaf(b1, m[i], (1 - b1) * gi), vi = fmaf(b2, v[i], ((1 - b2) * gi) * gi);
        m[i] = mi; v[i] = vi;
        theta[i] -= (rate * (mi / c1)) / (sqrtf(vi / c2) + eps);
    }
}

__attribute__((target("avx512f")))
static void adam_avx512(float *theta, float *m, float *v, const float *g, size_t n, float b1, float b2,
                        float c1, float c2, float rate, float eps) {
    const __m512 B1 = _mm512_set1_ps(b1), B2 = _mm512_set1_ps(b2), A1 = _mm512_set1_ps(1 - b1), A2 = _mm512_set1_ps(1 - b2);
    const __m512 C1 = _mm512_set1_ps(c1), C2 = _mm512_set1_ps(c2), R = _mm512_set1_ps(rate), E = _mm512_set1_ps(eps);
    size_t i = 0;
    while (i < n) {
        __mmask16 lanes = n - i >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (n - i)) - 1);
        __m512 gi = _mm512_maskz_loadu_ps(lanes, g + i);
        __m512 mi = _mm512_fmadd_ps(B1, _mm512_maskz_loadu_ps(lanes, m + i), _mm512_mul_ps(A1, gi));
        __m512 vi = _mm512_fmadd_ps(B2, _mm512_maskz_loadu_ps(lanes, v + i), _mm512_mul_ps(_mm512_mul_ps(A2, gi), gi));
        _mm512_mask_storeu_ps(m + i, lanes, mi);
        _mm512_mask_storeu_ps(v + i, lanes, vi);
        __m512 step = _mm512_div_ps(_mm512_mul_ps(R, _mm512_div_ps(mi, C1)),
                                    _mm512_add_ps(_mm512_sqrt_ps(_mm512_div_ps(vi, C2)), E));
        _mm512_mask_storeu_ps(theta + i, lanes, _mm512_sub_ps(_mm512_maskz_loadu_ps(lanes, theta + i), step));
        i += 16;
    }
}
#endif

void rc_adam_f32_on(rc_kernel_path path, float *theta, float *m, float *v, const float *g, size_t n,
                    float beta1, float beta2, float correction1, float correction2, float rate, float epsilon) {
#if RC_X86
    if (path == RC_KERNELS_AVX512) { adam_avx512(theta, m, v, g, n, beta1, beta2, correction1, correction2, rate, epsilon); return; }
    if (path == RC_KERNELS_AVX2) { adam_avx2(theta, m, v, g, n, beta1, beta2, correction1, correction2, rate, epsilon); return; }
#endif
    (void)path;
    adam_baseline(theta, m, v, g, n, beta1, beta2, correction1, correction2, rate, epsilon);
}

void rc_adam_f32(float *theta, float *m, float *v, const float *g, size_t n,
                 float beta1, float beta2, float correction1, float correction2, float rate, float epsilon) {
    rc_adam_f32_on(rc_kernels_path(), theta, m, v, g, n, beta1, beta2, correction1, correction2, rate, epsilon);
}
