// One path's SSM-convolution kernels, included by ssm_convolution_f32.c once per path with
// RC_ATTR (the function attribute), RC_W (lanes), RC_BLK (a float vector of RC_W lanes) and
// RC_SUFFIX (the path's name) defined.

#define RC_FN(name) RC_CAT(name, RC_SUFFIX)

// For the `rows` ≤ 4 output rows r: out_r[k] (+)= Σ_{i < min(terms + r·delta, cap)} a_r[i·a_step + k] · b_r[i·b_step + k],
// a_r = a + r·a_row, b_r = b + r·b_row, out_r = out + r·channels, every k < channels. One sum per
// (row, channel) with its terms in increasing i — the previous engine's order — RC_W channels a
// vector and four rows at once (independent sums), the channels past the last vector one by one.
RC_ATTR static inline void RC_FN(lag_rows)(float *out, size_t rows, size_t channels, size_t terms, int delta, size_t cap,
                                           const float *a, ptrdiff_t a_row, ptrdiff_t a_step,
                                           const float *b, ptrdiff_t b_row, ptrdiff_t b_step, int accumulate) {
    size_t count[4];
    for (size_t r = 0; r < 4; r++) {
        size_t uncut = terms + (size_t)((ptrdiff_t)r * delta);
        count[r] = r < rows ? (uncut < cap ? uncut : cap) : 0;
    }
    size_t common = 0;
    if (rows == 4) {
        common = count[0];
        for (size_t r = 1; r < 4; r++) common = count[r] < common ? count[r] : common;
    }
    size_t k = 0;
    for (; k + RC_W <= channels; k += RC_W) {
        RC_BLK sum[4];
        for (size_t r = 0; r < 4; r++) sum[r] = accumulate && r < rows ? *(const RC_BLK *)(out + r * channels + k) : (RC_BLK){0};
        for (size_t i = 0; i < common; i++) {
            for (size_t r = 0; r < 4; r++)
                sum[r] = sum[r] + *(const RC_BLK *)(a + (ptrdiff_t)r * a_row + (ptrdiff_t)i * a_step + k)
                                * *(const RC_BLK *)(b + (ptrdiff_t)r * b_row + (ptrdiff_t)i * b_step + k);
        }
        for (size_t r = 0; r < rows; r++) {
            for (size_t i = common; i < count[r]; i++)
                sum[r] = sum[r] + *(const RC_BLK *)(a + (ptrdiff_t)r * a_row + (ptrdiff_t)i * a_step + k)
                                * *(const RC_BLK *)(b + (ptrdiff_t)r * b_row + (ptrdiff_t)i * b_step + k);
            *(RC_BLK *)(out + r * channels + k) = sum[r];
        }
    }
    for (; k < channels; k++) {
        for (size_t r = 0; r < rows; r++) {
            float sum = accumulate ? out[r * channels + k] : 0;
            for (size_t i = 0; i < count[r]; i++)
                sum = sum + a[(ptrdiff_t)r * a_row + (ptrdiff_t)i * a_step + k] * b[(ptrdiff_t)r * b_row + (ptrdiff_t)i * b_step + k];
            out[r * channels + k] = sum;
        }
    }
}

// y[t] = Σ_{j < min(t+1, window)} kernel[j]·u[t−j]: the lags of the window only.
RC_ATTR static void RC_FN(ssm_forward)(const float *kernel, const float *u, float *y, size_t length, size_t window,
                                       size_t channels) {
    ptrdiff_t d = (ptrdiff_t)channels;
    for (size_t t = 0; t < length; t += 4) {
        size_t rows = length - t < 4 ? length - t : 4;
        RC_FN(lag_rows)(y + t * channels, rows, channels, t + 1, 1, window, kernel, 0, d, u + t * channels, d, -d, 0);
    }
}

// du[s] = Σ_{j < min(L−s, window)} kernel[j]·dy[s+j]; d_kernel[j] += Σ_i dy[j+i]·u[i] for the lags j < window
// only (the rows past the window are left as they are: the kernel is 0 there and its gradient unused).
RC_ATTR static void RC_FN(ssm_backward)(const float *kernel, const float *u, const float *dy, float *du,
                                        float *d_kernel, size_t length, size_t window, size_t channels) {
    ptrdiff_t d = (ptrdiff_t)channels;
    for (size_t s = 0; s < length; s += 4) {
        size_t rows = length - s < 4 ? length - s : 4;
        RC_FN(lag_rows)(du + s * channels, rows, channels, length - s, -1, window, kernel, 0, d, dy + s * channels, d, d, 0);
    }
    for (size_t j = 0; j < window; j += 4) {
        size_t rows = window - j < 4 ? window - j : 4;
        RC_FN(lag_rows)(d_kernel + j * channels, rows, channels, length - j, -1, length, dy + j * channels, d, d, u, 0, d, 1);
    }
}

#undef RC_FN
// The parameters are the includer's to set again for the next path.
#undef RC_ATTR
#undef RC_W
#undef RC_BLK
#undef RC_SUFFIX
