// Vector exp, expm1 and log1p in double lanes, for kernels that compute float32 activations in double.
//
// vexp: Cody-Waite reduction x = n ln2 + r, |r| <= ln2/2, with ln2 split so n * ln2_hi is exact,
// then the Taylor polynomial of degree 11 (coefficients 1/k!, computed here, not tabulated), then
// the exponent field. Max relative error about 2^-46 (plenty for float32 results; this is not a
// float64 exp) for results >= 2^-1022; smaller results
// (x < -708.39) flush to 0 and x > 709.78 gives +Inf; NaN propagates. Valid wherever the output is
// float32 (float32's smallest subnormal is 2^-149, far above the flush).
//
// vexpm1: exp(x) - 1 for |x| >= 2^-8 (relative error <= 2^-38 there from the cancellation), and the
// Taylor polynomial to x^6 below (relative error < 2^-60). Both far inside float32's 2^-24.
//
// vlog1p_unit: log(1 + t) for t in [0, 1] (softplus's log1p(e^-|u|)): y = 1 + t is in [1, 2], so
// log y = e ln2 + log m with m in [sqrt(1/2), sqrt(2)] and e in {0, 1}; log m = 2 atanh(s),
// s = (m - 1)/(m + 1), |s| < 0.172, by its odd series to s^23 (truncation < 2^-60 relative); the
// rounding of 1 + t is corrected by (t - (y - 1)) / y. Max error about 2 ULP (double).
#pragma once

#include <limits>

#include "vec.h"

namespace actfn {
namespace ACTFN_TARGET {

constexpr double kLn2 = 0.69314718055994530942;
constexpr double kLn2Lo = 2.3190468138462996e-17;  // ln 2 - kLn2 (ln 2 as a double-double)
constexpr double kLn2Hi = static_cast<double>(static_cast<float>(kLn2));  // 24 bits: n * hi is exact
constexpr double kLn2Rest = (kLn2 - kLn2Hi) + kLn2Lo;
constexpr double kLog2e = 1.4426950408889634074;

constexpr double inverse_factorial(int k) { return k <= 1 ? 1.0 : inverse_factorial(k - 1) / k; }

// 1/k! for k = 0..13, evaluated by the compiler (plain data: nothing runs at load time).
struct InverseFactorials {
  double c[14];
  constexpr InverseFactorials() : c() {
    for (int k = 0; k < 14; ++k) c[k] = inverse_factorial(k);
  }
};
constexpr InverseFactorials kInverseFactorials{};

// Taylor degree of vexp: |r|^12/12! < 2^-47 for |r| <= ln2/2, far below what float32 results need.
constexpr int kExpDegree = 11;

ACTFN_INLINE Vec<double> vexp(Vec<double> x) {
  const Vec<double> hi = set<double>(709.782712893384), lo = set<double>(-708.3964185322641);
  const Vec<double> xc = select(gt(x, hi), hi, select(lt(x, lo), lo, x));  // NaN passes through
  const Vec<double> n = round_nearest(xc * set<double>(kLog2e));
  Vec<double> r = fma(n, set<double>(-kLn2Hi), xc);
  r = fma(n, set<double>(-kLn2Rest), r);
  Vec<double> p = set<double>(kInverseFactorials.c[kExpDegree]);
  for (int k = kExpDegree - 1; k >= 0; --k) p = fma(p, r, set<double>(kInverseFactorials.c[k]));
  const Vec<double> y = p * pow2i(n);
  return select(gt(x, hi), set<double>(std::numeric_limits<double>::infinity()), select(lt(x, lo), set<double>(0), y));
}

ACTFN_INLINE Vec<double> vlog1p_unit(Vec<double> t) {
  const Vec<double> one = set<double>(1);
  const Vec<double> y = one + t;
  const Mask<double> upper = gt(y, set<double>(1.4142135623730951));
  const Vec<double> m = select(upper, y * set<double>(0.5), y);
  const Vec<double> s = (m - one) / (m + one);
  const Vec<double> s2 = s * s;
  Vec<double> p = set<double>(1.0 / 23);
  for (int k = 21; k >= 1; k -= 2) p = fma(p, s2, set<double>(1.0 / k));
  const Vec<double> log_m = set<double>(2) * s * p;
  const Vec<double> e = select(upper, one, set<double>(0));
  const Vec<double> log_y = fma(e, set<double>(kLn2Hi), fma(e, set<double>(kLn2Rest), log_m));
  return log_y + (t - (y - one)) / y;
}

ACTFN_INLINE Vec<double> vexpm1(Vec<double> x) {
  Vec<double> p = set<double>(kInverseFactorials.c[6]);
  for (int k = 5; k >= 1; --k) p = fma(p, x, set<double>(kInverseFactorials.c[k]));
  const Vec<double> small = p * x;
  return select(lt(abs(x), set<double>(1.0 / 256)), small, vexp(x) - set<double>(1));
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
