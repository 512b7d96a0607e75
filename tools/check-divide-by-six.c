/* Checks divide_by_six (native/kernels/activation/ops/common_basics.h): q = t RN(1/6), then
 * q + RN(1/6) (t - 6q) with the remainder formed exactly by an FMA, against t / 6 rounded once.
 * float32: every t with |t| <= 64 (the hard variants' quotients lie in [-0.375, 18]); float64: 4e8
 * random t over the exponents 2^-1000..2^63. Prints the mismatches (expected: only float32 t whose
 * quotient is subnormal, where the remainder is not exact).
 *
 *   cc -O2 -o /tmp/check-divide-by-six tools/check-divide-by-six.c -lm && /tmp/check-divide-by-six
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static float by_six_f(float t) {
  const float sixth = 1.0f / 6.0f, q = t * sixth;
  return fmaf(fmaf(q, -6.0f, t), sixth, q);
}

static double by_six_d(double t) {
  const double sixth = 1.0 / 6.0, q = t * sixth;
  return fma(fma(q, -6.0, t), sixth, q);
}

int main(void) {
  long bad = 0, subnormal = 0;
  for (uint32_t u = 0; u <= 0x42800000u; ++u) { /* 0 .. 64 */
    float t;
    memcpy(&t, &u, sizeof t);
    for (int sign = 0; sign < 2; ++sign, t = -t) {
      const float want = t / 6.0f, got = by_six_f(t);
      if (want == got) continue;
      if (fabsf(want) < 0x1p-126f) subnormal++; else bad++;
    }
  }
  printf("float32, |t| <= 64: %ld differ with a normal quotient, %ld with a subnormal one\n", bad, subnormal);
  long bad64 = 0;
  uint64_t s = 88172645463325252ull;
  for (long i = 0; i < 400000000; ++i) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    const uint64_t exponent = 23 + (s >> 53) % 1063;
    const uint64_t bits = (s & 0x800fffffffffffffull) | (exponent << 52);
    double t;
    memcpy(&t, &bits, sizeof t);
    if (t / 6.0 != by_six_d(t)) bad64++;
  }
  printf("float64, 4e8 random: %ld differ\n", bad64);
  return bad != 0 || bad64 != 0;
}
