// Vector exp, expm1 and log1p in float32 lanes, for the float32 activation kernels that run in
// their own precision (the float32-lane forms in activation/ops/). Twice the lanes of the double-lane forms in
// vexp.h and a polynomial half as long; callers keep to the valid ranges below and hand anything
// else (NaN, infinities, far tails) to the double-lane forms.
//
// Reduction for both exp and expm1: x = hi + lo (lo may carry the rounding error of a product
// that formed x, e.g. beta * x), n = round(hi / ln2), r = hi - n ln2_hi exactly (one fma with ln2
// rounded to float: a multiple of 2^-24 below 1/2 in magnitude), and r_lo = lo - n (ln2 - ln2_hi)
// carried beside it, so the reduced argument loses nothing. Then e^r - 1 = r + r^2 q(r), q from
// tools/gen-float-coefficients.py (relative error 2^-29 on |r| <= ln2/2).
//
// vexp_f32(hi, lo): e^(hi + lo) for |hi| <= 87 (results normal float32): max error about 0.55 ULP
//   (1 + r formed exactly as a sum of two floats, so only the last rounding counts).
//   vexp_pair_f32 returns that sum unrounded (relative error about 2^-29) for callers that go on.
// vexpm1_f32(x): e^x - 1 for |x| <= 87 as 2^n (e^r - 1) + (2^n - 1) in one fma: max error 1 ULP,
//   no cancellation near 0 (n = 0 there, and r = x exactly).
// vlog1p_unit_f32(t): log(1 + t) for t = t.hi + t.lo in [0, 1] as e ln2 + 2 atanh(s), s = (t - e) / (t + 2 + e),
//   e = [t >= 1/2] (so |s| <= 1/5, and 1 + t is never formed); the rounding of the denominator is
//   recovered, the division's own (half an ULP) is not. Max error about 1 ULP.
// exp_scaled_f32(hi, lo): e^(hi + lo) for |hi| <= 170 as 2^floor(m) (hi' + lo') unscaled, so a
//   caller multiplies its own factors in before the one scaling (scale_pow2), which rounds once even
//   into the subnormal range. m = round(16 (hi + lo) log2e) / 16; 2^(m - floor(m)) from a 16-entry
//   table (as hi + lo) and e^r - 1 on |r| <= ln2/32 from a cubic (tools/gen-float-tables.py):
//   relative error of hi' + lo' about 2^-27.
#pragma once

#include "float_coefficients.generated.h"
#include "float_tables.generated.h"
#include "vec.h"

namespace actfn {
namespace ACTFN_TARGET {

constexpr double kLn2D = 0.69314718055994530942;
constexpr float kLn2F = static_cast<float>(kLn2D);
constexpr float kLn2RestF = static_cast<float>(kLn2D - static_cast<double>(kLn2F));
constexpr float kLog2eF = static_cast<float>(1.4426950408889634074);

struct ExpReduced {
  Vec<float> scale;  // 2^n
  Vec<float> r;      // e^r - 1 = r + tail (r exact, tail small: the sum is not rounded yet)
  Vec<float> tail;
};

ACTFN_INLINE ExpReduced reduce_exp_f32(Vec<float> hi, Vec<float> lo) {
  namespace fc = float_coefficients;
  const Vec<float> n = round_nearest(hi * set<float>(kLog2eF));
  const Vec<float> r = fma(n, set<float>(-kLn2F), hi);      // exact
  const Vec<float> r_lo = fma(n, set<float>(-kLn2RestF), lo);  // what r misses: below 2^-17 |r|
  Vec<float> q = set<float>(fc::kExpm1Q[fc::kExpm1QDegree]);
  for (int k = fc::kExpm1QDegree - 1; k >= 0; --k) q = fma(q, r, set<float>(fc::kExpm1Q[k]));
  // e^(r + r_lo) - 1 = r + p + r_lo e^r with p = r^2 q(r) (r_lo^2 is below float32's reach).
  const Vec<float> p = r * r * q;
  return {pow2i(n), r, fma(r_lo, r + p, p + r_lo)};
}

// A value as an unevaluated sum hi + lo of two floats (|lo| <= half an ULP of hi or so).
struct FloatPair {
  Vec<float> hi, lo;
};

ACTFN_INLINE FloatPair vexp_pair_f32(Vec<float> hi, Vec<float> lo) {
  const ExpReduced e = reduce_exp_f32(hi, lo);
  const Vec<float> one = set<float>(1);
  const Vec<float> lead = one + e.r;
  const Vec<float> rest = ((one - lead) + e.r) + e.tail;  // (1 - lead) + r is exact: |r| < 1
  const Vec<float> sum = lead + rest;
  return {sum * e.scale, ((lead - sum) + rest) * e.scale};  // renormalised: |lo| <= ulp(hi) / 2
}
ACTFN_INLINE Vec<float> vexp_f32(Vec<float> hi, Vec<float> lo) {
  const FloatPair e = vexp_pair_f32(hi, lo);
  return e.hi + e.lo;
}
ACTFN_INLINE Vec<float> vexp_f32(Vec<float> x) { return vexp_f32(x, set<float>(0)); }

ACTFN_INLINE Vec<float> vexpm1_f32(Vec<float> x) {
  const ExpReduced e = reduce_exp_f32(x, set<float>(0));
  return fma(e.scale, e.r + e.tail, e.scale - set<float>(1));
}

// e^(hi + lo) = 2^floor(m) (hi + lo) of this.
struct ScaledExp {
  Vec<float> m, hi, lo;
};

ACTFN_INLINE ScaledExp exp_scaled_f32(Vec<float> hi, Vec<float> lo) {
  namespace ft = float_tables;
  const Vec<float> m = round_sixteenths(hi * set<float>(kLog2eF));
  const Vec<float> key = fma(m, set<float>(16), set<float>(0x1.8p23f));  // 16 m mod 16 in the low bits
  // m has at most 12 significant bits and ln2_hi 12, so m ln2_hi and hi - m ln2_hi are exact.
  const Vec<float> r = fma(m, set<float>(-ft::kLn2Hi), hi) + fma(m, set<float>(-ft::kLn2Lo), lo);
  const Vec<float> p = fma(fma(set<float>(ft::kExpC3), r, set<float>(ft::kExpC2)), r * r, r);  // e^r - 1
  const Vec<float> t_hi = lookup16(ft::kPow2Sixteenths, key);
  return {m, t_hi, fma(t_hi, p, lookup16(ft::kPow2SixteenthsLo, key))};
}

// exp_scaled_f32 without the low word of the table (and, for a float argument, of the argument):
// e^z = 2^floor(m) u, u with relative error about 2^-24 (the rounding of the table entry and of
// u's fma). For derivatives, whose budget is 8 ULP, and sums that need no more; four operations
// fewer.
struct ScaledExpShort {
  Vec<float> m, u;
};
// From m = round_sixteenths(z log2e) and the reduced r = z - m ln2: u = 2^frac(m) (1 + e^r - 1).
ACTFN_INLINE ScaledExpShort exp_short_from(Vec<float> m, Vec<float> r) {
  namespace ft = float_tables;
  const Vec<float> key = fma(m, set<float>(16), set<float>(0x1.8p23f));
  const Vec<float> p = fma(fma(set<float>(ft::kExpC3), r, set<float>(ft::kExpC2)), r * r, r);  // e^r - 1
  const Vec<float> t = lookup16(ft::kPow2Sixteenths, key);
  return {m, fma(t, p, t)};
}
ACTFN_INLINE ScaledExpShort exp_scaled_short_f32(Vec<float> z) {
  namespace ft = float_tables;
  const Vec<float> m = round_sixteenths(z * set<float>(kLog2eF));
  return exp_short_from(m, fma(m, set<float>(-ft::kLn2Lo), fma(m, set<float>(-ft::kLn2Hi), z)));
}
// The same for z = hi + lo (lo, e.g., the rounding error of a difference).
ACTFN_INLINE ScaledExpShort exp_scaled_short_f32(Vec<float> hi, Vec<float> lo) {
  namespace ft = float_tables;
  const Vec<float> m = round_sixteenths(hi * set<float>(kLog2eF));
  return exp_short_from(m, fma(m, set<float>(-ft::kLn2Hi), hi) + fma(m, set<float>(-ft::kLn2Lo), lo));
}

ACTFN_INLINE Vec<float> vlog1p_unit_f32(FloatPair tp) {
  const Vec<float> t = tp.hi;
  namespace fc = float_coefficients;
  const Vec<float> zero = set<float>(0), two = set<float>(2);
  const Vec<float> e = select(ge(t, set<float>(0.5f)), set<float>(1), zero);
  const Vec<float> c = two + e;
  const Vec<float> d = c + t;
  const Vec<float> d_err = ((c - d) + t) + tp.lo;  // c + t = d + d_err (the first sum exact: c >= t)
  const Vec<float> s = (t - e) / d;                 // t - e is exact for t in [1/2, 1]
  const Vec<float> s_lo = fma(zero - s, d_err, tp.lo) * rcp_approx(d);  // (t - e + lo) / (d + d_err) - s
  const Vec<float> s2 = s * s;
  Vec<float> g = set<float>(fc::kAtanhG[fc::kAtanhGDegree]);
  for (int k = fc::kAtanhGDegree - 1; k >= 0; --k) g = fma(g, s2, set<float>(fc::kAtanhG[k]));
  const Vec<float> tail = fma(two * s * s2, g, fma(two, s_lo, e * set<float>(kLn2RestF)));
  // e ln2_hi + 2 s as hi + lo (exact: |ln2_hi| >= |2 s| where e = 1; lo = 0 where e = 0), then the tail.
  const Vec<float> lead = e * set<float>(kLn2F), twice_s = two * s;
  const Vec<float> hi = lead + twice_s;
  const Vec<float> lo = (lead - hi) + twice_s;
  return hi + (lo + tail);
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
