#ifndef MOCKPILOT_HALF_H
#define MOCKPILOT_HALF_H
/* The one BLAS routine OpenBLAS lacks: a matrix-vector product over float16 weights,
 * y[j] = sum_i W[j][i] x[i] (+ y[j] when accumulating), with float32 products and sums.
 * Whisper's weights ship as float16, so reading them as such is exact and moves half the
 * bytes of the float32 copy; a decoder step reads every decoder weight once and is bound by
 * memory, not arithmetic. The conversion needs F16C, which Swift cannot ask of one function,
 * so the kernel is C with a target attribute and the caller asks first whether this CPU has it. */
#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

/* AVX, FMA and F16C in the CPU, and the OS saving the AVX registers (XCR0 bits 1 and 2). */
static inline int mockpilot_half_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    const unsigned fma = 1u << 12, osxsave = 1u << 27, avx = 1u << 28, f16c = 1u << 29;
    if ((c & (fma | osxsave | avx | f16c)) != (fma | osxsave | avx | f16c)) return 0;
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (lo & 6u) == 6u;
}

__attribute__((target("avx,fma,f16c")))
static inline void mockpilot_half_gemv(const uint16_t *w, const float *x, float *y,
                                       size_t rows, size_t columns, int accumulate) {
    for (size_t j = 0; j < rows; j++) {
        const uint16_t *row = w + j * columns;
        __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps();
        size_t i = 0;
        for (; i + 16 <= columns; i += 16) {
            s0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + i))),
                                 _mm256_loadu_ps(x + i), s0);
            s1 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + i + 8))),
                                 _mm256_loadu_ps(x + i + 8), s1);
        }
        __m256 s = _mm256_add_ps(s0, s1);
        __m128 q = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
        q = _mm_add_ps(q, _mm_movehl_ps(q, q));
        q = _mm_add_ss(q, _mm_movehdup_ps(q));
        float sum = _mm_cvtss_f32(q);
        for (; i < columns; i++) sum += _cvtsh_ss(row[i]) * x[i];
        y[j] = accumulate ? y[j] + sum : sum;
    }
}
#else
/* Elsewhere the caller keeps to float32 BLAS; this plain version only keeps the call correct. */
#include <string.h>

static inline int mockpilot_half_available(void) { return 0; }

static inline float mockpilot_half_to_float(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16, exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu, bits;
    if (exponent == 0) {
        float magnitude = (float)mantissa * 5.9604644775390625e-8f; /* 2^-24: zero or subnormal */
        return sign ? -magnitude : magnitude;
    }
    bits = sign | (exponent == 31 ? 0x7f800000u : (exponent + 112u) << 23) | (mantissa << 13);
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

static inline void mockpilot_half_gemv(const uint16_t *w, const float *x, float *y,
                                       size_t rows, size_t columns, int accumulate) {
    for (size_t j = 0; j < rows; j++) {
        float sum = 0;
        for (size_t i = 0; i < columns; i++) sum += mockpilot_half_to_float(w[j * columns + i]) * x[i];
        y[j] = accumulate ? y[j] + sum : sum;
    }
}
#endif
#endif
