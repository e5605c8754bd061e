/* Direct causal convolution vs FFT convolution for the SSM layer at the engine's sizes").
   Forward y = K * u and backward (du, dK) for u: [B, L, D], K: [L, D], per channel.
   Build: cc -O3 -march=native conv-direct-vs-fft.c -lm -o conv && ./conv [L]            */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int B = 64, L = 32, D = 32;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

static void direct(const float *u, const float *k, const float *dy, float *y, float *du, float *dk) {
    for (int b = 0; b < B; b++) {
        const float *ub = u + b * L * D, *dyb = dy + b * L * D; float *yb = y + b * L * D, *dub = du + b * L * D;
        for (int t = 0; t < L; t++) {
            float *yr = yb + t * D; memset(yr, 0, D * sizeof(float));
            for (int j = 0; j <= t; j++) for (int c = 0; c < D; c++) yr[c] += k[j * D + c] * ub[(t - j) * D + c];
        }
        for (int s = 0; s < L; s++) {
            float *dr = dub + s * D; memset(dr, 0, D * sizeof(float));
            for (int j = 0; j < L - s; j++) for (int c = 0; c < D; c++) dr[c] += k[j * D + c] * dyb[(s + j) * D + c];
        }
        for (int j = 0; j < L; j++) for (int t = j; t < L; t++)
            for (int c = 0; c < D; c++) dk[j * D + c] += dyb[t * D + c] * ub[(t - j) * D + c];
    }
}

/* iterative radix-2 complex FFT of size n (power of two); sign -1 forward, +1 inverse (unscaled) */
static void fft(float complex *a, int n, int sign) {
    for (int i = 1, j = 0; i < n; i++) {
        int bit = n >> 1; for (; j & bit; bit >>= 1) j ^= bit; j ^= bit;
        if (i < j) { float complex t = a[i]; a[i] = a[j]; a[j] = t; }
    }
    for (int len = 2; len <= n; len <<= 1) {
        float complex w = cexpf(sign * 2 * M_PI * I / len);
        for (int i = 0; i < n; i += len) {
            float complex wk = 1;
            for (int j = 0; j < len / 2; j++) {
                float complex x = a[i + j], v = a[i + j + len / 2] * wk;
                a[i + j] = x + v; a[i + j + len / 2] = x - v; wk *= w;
            }
        }
    }
}

static void viaFFT(const float *u, const float *k, const float *dy, float *y, float *du, float *dk) {
    int n = 2 * L; float complex kf[n], uf[n], gf[n], t[n], acc[D][n];
    memset(acc, 0, sizeof acc);
    for (int c = 0; c < D; c++) {
        for (int i = 0; i < n; i++) kf[i] = i < L ? k[i * D + c] : 0;
        fft(kf, n, -1);
        for (int b = 0; b < B; b++) {
            const float *ub = u + b * L * D, *dyb = dy + b * L * D;
            for (int i = 0; i < n; i++) { uf[i] = i < L ? ub[i * D + c] : 0; gf[i] = i < L ? dyb[i * D + c] : 0; }
            fft(uf, n, -1); fft(gf, n, -1);
            for (int i = 0; i < n; i++) t[i] = uf[i] * kf[i];
            fft(t, n, 1);
            for (int i = 0; i < L; i++) y[b * L * D + i * D + c] = crealf(t[i]) / n;
            for (int i = 0; i < n; i++) { t[i] = gf[i] * conjf(kf[i]); acc[c][i] += gf[i] * conjf(uf[i]); }
            fft(t, n, 1);
            for (int i = 0; i < L; i++) du[b * L * D + i * D + c] = crealf(t[i]) / n;
        }
        fft(acc[c], n, 1);
        for (int j = 0; j < L; j++) dk[j * D + c] += crealf(acc[c][j]) / n;
    }
}

int main(int argc, char **argv) {
    if (argc > 1) L = atoi(argv[1]);
    size_t m = (size_t)B * L * D;
    float *u = malloc(m * 4), *dy = malloc(m * 4), *k = malloc(L * D * 4), *y1 = malloc(m * 4), *y2 = malloc(m * 4),
          *du1 = malloc(m * 4), *du2 = malloc(m * 4), *dk1 = calloc(L * D, 4), *dk2 = calloc(L * D, 4);
    for (size_t i = 0; i < m; i++) { u[i] = rand() / (float)RAND_MAX - 0.5f; dy[i] = rand() / (float)RAND_MAX - 0.5f; }
    for (int i = 0; i < L * D; i++) k[i] = expf(-0.1f * (i / D)) * (rand() / (float)RAND_MAX);
    direct(u, k, dy, y1, du1, dk1); viaFFT(u, k, dy, y2, du2, dk2);
    double e = 0; for (size_t i = 0; i < m; i++) e = fmax(e, fabs(y1[i] - y2[i]) + fabs(du1[i] - du2[i]));
    for (int i = 0; i < L * D; i++) e = fmax(e, fabs(dk1[i] - dk2[i]) / B);
    int reps = 200; double t0 = now();
    for (int r = 0; r < reps; r++) direct(u, k, dy, y1, du1, dk1);
    double t1 = now();
    for (int r = 0; r < reps; r++) viaFFT(u, k, dy, y2, du2, dk2);
    double t2 = now();
    printf("L=%d B=%d D=%d  direct %.3f ms  fft %.3f ms  (forward+backward per layer; max diff %.1e)\n",
           L, B, D, (t1 - t0) / reps * 1e3, (t2 - t1) / reps * 1e3, e);
    return 0;
}
