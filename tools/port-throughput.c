/* Issue cost of the 512-bit instructions the float32 kernels are built from, alone and in pairs, on
 * this machine: eight independent chains per loop, so each figure is a throughput, not a latency.
 * A pair that costs the sum of its parts shares a pipe; one that costs the larger part does not.
 * The closing notes of issue 13 quote it as the reason a kernel cannot go faster (e.g. sigmoid's
 * derivative: its multiplies and FMAs alone fill the FMA pipes for longer than PyTorch's
 * memory-bound backward takes).
 *
 *   cc -O2 -mavx512f -o /tmp/port-throughput tools/port-throughput.c && /tmp/port-throughput
 */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

#define ITER 20000000L
#define GHZ 3.6 /* this host's clock, from the FMA peak probe: 116 GFLOP/s / 32 flop per cycle */

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

#define FMA(x) _mm512_fmadd_ps(x, c, d)
#define ADD(x) _mm512_add_ps(x, d)
#define DIV(x) _mm512_div_ps(x, c)
#define SCALEF(x) _mm512_scalef_ps(x, d)
#define ROUND(x) _mm512_roundscale_ps(x, (4 << 4) | _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)
#define PERMUTE(x) _mm512_permutexvar_ps(index, x)
#define RCP14(x) _mm512_rcp14_ps(x)
#define FIRST4(f) a0 = f(a0); a1 = f(a1); a2 = f(a2); a3 = f(a3);
#define LAST4(f) a4 = f(a4); a5 = f(a5); a6 = f(a6); a7 = f(a7);

/* Cycles per instruction of a loop of eight: FIRST4(f) LAST4(g). */
#define MEASURE(label, f, g)                                                                          \
  {                                                                                                   \
    __m512 a0 = _mm512_set1_ps(1.1f), a1 = _mm512_set1_ps(1.2f), a2 = _mm512_set1_ps(1.3f),           \
           a3 = _mm512_set1_ps(1.4f), a4 = _mm512_set1_ps(1.5f), a5 = _mm512_set1_ps(1.6f),           \
           a6 = _mm512_set1_ps(1.7f), a7 = _mm512_set1_ps(1.8f);                                      \
    const __m512 c = _mm512_set1_ps(1.0000001f), d = _mm512_set1_ps(0.9999999f);                      \
    const __m512i index = _mm512_set1_epi32(3);                                                       \
    double t = now();                                                                                 \
    for (long i = 0; i < ITER; i++) { FIRST4(f) LAST4(g) }                                            \
    t = now() - t;                                                                                    \
    const __m512 s = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(a0, a1), _mm512_add_ps(a2, a3)),       \
                                   _mm512_add_ps(_mm512_add_ps(a4, a5), _mm512_add_ps(a6, a7)));      \
    float keep[16];                                                                                   \
    _mm512_storeu_ps(keep, s);                                                                        \
    printf("%-18s %5.2f cycles per 8 instructions%s\n", label, t / ITER * 1e9 * GHZ,                 \
           keep[0] == 12345.0f ? " " : "");                                                           \
  }

int main(void) {
  MEASURE("fma", FMA, FMA)
  MEASURE("add", ADD, ADD)
  MEASURE("div", DIV, DIV)
  MEASURE("scalef", SCALEF, SCALEF)
  MEASURE("roundscale", ROUND, ROUND)
  MEASURE("permute", PERMUTE, PERMUTE)
  MEASURE("rcp14", RCP14, RCP14)
  MEASURE("4 fma + 4 add", FMA, ADD)
  MEASURE("4 fma + 4 div", FMA, DIV)
  MEASURE("4 fma + 4 scalef", FMA, SCALEF)
  MEASURE("4 fma + 4 roundscale", FMA, ROUND)
  MEASURE("4 fma + 4 permute", FMA, PERMUTE)
  MEASURE("4 add + 4 roundscale", ADD, ROUND)
  MEASURE("4 add + 4 scalef", ADD, SCALEF)
  MEASURE("4 add + 4 permute", ADD, PERMUTE)
  return 0;
}
