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

/// The head size the attention kernels are written for (8 floats: one AVX2 register a row).
#define RC_ATTENTION_HEAD_SIZE 8
/// The longest sequence the attention kernels take (their scratch lives on the stack).
#define RC_ATTENTION_MAX_LENGTH 64

/// Whether the attention kernels take a head of `head_size` over sequences of `length`:
/// head_size = 8 and 1 ≤ length ≤ 64 (other shapes go through the engine's sgemm path).
int rc_attention_head_supported(size_t head_size, size_t length);

/// One (sequence, head) of causal softmax attention with window W = `window`, forward, on `path`:
/// Q, K, V are `length` rows of 8 floats with row stride `ld`; writes P (length × length,
/// row-major, 0 outside t−W < s ≤ t): P[t,s] = e^{S[t,s] − max_s' S[t,s']} / Σ_{t−W < s' ≤ t} e^{…}
/// with S[t,s] = scale · Σ_c Q[t,c]·K[s,c], and O_t = Σ_{s ≤ t} P[t,s]·V_s (row stride
/// `context_ld`). W ≥ length (or 0) is the whole causal row, with the same bits as before windows
/// existed (the mask then leaves every key of s ≤ t in place). Scores are computed in blocks of 8 (baseline, avx2) or 16 (avx512) keys, the
/// exp is libm's on baseline and the vector exp (rc_exp_f32) otherwise; every sum has a fixed
/// order (the softmax's: blocks in order, then lanes in order; O_t: s ascending), so the result
/// depends on the path alone, not on threads or on other heads. FMA contraction on the vector paths.
void rc_attention_head_forward_f32_on(rc_kernel_path path, const float *q, const float *k, const float *v, size_t ld,
                                      size_t length, size_t window, float scale, float *probabilities, float *context,
                                      size_t context_ld);

/// The backward of rc_attention_head_forward_f32_on for the same (sequence, head) — any window: P
/// is 0 outside it, so dS is too —, given its P and
/// dO (row stride `context_ld`): dP = dO Vᵀ, dS = P ⊙ (dP − Σ_s P⊙dP)·scale row by row,
/// dQ = dS K, dK = dSᵀ Q, dV = Pᵀ dO, written (not accumulated) as rows of 8 with stride `ld`.
/// dQ_t sums over s ascending, dK_s and dV_s over t ascending; fixed orders as in the forward.
void rc_attention_head_backward_f32_on(rc_kernel_path path, const float *q, const float *k, const float *v, size_t ld,
                                       size_t length, float scale, const float *probabilities, const float *d_context,
                                       size_t context_ld, float *dq, float *dk, float *dv);

/// The causal SSM convolution of one sequence on `path` over the window of the lags 0 … W−1
/// (`window` W, clamped to 1 … length; W = length is the whole past), row-major [length, channels]
/// arrays: y[t,k] = Σ_{j=0}^{min(t, W−1)} kernel[j,k]·u[t−j,k]. One sum per output with its terms
/// in increasing j, four output rows at once: on baseline a multiply and an add per term (the
/// previous engine's arithmetic, bit for bit); on avx2 / avx512 (8 / 16 channels a vector) one FMA per term.
void rc_ssm_convolution_forward_f32_on(rc_kernel_path path, const float *kernel, const float *u, float *y,
                                       size_t length, size_t window, size_t channels);

/// Its backward for one sequence: du[s,k] = Σ_{j=0}^{min(L−1−s, W−1)} kernel[j,k]·dy[s+j,k] (written)
/// and d_kernel[j,k] += Σ_{i=0}^{L−1−j} dy[j+i,k]·u[i,k] (accumulated) for j < W only, in the
/// forward's orders; the rows j ≥ W of d_kernel are not touched.
void rc_ssm_convolution_backward_f32_on(rc_kernel_path path, const float *kernel, const float *u, const float *dy,
                                        float *du, float *d_kernel, size_t length, size_t window, size_t channels);

/// The engine's elementwise passes on `path`. Each does the scalar loop's operations element for
/// element (a ReLU as `x > 0 ? x : 0`, its backward as a product with a 0/1 mask, additions in the
/// scalar loop's order), so every path gives the same bits: the vector paths only take 8 or 16
/// elements at a time.
///
/// y[i] = x[i] > 0 ? x[i] : 0 for i < n (x and y may be the same array).
void rc_relu_f32_on(rc_kernel_path path, const float *x, float *y, size_t n);

/// dx[i] = dy[i] · (x[i] > 0 ? 1 : 0), and dy_copy[i] = dy[i] when dy_copy is not NULL (the residual
/// path's gradient in the same pass); dx may be dy, dy_copy must not overlap them.
void rc_relu_backward_f32_on(rc_kernel_path path, const float *x, const float *dy, float *dx, float *dy_copy, size_t n);

/// out[i] = h[i] + (pre[i] > 0 ? pre[i] : 0): a residual ReLU layer's output in one pass.
void rc_relu_residual_f32_on(rc_kernel_path path, const float *h, const float *pre, float *out, size_t n);

/// Bias rows of an affine layer before its matrix product: y[r,c] = source[r,c] + bias[c] for
/// r < rows, c < cols, or y[r,c] = bias[c] when source is NULL (source may be y: then y += bias).
void rc_bias_rows_f32_on(rc_kernel_path path, const float *bias, const float *source, float *y, size_t rows, size_t cols);

/// A bias gradient: db[c] += Σ_{r < rows} dy[r,c], the rows added one after the other in order.
void rc_bias_gradient_f32_on(rc_kernel_path path, const float *dy, float *db, size_t rows, size_t cols);

/// The dilated causal convolution's gathered windows: z[b,t, j·width + c] = h[b, t − j·dilation, c],
/// 0 where t < j·dilation, for `batch` sequences of `length` rows of `width` floats and j < taps.
void rc_gather_windows_f32_on(rc_kernel_path path, const float *h, float *z, size_t batch, size_t length,
                              size_t width, size_t taps, size_t dilation);

/// Its transpose, accumulated: dh[b, t − j·dilation, c] += dz[b,t, j·width + c] for t ≥ j·dilation,
/// visiting t ascending, then j ascending (the order the sums of dh are formed in).
void rc_scatter_windows_add_f32_on(rc_kernel_path path, const float *dz, float *dh, size_t batch, size_t length,
                                   size_t width, size_t taps, size_t dilation);

#ifdef __cplusplus
}
#endif

#endif
