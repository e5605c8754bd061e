// The vector e^x of the AVX2 and AVX-512 paths, shared by the kernels that exponentiate
// (exp_f32.c, attention_head_f32.c); algorithm and error bound in ratecalc_kernels.h (rc_exp_f32).
#ifndef RATECALC_EXP_VECTOR_H
#define RATECALC_EXP_VECTOR_H

#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define RC_X86 1
#endif

// The algorithm's constants (Cephes expf): ln 2 split in a part exact in float and the rest.
#define RC_LOG2E 1.44269504088896341f
#define RC_LN2_HI 0.693359375f
#define RC_LN2_LO -2.12194440e-4f
#define RC_EXP_LOW -87.33654f   /* ln(2^-126): below, e^x is not a normal float: 0 */
#define RC_EXP_HIGH 88.37626f   /* inputs are clamped here so 2^k stays finite... */
#define RC_EXP_OVERFLOW 88.72284f /* ...and above ln(FLT_MAX) the result is +inf */
#define RC_P0 1.9875691500e-4f
#define RC_P1 1.3981999507e-3f
#define RC_P2 8.3334519073e-3f
#define RC_P3 4.1665795894e-2f
#define RC_P4 1.6666665459e-1f
#define RC_P5 5.0000001201e-1f

#if RC_X86
__attribute__((target("avx2,fma")))
static inline __m256 exp8(__m256 x) {
    const __m256 low = _mm256_set1_ps(RC_EXP_LOW), overflow = _mm256_set1_ps(RC_EXP_OVERFLOW);
    __m256 nan = _mm256_cmp_ps(x, x, _CMP_UNORD_Q);
    __m256 under = _mm256_cmp_ps(x, low, _CMP_LT_OQ);
    __m256 over = _mm256_cmp_ps(x, overflow, _CMP_GT_OQ);
    __m256 c = _mm256_min_ps(_mm256_max_ps(x, low), _mm256_set1_ps(RC_EXP_HIGH));
    __m256 k = _mm256_round_ps(_mm256_mul_ps(c, _mm256_set1_ps(RC_LOG2E)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(k, _mm256_set1_ps(RC_LN2_HI), c);
    r = _mm256_fnmadd_ps(k, _mm256_set1_ps(RC_LN2_LO), r);
    __m256 p = _mm256_set1_ps(RC_P0);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(RC_P1));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(RC_P2));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(RC_P3));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(RC_P4));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(RC_P5));
    __m256 r2 = _mm256_mul_ps(r, r);
    __m256 e = _mm256_add_ps(_mm256_fmadd_ps(p, r2, r), _mm256_set1_ps(1.0f));
    __m256i bits = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(k), _mm256_set1_epi32(127)), 23);
    __m256 result = _mm256_mul_ps(e, _mm256_castsi256_ps(bits));
    result = _mm256_andnot_ps(under, result);
    result = _mm256_blendv_ps(result, _mm256_set1_ps(INFINITY), over);
    return _mm256_blendv_ps(result, x, nan);
}

__attribute__((target("avx512f")))
static inline __m512 exp16(__m512 x) {
    const __m512 low = _mm512_set1_ps(RC_EXP_LOW);
    __mmask16 nan = _mm512_cmp_ps_mask(x, x, _CMP_UNORD_Q);
    __mmask16 under = _mm512_cmp_ps_mask(x, low, _CMP_LT_OQ);
    __mmask16 over = _mm512_cmp_ps_mask(x, _mm512_set1_ps(RC_EXP_OVERFLOW), _CMP_GT_OQ);
    __m512 c = _mm512_min_ps(_mm512_max_ps(x, low), _mm512_set1_ps(RC_EXP_HIGH));
    __m512 k = _mm512_roundscale_ps(_mm512_mul_ps(c, _mm512_set1_ps(RC_LOG2E)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(k, _mm512_set1_ps(RC_LN2_HI), c);
    r = _mm512_fnmadd_ps(k, _mm512_set1_ps(RC_LN2_LO), r);
    __m512 p = _mm512_set1_ps(RC_P0);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(RC_P1));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(RC_P2));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(RC_P3));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(RC_P4));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(RC_P5));
    __m512 r2 = _mm512_mul_ps(r, r);
    __m512 e = _mm512_add_ps(_mm512_fmadd_ps(p, r2, r), _mm512_set1_ps(1.0f));
    __m512i bits = _mm512_slli_epi32(_mm512_add_epi32(_mm512_cvtps_epi32(k), _mm512_set1_epi32(127)), 23);
    __m512 result = _mm512_mul_ps(e, _mm512_castsi512_ps(bits));
    result = _mm512_maskz_mov_ps((__mmask16)~under, result);
    result = _mm512_mask_mov_ps(result, over, _mm512_set1_ps(INFINITY));
    return _mm512_mask_mov_ps(result, nan, x);
}

#endif

#endif
