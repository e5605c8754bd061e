// The engine's elementwise passes (ReLU and its backward, bias rows and bias gradients, the CNN's
// window gather and scatter), one variant per path (ratecalc_kernels.h). Every variant does the
// scalar loop's operations element for element — a max as `x > 0 ? x : 0`, a product with a 0/1
// mask, additions in the scalar loop's order — so all paths give the same bits as each other and
// as the Swift loops they replace; the vector paths only do 8 or 16 elements at a time.
#include "ratecalc_kernels.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define RC_X86 1
#endif

// ---- baseline: the scalar loops ----

static void relu_baseline(const float *x, float *y, size_t n) {
    for (size_t i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : 0;
}

static void relu_backward_baseline(const float *x, const float *dy, float *dx, float *copy, size_t n) {
    for (size_t i = 0; i < n; i++) {
        float g = dy[i];
        if (copy) copy[i] = g;
        dx[i] = g * (x[i] > 0 ? 1.0f : 0.0f);
    }
}

static void relu_residual_baseline(const float *h, const float *pre, float *out, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = h[i] + (pre[i] > 0 ? pre[i] : 0);
}

static void bias_rows_baseline(const float *bias, const float *source, float *y, size_t rows, size_t cols) {
    for (size_t r = 0; r < rows; r++) {
        float *row = y + r * cols;
        if (source) {
            const float *s = source + r * cols;
            for (size_t c = 0; c < cols; c++) row[c] = s[c] + bias[c];
        } else {
            for (size_t c = 0; c < cols; c++) row[c] = bias[c];
        }
    }
}

static void bias_gradient_baseline(const float *dy, float *db, size_t rows, size_t cols) {
    for (size_t r = 0; r < rows; r++)
        for (size_t c = 0; c < cols; c++) db[c] += dy[r * cols + c];
}

#if RC_X86
// ---- AVX2: 8 lanes, scalar tails ----

__attribute__((target("avx2")))
static inline __m256 relu8(__m256 x) {
    return _mm256_and_ps(x, _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ));
}

__attribute__((target("avx2")))
static void relu_avx2(const float *x, float *y, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(y + i, relu8(_mm256_loadu_ps(x + i)));
    for (; i < n; i++) y[i] = x[i] > 0 ? x[i] : 0;
}

__attribute__((target("avx2")))
static void relu_backward_avx2(const float *x, const float *dy, float *dx, float *copy, size_t n) {
    const __m256 one = _mm256_set1_ps(1);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 g = _mm256_loadu_ps(dy + i);
        __m256 keep = _mm256_and_ps(one, _mm256_cmp_ps(_mm256_loadu_ps(x + i), _mm256_setzero_ps(), _CMP_GT_OQ));
        if (copy) _mm256_storeu_ps(copy + i, g);
        _mm256_storeu_ps(dx + i, _mm256_mul_ps(g, keep));
    }
    relu_backward_baseline(x + i, dy + i, dx + i, copy ? copy + i : NULL, n - i);
}

__attribute__((target("avx2")))
static void relu_residual_avx2(const float *h, const float *pre, float *out, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, _mm256_add_ps(_mm256_loadu_ps(h + i), relu8(_mm256_loadu_ps(pre + i))));
    relu_residual_baseline(h + i, pre + i, out + i, n - i);
}

__attribute__((target("avx2")))
static void bias_rows_avx2(const float *bias, const float *source, float *y, size_t rows, size_t cols) {
    for (size_t r = 0; r < rows; r++) {
        float *row = y + r * cols;
        const float *s = source ? source + r * cols : NULL;
        size_t c = 0;
        for (; c + 8 <= cols; c += 8) {
            __m256 b = _mm256_loadu_ps(bias + c);
            _mm256_storeu_ps(row + c, s ? _mm256_add_ps(_mm256_loadu_ps(s + c), b) : b);
        }
        for (; c < cols; c++) row[c] = s ? s[c] + bias[c] : bias[c];
    }
}

__attribute__((target("avx2")))
static void bias_gradient_avx2(const float *dy, float *db, size_t rows, size_t cols) {
    size_t c = 0;
    for (; c + 8 <= cols; c += 8) {
        __m256 acc = _mm256_loadu_ps(db + c);
        for (size_t r = 0; r < rows; r++) acc = _mm256_add_ps(acc, _mm256_loadu_ps(dy + r * cols + c));
        _mm256_storeu_ps(db + c, acc);
    }
    for (; c < cols; c++) {
        float acc = db[c];
        for (size_t r = 0; r < rows; r++) acc += dy[r * cols + c];
        db[c] = acc;
    }
}

// ---- AVX-512F: 16 lanes, masked tails ----

__attribute__((target("avx512f")))
static inline __mmask16 lanes16(size_t left) {
    return left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
}

__attribute__((target("avx512f")))
static inline __m512 relu16(__m512 x) {
    return _mm512_maskz_mov_ps(_mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_GT_OQ), x);
}

__attribute__((target("avx512f")))
static void relu_avx512(const float *x, float *y, size_t n) {
    for (size_t i = 0; i < n; i += 16) {
        __mmask16 m = lanes16(n - i);
        _mm512_mask_storeu_ps(y + i, m, relu16(_mm512_maskz_loadu_ps(m, x + i)));
    }
}

__attribute__((target("avx512f")))
static void relu_backward_avx512(const float *x, const float *dy, float *dx, float *copy, size_t n) {
    const __m512 one = _mm512_set1_ps(1);
    for (size_t i = 0; i < n; i += 16) {
        __mmask16 m = lanes16(n - i);
        __m512 g = _mm512_maskz_loadu_ps(m, dy + i);
        __mmask16 positive = _mm512_cmp_ps_mask(_mm512_maskz_loadu_ps(m, x + i), _mm512_setzero_ps(), _CMP_GT_OQ);
        if (copy) _mm512_mask_storeu_ps(copy + i, m, g);
        _mm512_mask_storeu_ps(dx + i, m, _mm512_mul_ps(g, _mm512_maskz_mov_ps(positive, one)));
    }
}

__attribute__((target("avx512f")))
static void relu_residual_avx512(const float *h, const float *pre, float *out, size_t n) {
    for (size_t i = 0; i < n; i += 16) {
        __mmask16 m = lanes16(n - i);
        __m512 sum = _mm512_add_ps(_mm512_maskz_loadu_ps(m, h + i), relu16(_mm512_maskz_loadu_ps(m, pre + i)));
        _mm512_mask_storeu_ps(out + i, m, sum);
    }
}

__attribute__((target("avx512f")))
static void bias_rows_avx512(const float *bias, const float *source, float *y, size_t rows, size_t cols) {
    for (size_t r = 0; r < rows; r++) {
        float *row = y + r * cols;
        const float *s = source ? source + r * cols : NULL;
        for (size_t c = 0; c < cols; c += 16) {
            __mmask16 m = lanes16(cols - c);
            __m512 b = _mm512_maskz_loadu_ps(m, bias + c);
            _mm512_mask_storeu_ps(row + c, m, s ? _mm512_add_ps(_mm512_maskz_loadu_ps(m, s + c), b) : b);
        }
    }
}

__attribute__((target("avx512f")))
static void bias_gradient_avx512(const float *dy, float *db, size_t rows, size_t cols) {
    for (size_t c = 0; c < cols; c += 16) {
        __mmask16 m = lanes16(cols - c);
        __m512 acc = _mm512_maskz_loadu_ps(m, db + c);
        for (size_t r = 0; r < rows; r++) acc = _mm512_add_ps(acc, _mm512_maskz_loadu_ps(m, dy + r * cols + c));
        _mm512_mask_storeu_ps(db + c, m, acc);
    }
}
#endif

// ---- dispatch ----

#if RC_X86
#define RC_DISPATCH(path, name, ...)                                               \
    do {                                                                            \
        if ((path) == RC_KERNELS_AVX512) { name##_avx512(__VA_ARGS__); return; }    \
        if ((path) == RC_KERNELS_AVX2) { name##_avx2(__VA_ARGS__); return; }        \
        name##_baseline(__VA_ARGS__);                                               \
    } while (0)
#else
#define RC_DISPATCH(path, name, ...) do { (void)(path); name##_baseline(__VA_ARGS__); } while (0)
#endif

void rc_relu_f32_on(rc_kernel_path path, const float *x, float *y, size_t n) {
    RC_DISPATCH(path, relu, x, y, n);
}

void rc_relu_backward_f32_on(rc_kernel_path path, const float *x, const float *dy, float *dx, float *dy_copy, size_t n) {
    RC_DISPATCH(path, relu_backward, x, dy, dx, dy_copy, n);
}

void rc_relu_residual_f32_on(rc_kernel_path path, const float *h, const float *pre, float *out, size_t n) {
    RC_DISPATCH(path, relu_residual, h, pre, out, n);
}

void rc_bias_rows_f32_on(rc_kernel_path path, const float *bias, const float *source, float *y, size_t rows, size_t cols) {
    RC_DISPATCH(path, bias_rows, bias, source, y, rows, cols);
}

void rc_bias_gradient_f32_on(rc_kernel_path path, const float *dy, float *db, size_t rows, size_t cols) {
    RC_DISPATCH(path, bias_gradient, dy, db, rows, cols);
}

// The window gather and scatter, one row of `width` floats per tap: a copy is a bias row without a
// source (y = h's row), an accumulation one with y as its own source (dh's row += dz's row); the
// rows before the sequence's start are zeroed (plain stores, the same on every path).
#define RC_WINDOWS_BODY(suffix, attr)                                                                        \
    attr static void gather_windows_##suffix(const float *h, float *z, size_t batch, size_t length, size_t width, \
                                        size_t taps, size_t dilation) {                                   \
        for (size_t b = 0; b < batch; b++)                                                                \
            for (size_t t = 0; t < length; t++) {                                                         \
                float *window = z + (b * length + t) * taps * width;                                      \
                for (size_t j = 0; j < taps; j++) {                                                       \
                    if (t >= j * dilation)                                                                \
                        bias_rows_##suffix(h + (b * length + t - j * dilation) * width, NULL, window + j * width, 1, width); \
                    else                                                                                  \
                        memset(window + j * width, 0, width * sizeof(float));                             \
                }                                                                                         \
            }                                                                                             \
    }                                                                                                     \
    attr static void scatter_windows_add_##suffix(const float *dz, float *dh, size_t batch, size_t length,     \
                                             size_t width, size_t taps, size_t dilation) {                \
        for (size_t b = 0; b < batch; b++)                                                                \
            for (size_t t = 0; t < length; t++) {                                                         \
                const float *window = dz + (b * length + t) * taps * width;                               \
                for (size_t j = 0; j < taps && t >= j * dilation; j++) {                                  \
                    float *row = dh + (b * length + t - j * dilation) * width;                            \
                    bias_rows_##suffix(window + j * width, row, row, 1, width);                           \
                }                                                                                         \
            }                                                                                             \
    }

RC_WINDOWS_BODY(baseline, )
#if RC_X86
RC_WINDOWS_BODY(avx2, __attribute__((target("avx2"))))
RC_WINDOWS_BODY(avx512, __attribute__((target("avx512f"))))
#endif

void rc_gather_windows_f32_on(rc_kernel_path path, const float *h, float *z, size_t batch, size_t length,
                              size_t width, size_t taps, size_t dilation) {
    RC_DISPATCH(path, gather_windows, h, z, batch, length, width, taps, dilation);
}

void rc_scatter_windows_add_f32_on(rc_kernel_path path, const float *dz, float *dh, size_t batch, size_t length,
                                   size_t width, size_t taps, size_t dilation) {
    RC_DISPATCH(path, scatter_windows_add, dz, dh, batch, length, width, taps, dilation);
}
