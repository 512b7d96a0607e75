/* Issue cost of the 512-bit instructions the float32 kernels are built from, alone and in pairs, on
 * this machine: eight independent chains per loop, so each figure is a throughput, not a latency.
 * A pair that costs the sum of its parts shares a pipe; one that costs the larger part does not.
 * The closing notes of issue 13 quote it as the reason a kernel cannot go faster (e.g. sigmoid's
 * derivative: its multiplies and FMAs alone fill the FMA pipes for longer than PyTorch's
 * memory-bound backward takes).
 *
 * Then a replica of one kernel's loop (the float32 sigmoid derivative) with one piece at a time
 * taken out.
 *
 *   cc -O2 -mavx512f -o /tmp/port-throughput tools/port-throughput.c && /tmp/port-throughput
 */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

#define ITER 20000000L
static volatile float sink; /* the chains' results are used, so the loops stay */
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
    (void)index, (void)c, (void)d;                                                                    \
    double t = now();                                                                                 \
    for (long i = 0; i < ITER; i++) { FIRST4(f) LAST4(g) }                                            \
    t = now() - t;                                                                                    \
    const __m512 s = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(a0, a1), _mm512_add_ps(a2, a3)),       \
                                   _mm512_add_ps(_mm512_add_ps(a4, a5), _mm512_add_ps(a6, a7)));      \
    sink = _mm512_reduce_add_ps(s);                                                                   \
    printf("%-22s %5.2f cycles per 8 instructions\n", label, t / ITER * 1e9 * GHZ);                  \
  }

/* A replica of the float32 sigmoid derivative's loop (ops/common_logistic.h, logistic_slope_of with
 * the short table exp of simd/vmath_f32.h: the same instructions per vector; the coefficients do
 * not matter to the timing), four vectors per iteration over an L1-resident row as vector_loop.h
 * does, and the same loop with one piece replaced, to see what each costs. */
#define ROW 4096
static float row_in[ROW] __attribute__((aligned(64))), row_out[ROW] __attribute__((aligned(64)));
static float table16[16] __attribute__((aligned(64)));

enum Variant { kWhole, kNoDivide, kNoScalef, kNoPermute, kRcp14Newton };

static inline __m512 slope(__m512 x, enum Variant v) {
  const __m512 z = _mm512_max_ps(_mm512_set1_ps(-112.0f), _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(x), _mm512_set1_epi32((int)0x80000000u))));
  const __m512 m = _mm512_roundscale_ps(_mm512_mul_ps(z, _mm512_set1_ps(1.44269504f)), (4 << 4) | _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  const __m512 r = _mm512_fmadd_ps(m, _mm512_set1_ps(-1.42860677e-06f), _mm512_fmadd_ps(m, _mm512_set1_ps(-0.693145752f), z));
  const __m512 key = _mm512_fmadd_ps(m, _mm512_set1_ps(16.0f), _mm512_set1_ps(0x1.8p23f));
  const __m512 p = _mm512_fmadd_ps(_mm512_fmadd_ps(_mm512_set1_ps(0.1666f), r, _mm512_set1_ps(0.5f)), _mm512_mul_ps(r, r), r);
  const __m512 t = v == kNoPermute ? key : _mm512_permutexvar_ps(_mm512_castps_si512(key), _mm512_load_ps(table16));
  const __m512 u = _mm512_fmadd_ps(t, p, t);
  const __m512 e = v == kNoScalef ? _mm512_mul_ps(u, m) : _mm512_scalef_ps(u, m);
  __m512 d = _mm512_add_ps(_mm512_set1_ps(1.0f), e);
  d = _mm512_mul_ps(d, d);
  if (v == kNoDivide) return _mm512_mul_ps(e, d);
  if (v == kRcp14Newton) {
    const __m512 g = _mm512_rcp14_ps(d);
    return _mm512_mul_ps(e, _mm512_fmadd_ps(g, _mm512_fnmadd_ps(d, g, _mm512_set1_ps(1.0f)), g));
  }
  return _mm512_div_ps(e, d);
}

static void replica(const char* label, enum Variant v) {
  long rows = 0;
  double t = now();
  while (now() - t < 0.5) {
    for (int i = 0; i < ROW; i += 64) {
      const __m512 a = slope(_mm512_load_ps(row_in + i), v), b = slope(_mm512_load_ps(row_in + i + 16), v);
      const __m512 c = slope(_mm512_load_ps(row_in + i + 32), v), d = slope(_mm512_load_ps(row_in + i + 48), v);
      _mm512_store_ps(row_out + i, a);
      _mm512_store_ps(row_out + i + 16, b);
      _mm512_store_ps(row_out + i + 32, c);
      _mm512_store_ps(row_out + i + 48, d);
    }
    __asm__ volatile("" ::: "memory");
    rows++;
  }
  t = now() - t;
  printf("%-30s %5.2f el/ns, %5.1f cycles per vector of 16\n", label, ROW * rows / t * 1e-9, t / (ROW * rows / 16.0) * 1e9 * GHZ);
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
  for (int i = 0; i < 16; i++) table16[i] = 1.0f + i / 16.0f;
  for (int i = 0; i < ROW; i++) row_in[i] = (float)(i % 97) * 0.1f - 5.0f;
  replica("sigmoid' replica", kWhole);
  replica("  without the division", kNoDivide);
  replica("  without vscalefps", kNoScalef);
  replica("  without vpermps", kNoPermute);
  replica("  rcp14 + Newton for the division", kRcp14Newton);
  return 0;
}
