// One path's per-head attention kernels, included by attention_head_f32.c once per path with
// RC_ATTR (the function attribute), RC_W (lanes of a score block), RC_BLK / RC_BLKI (float and
// int32 vectors of RC_W lanes), RC_IOTA (lanes 0 … RC_W−1), RC_SUFFIX (the path's name) and
// RC_EXP_BLOCK(x) (e^x per lane) defined. Arithmetic and reduction orders in ratecalc_kernels.h.

#define RC_FN(name) RC_CAT(name, RC_SUFFIX)
// The row copies and zero fills are a few dozen floats: inline loops, not memcpy/memset calls.
#define RC_INLINE_COPIES __attribute__((no_builtin("memcpy", "memset")))

// The lanes of block `b` of row `t` outside the window (s > t, or s < first = t − W + 1) set to −∞.
RC_ATTR static inline RC_BLK RC_FN(mask_outside)(RC_BLK x, size_t b, size_t t, int32_t first) {
    RC_BLKI position = RC_IOTA + (int32_t)(b * RC_W);
    RC_BLKI inside = (position <= (int32_t)t) & (position >= first);
    RC_BLK negative_infinity = (RC_BLK){0} - INFINITY;
    return (RC_BLK)(((RC_BLKI)x & inside) | ((RC_BLKI)negative_infinity & ~inside));
}

// Σ and max of a block's lanes by halving (lanes i and i + W/2 first, then i and i + W/4, …):
// a fixed tree, log₂ W dependent steps.
RC_ATTR static inline rc_f8 RC_FN(fold_to_8)(RC_BLK x, int maximum) {
#if RC_W == 16
    rc_f8 low = __builtin_shufflevector(x, x, 0, 1, 2, 3, 4, 5, 6, 7);
    rc_f8 high = __builtin_shufflevector(x, x, 8, 9, 10, 11, 12, 13, 14, 15);
    return maximum ? __builtin_elementwise_max(low, high) : low + high;
#else
    (void)maximum;
    return x;
#endif
}

RC_ATTR static inline float RC_FN(lane_sum)(RC_BLK x) {
    rc_f8 e = RC_FN(fold_to_8)(x, 0);
    rc_f4 f = __builtin_shufflevector(e, e, 0, 1, 2, 3) + __builtin_shufflevector(e, e, 4, 5, 6, 7);
    return (f[0] + f[2]) + (f[1] + f[3]);
}

RC_ATTR static inline float RC_FN(lane_max)(RC_BLK x) {
    rc_f8 e = RC_FN(fold_to_8)(x, 1);
    rc_f4 f = __builtin_elementwise_max(__builtin_shufflevector(e, e, 0, 1, 2, 3), __builtin_shufflevector(e, e, 4, 5, 6, 7));
    float a = f[0] > f[2] ? f[0] : f[2], b = f[1] > f[3] ? f[1] : f[3];
    return a > b ? a : b;
}

// out_r = Σ_i w[r·w_row + i·w_term] · X_i over e = 8 columns for every row r < length, with
// i ≤ r (lower = 1: P·V, dS·K) or i ≥ r (lower = 0: dSᵀ·Q, Pᵀ·dO), four rows at a time. The
// weights outside that triangle are exact zeros (P and dS vanish above the diagonal), so a block
// of four rows sums the union of their ranges: each row's terms in increasing i, one accumulator
// a row (the extra terms add ±0).
RC_ATTR static inline void RC_FN(weighted_rows)(float *out, size_t out_ld, size_t length, const float *w, size_t w_row,
                                                size_t w_term, const float *x, size_t ld, int lower) {
    size_t r = 0;
    for (; r + 4 <= length; r += 4) {
        size_t first = lower ? 0 : r, last = lower ? r + 3 : length - 1;
        const float *w0 = w + r * w_row, *w1 = w0 + w_row, *w2 = w1 + w_row, *w3 = w2 + w_row;
        rc_row a0 = (rc_row){0}, a1 = (rc_row){0}, a2 = (rc_row){0}, a3 = (rc_row){0};
        for (size_t i = first; i <= last; i++) {
            rc_row xi = *(const rc_row *)(x + i * ld);
            a0 = a0 + w0[i * w_term] * xi;
            a1 = a1 + w1[i * w_term] * xi;
            a2 = a2 + w2[i * w_term] * xi;
            a3 = a3 + w3[i * w_term] * xi;
        }
        *(rc_row *)(out + r * out_ld) = a0;
        *(rc_row *)(out + (r + 1) * out_ld) = a1;
        *(rc_row *)(out + (r + 2) * out_ld) = a2;
        *(rc_row *)(out + (r + 3) * out_ld) = a3;
    }
    for (; r < length; r++) {
        size_t first = lower ? 0 : r, last = lower ? r : length - 1;
        rc_row a = (rc_row){0};
        for (size_t i = first; i <= last; i++) a = a + w[r * w_row + i * w_term] * *(const rc_row *)(x + i * ld);
        *(rc_row *)(out + r * out_ld) = a;
    }
}

// The columns of an L × 8 matrix (row stride ld) as 8 rows of `padded` floats, zero past L.
RC_ATTR static inline void RC_FN(transpose)(const float *m, size_t ld, size_t length, size_t padded,
                                            float out[RC_ATTENTION_HEAD_SIZE][RC_PADDED_MAX]) {
    for (size_t s = 0; s < length; s++)
        for (int c = 0; c < RC_ATTENTION_HEAD_SIZE; c++) out[c][s] = m[s * ld + c];
    for (size_t s = length; s < padded; s++)
        for (int c = 0; c < RC_ATTENTION_HEAD_SIZE; c++) out[c][s] = 0;
}

// Block b of row t of A Bᵀ for A's row `a` (8 floats) and Bᵀ given as 8 padded rows.
RC_ATTR static inline RC_BLK RC_FN(product_block)(const float *a, float bt[RC_ATTENTION_HEAD_SIZE][RC_PADDED_MAX], size_t b) {
    RC_BLK acc = a[0] * *(const RC_BLK *)&bt[0][b * RC_W];
    for (int c = 1; c < RC_ATTENTION_HEAD_SIZE; c++) acc = acc + a[c] * *(const RC_BLK *)&bt[c][b * RC_W];
    return acc;
}

RC_ATTR RC_INLINE_COPIES static void RC_FN(head_forward)(const float *q, const float *k, const float *v, size_t ld, size_t length,
                                        size_t window, float scale, float *probabilities, float *context, size_t context_ld) {
    size_t padded = (length + RC_W - 1) / RC_W * RC_W;
    float kt[RC_ATTENTION_HEAD_SIZE][RC_PADDED_MAX] __attribute__((aligned(64)));
    float row[RC_PADDED_MAX] __attribute__((aligned(64)));
    RC_FN(transpose)(k, ld, length, padded, kt);
    for (size_t t = 0; t < length; t++) {
        size_t blocks = t / RC_W + 1;  // the blocks holding s ≤ t
        int32_t first = (int32_t)t - (int32_t)window + 1;  // the window's first key (≤ 0: the whole row)
        RC_BLK largest = (RC_BLK){0} - INFINITY;
        for (size_t b = 0; b < blocks; b++) {
            RC_BLK scores = RC_FN(product_block)(q + t * ld, kt, b) * scale;
            if (b == blocks - 1 || (int32_t)(b * RC_W) < first) scores = RC_FN(mask_outside)(scores, b, t, first);
            largest = __builtin_elementwise_max(largest, scores);
            *(RC_BLK *)&row[b * RC_W] = scores;
        }
        float m = RC_FN(lane_max)(largest);
        RC_BLK total = (RC_BLK){0};
        for (size_t b = 0; b < blocks; b++) {
            RC_BLK e = RC_EXP_BLOCK(*(RC_BLK *)&row[b * RC_W] - m);
            total = total + e;
            *(RC_BLK *)&row[b * RC_W] = e;
        }
        float inverse = 1 / RC_FN(lane_sum)(total);
        float *p = probabilities + t * length;
        size_t computed = blocks * RC_W < length ? blocks * RC_W : length;
        for (size_t s = 0; s < computed; s++) p[s] = row[s] * inverse;
        for (size_t s = computed; s < length; s++) p[s] = 0;
    }
    RC_FN(weighted_rows)(context, context_ld, length, probabilities, length, 1, v, ld, 1);
}

RC_ATTR RC_INLINE_COPIES static void RC_FN(head_backward)(const float *q, const float *k, const float *v, size_t ld, size_t length,
                                         float scale, const float *probabilities, const float *d_context,
                                         size_t context_ld, float *dq, float *dk, float *dv) {
    size_t padded = (length + RC_W - 1) / RC_W * RC_W;
    float vt[RC_ATTENTION_HEAD_SIZE][RC_PADDED_MAX] __attribute__((aligned(64)));
    float p[RC_PADDED_MAX] __attribute__((aligned(64))), row[RC_PADDED_MAX] __attribute__((aligned(64)));
    float ds[RC_ATTENTION_MAX_LENGTH * RC_ATTENTION_MAX_LENGTH];
    RC_FN(transpose)(v, ld, length, padded, vt);
    for (size_t s = length; s < padded; s++) p[s] = 0;
    for (size_t t = 0; t < length; t++) {
        size_t blocks = t / RC_W + 1;
        size_t computed = blocks * RC_W < length ? blocks * RC_W : length;
        for (size_t s = 0; s < computed; s++) p[s] = probabilities[t * length + s];
        // dP = dO Vᵀ, Σ_s P dP, then dS = P ⊙ (dP − Σ_s P dP) · scale (P is 0 past the diagonal).
        RC_BLK weighted_blocks = (RC_BLK){0};
        for (size_t b = 0; b < blocks; b++) {
            RC_BLK dp = RC_FN(product_block)(d_context + t * context_ld, vt, b);
            weighted_blocks = weighted_blocks + *(RC_BLK *)&p[b * RC_W] * dp;
            *(RC_BLK *)&row[b * RC_W] = dp;
        }
        float weighted = RC_FN(lane_sum)(weighted_blocks);
        for (size_t b = 0; b < blocks; b++) {
            RC_BLK pb = *(RC_BLK *)&p[b * RC_W];
            *(RC_BLK *)&row[b * RC_W] = pb * (*(RC_BLK *)&row[b * RC_W] - weighted) * scale;
        }
        float *ds_t = ds + t * length;
        for (size_t s = 0; s < computed; s++) ds_t[s] = row[s];
        for (size_t s = computed; s < length; s++) ds_t[s] = 0;
    }
    // dQ = dS K, dK = dSᵀ Q, dV = Pᵀ dO.
    RC_FN(weighted_rows)(dq, ld, length, ds, length, 1, k, ld, 1);
    RC_FN(weighted_rows)(dk, ld, length, ds, 1, length, q, ld, 0);
    RC_FN(weighted_rows)(dv, ld, length, probabilities, 1, length, d_context, context_ld, 0);
}

#undef RC_FN
// The parameters are the includer's to set again for the next path.
#undef RC_ATTR
#undef RC_W
#undef RC_BLK
#undef RC_BLKI
#undef RC_IOTA
#undef RC_SUFFIX
#undef RC_EXP_BLOCK
#undef RC_INLINE_COPIES
