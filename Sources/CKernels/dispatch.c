// Which kernel path runs: chosen once from CPUID and RATECALC_KERNELS (ratecalc_kernels.h).
#include "ratecalc_kernels.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

int rc_kernels_supported(rc_kernel_path path) {
    switch (path) {
    case RC_KERNELS_BASELINE: return 1;
#if defined(__x86_64__) || defined(__i386__)
    case RC_KERNELS_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case RC_KERNELS_AVX512:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f");
#endif
    default: return 0;
    }
}

const char *rc_kernels_name(rc_kernel_path path) {
    switch (path) {
    case RC_KERNELS_AVX2: return "avx2";
    case RC_KERNELS_AVX512: return "avx512";
    default: return "baseline";
    }
}

static pthread_once_t chosen_once = PTHREAD_ONCE_INIT;
static rc_kernel_path chosen = RC_KERNELS_BASELINE;
static int refused = 0;

static void choose(void) {
    rc_kernel_path widest = RC_KERNELS_BASELINE;
    if (rc_kernels_supported(RC_KERNELS_AVX2)) widest = RC_KERNELS_AVX2;
    if (rc_kernels_supported(RC_KERNELS_AVX512)) widest = RC_KERNELS_AVX512;
    chosen = widest;
    const char *request = getenv("RATECALC_KERNELS");
    if (request == NULL || request[0] == '\0') return;
    for (int p = RC_KERNELS_BASELINE; p <= RC_KERNELS_AVX512; p++) {
        if (strcmp(request, rc_kernels_name((rc_kernel_path)p)) == 0 && rc_kernels_supported((rc_kernel_path)p)) {
            chosen = (rc_kernel_path)p;
            return;
        }
    }
    refused = 1;
}

rc_kernel_path rc_kernels_path(void) {
    pthread_once(&chosen_once, choose);
    return chosen;
}

int rc_kernels_request_refused(void) {
    pthread_once(&chosen_once, choose);
    return refused;
}
