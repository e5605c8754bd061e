// Thin, inline C wrappers around libgmp for Swift.
// GMP spells its API as macros (`#define mpz_add __gmpz_add`, `mpq_numref(Q)`, `mpz_sgn(Z)`),
// which Swift cannot import; each wrapper below is one GMP call under an importable name.
#ifndef RATECALC_CGMP_SHIM_H
#define RATECALC_CGMP_SHIM_H
#include <gmp.h>
#include <stdlib.h>

// ---- mpz (integers) ----
static inline void cgmp_z_init(mpz_ptr z) { mpz_init(z); }
static inline void cgmp_z_clear(mpz_ptr z) { mpz_clear(z); }
static inline void cgmp_z_set(mpz_ptr r, mpz_srcptr a) { mpz_set(r, a); }
static inline void cgmp_z_set_si(mpz_ptr r, long a) { mpz_set_si(r, a); }
/// Returns 0 on success, -1 if `s` is not a valid integer in `base`.
static inline int cgmp_z_set_str(mpz_ptr r, const char *s, int base) { return mpz_set_str(r, s, base); }
/// Caller frees the result with `cgmp_free_str`.
static inline char *cgmp_z_get_str(int base, mpz_srcptr a) { return mpz_get_str(NULL, base, a); }
static inline void cgmp_free_str(char *s) {
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    freefunc(s, strlen(s) + 1);
}
static inline size_t cgmp_z_sizeinbase(mpz_srcptr a, int base) { return mpz_sizeinbase(a, base); }
static inline void cgmp_z_add(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_add(r, a, b); }
static inline void cgmp_z_sub(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_sub(r, a, b); }
static inline void cgmp_z_mul(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_mul(r, a, b); }
static inline void cgmp_z_neg(mpz_ptr r, mpz_srcptr a) { mpz_neg(r, a); }
static inline void cgmp_z_abs(mpz_ptr r, mpz_srcptr a) { mpz_abs(r, a); }
static inline int cgmp_z_cmp(mpz_srcptr a, mpz_srcptr b) { return mpz_cmp(a, b); }
static inline int cgmp_z_cmp_si(mpz_srcptr a, long b) { return mpz_cmp_si(a, b); }
static inline int cgmp_z_sgn(mpz_srcptr a) { return mpz_sgn(a); }
static inline void cgmp_z_fdiv_q(mpz_ptr q, mpz_srcptr n, mpz_srcptr d) { mpz_fdiv_q(q, n, d); }
static inline void cgmp_z_cdiv_q(mpz_ptr q, mpz_srcptr n, mpz_srcptr d) { mpz_cdiv_q(q, n, d); }
static inline void cgmp_z_pow_ui(mpz_ptr r, mpz_srcptr b, unsigned long e) { mpz_pow_ui(r, b, e); }
static inline void cgmp_z_ui_pow_ui(mpz_ptr r, unsigned long b, unsigned long e) { mpz_ui_pow_ui(r, b, e); }
static inline void cgmp_z_gcd(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_gcd(r, a, b); }
/// Largest k with r^k ≤ a is not provided by GMP; this is the integer n-th root, floor.
static inline int cgmp_z_root(mpz_ptr r, mpz_srcptr a, unsigned long n) { return mpz_root(r, a, n); }
static inline int cgmp_z_fits_slong(mpz_srcptr a) { return mpz_fits_slong_p(a); }
static inline long cgmp_z_get_si(mpz_srcptr a) { return mpz_get_si(a); }
static inline size_t cgmp_z_size(mpz_srcptr a) { return mpz_size(a); }
static inline mp_limb_t cgmp_z_getlimbn(mpz_srcptr a, mp_size_t n) { return mpz_getlimbn(a, n); }
/// d · 2^exp with |d| in [0.5, 1), truncated.
static inline double cgmp_z_get_d_2exp(long *exp, mpz_srcptr a) { return mpz_get_d_2exp(exp, a); }

// ---- mpq (rationals) ----
static inline void cgmp_q_init(mpq_ptr q) { mpq_init(q); }
static inline void cgmp_q_clear(mpq_ptr q) { mpq_clear(q); }
static inline void cgmp_q_set(mpq_ptr r, mpq_srcptr a) { mpq_set(r, a); }
static inline void cgmp_q_canonicalize(mpq_ptr q) { mpq_canonicalize(q); }
static inline mpz_ptr cgmp_q_numref(mpq_ptr q) { return mpq_numref(q); }
static inline mpz_ptr cgmp_q_denref(mpq_ptr q) { return mpq_denref(q); }
static inline mpz_srcptr cgmp_q_numref_const(mpq_srcptr q) { return mpq_numref(q); }
static inline mpz_srcptr cgmp_q_denref_const(mpq_srcptr q) { return mpq_denref(q); }
static inline void cgmp_q_add(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_add(r, a, b); }
static inline void cgmp_q_sub(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_sub(r, a, b); }
static inline void cgmp_q_mul(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_mul(r, a, b); }
static inline void cgmp_q_div(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_div(r, a, b); }
static inline void cgmp_q_neg(mpq_ptr r, mpq_srcptr a) { mpq_neg(r, a); }
static inline void cgmp_q_abs(mpq_ptr r, mpq_srcptr a) { mpq_abs(r, a); }
static inline void cgmp_q_inv(mpq_ptr r, mpq_srcptr a) { mpq_inv(r, a); }
static inline int cgmp_q_cmp(mpq_srcptr a, mpq_srcptr b) { return mpq_cmp(a, b); }
static inline int cgmp_q_equal(mpq_srcptr a, mpq_srcptr b) { return mpq_equal(a, b); }
static inline int cgmp_q_sgn(mpq_srcptr a) { return mpq_sgn(a); }
#endif
