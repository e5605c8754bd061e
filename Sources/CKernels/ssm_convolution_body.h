// One path's SSM-convolution kernels, included by ssm_convolution_f32.c once per path with
// RC_ATTR (the function attribute), RC_W (lanes), RC_BLK (a float vector of RC_W lanes) and
// RC_SUFFIX (the path's name) defined.

#define RC_FN(name) RC_CAT(name, RC_SUFFIX)

// For the `rows` ≤ 4 output rows r: out_r[k] (+)= Σ_{i < terms + r·delta} a_r[i·a_step + k] · b_r[i·b_step + k],
// a_r = a + r·a_row, b_r = b + r·b_row, out_r = out + r·channels, every k < channels. One sum per
// (row, channel) with its terms in increasing i — the previous engine's order — RC_W channels a
// vector and four rows at once (independent sums), the channels past the last vector one by one.
RC_ATTR static inline void RC_FN(lag_rows)(float *out, size_t rows, size_t channels, size_t terms, int delta,
                                           const float *a, ptrdiff_t a_row, ptrdiff_t a_step,
                                           const float *b, ptrdiff_t b_row, ptrdiff_t b_step, int accumulate) {
    size_t count[4];
    for (size_t r = 0; r < 4; r++) count[r] = r < rows ? terms + (size_t)((ptrdiff_t)r * delta) : 0;
    size_t common = rows == 4 ? (delta > 0 ? count[0] : count[3]) : 0;
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

RC_ATTR static void RC_FN(ssm_forward)(const float *kernel, const float *u, float *y, size_t length, size_t channels) {
    ptrdiff_t d = (ptrdiff_t)channels;
    for (size_t t = 0; t < length; t += 4) {
        size_t rows = length - t < 4 ? length - t : 4;
        RC_FN(lag_rows)(y + t * channels, rows, channels, t + 1, 1, kernel, 0, d, u + t * channels, d, -d, 0);
    }
}

RC_ATTR static void RC_FN(ssm_backward)(const float *kernel, const float *u, const float *dy, float *du,
                                        float *d_kernel, size_t length, size_t channels) {
    ptrdiff_t d = (ptrdiff_t)channels;
    for (size_t s = 0; s < length; s += 4) {
        size_t rows = length - s < 4 ? length - s : 4;
        RC_FN(lag_rows)(du + s * channels, rows, channels, length - s, -1, kernel, 0, d, dy + s * channels, d, d, 0);
    }
    for (size_t j = 0; j < length; j += 4) {
        size_t rows = length - j < 4 ? length - j : 4;
        RC_FN(lag_rows)(d_kernel + j * channels, rows, channels, length - j, -1, dy + j * channels, d, d, u, 0, d, 1);
    }
}

#undef RC_FN
// The parameters are the includer's to set again for the next path.
#undef RC_ATTR
#undef RC_W
#undef RC_BLK
#undef RC_SUFFIX
