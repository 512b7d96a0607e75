// Values carried as hi + lo (double-doubles, float pairs) and the quotients and products built on
// them, shared by the ops whose compensated forms need them.
#pragma once

#include <cmath>

#include "../../kernels.h"
#include "../../math/dd.h"
#include "../../simd/vmath_f32.h"
#include "../../simd/vmath_f64.h"
#include "common_basics.h"
#include "common_params.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

// A value as hi + lo, from the compensated evaluations below (see the js twin's file comment).
struct Split {
  double hi, lo;
};

// x * (hi + lo) rounded once.
inline double times_split(double x, Split s) {
  const double p = x * s.hi;
  if (!std::isfinite(p)) return p;
  return p + (math::product_error(x, s.hi, p) + x * s.lo);
}

// (a + al) / (d + dl)^2 rounded once: the shape of sigmoid', tanh', softsign' and silu'.
inline double over_square(double a, double al, double d, double dl) {
  const double q = d * d;
  const double r = a / q;
  return r + math::quotient_error(a, al, q, math::product_error(d, d, q) + 2 * d * dl, r);
}

// E (1 + S + E) / (1 + E)^2 for S = s + sl and E = e (1 + e_rel): silu' for u < 0 and geluTanh'
// for x < 0, without the textbook form's cancellation (see the js twin).
inline double one_plus_over_square(double s, double sl, double e, double e_rel) {
  const double el = e * e_rel;
  const double d = 1 + e;
  const double dl = math::fast_sum_error(1, e, d) + el;
  const double m = 1 + s;
  const double ml = math::sum_error(1, s, m) + sl;
  const double n = m + e;
  const double nl = math::sum_error(m, e, n) + ml + el;
  const double a = e * n;
  return over_square(a, math::product_error(e, n, a) + e * nl + el * n, d, dl);
}

// beta * x as a double-double; the low part is 0 where the product is not finite.
struct Scaled {
  double hi, lo;
};
inline Scaled scaled(double beta, double x) {
  const double u = beta * x;
  return {u, std::isfinite(u) ? math::product_error(beta, x, u) : 0.0};
}

}  // namespace ops
namespace nops {

// c * x for c = c_hi + c_lo (a constant split in two floats), rounded once in effect.
ACTFN_INLINE F times(F c_hi, F c_lo, F x) { return fma(c_hi, x, c_lo * x); }

// Products of a parameter with x (swish and softplus's beta x) are carried as hi + lo, because a
// sigmoid's tail magnifies a relative error in its argument by |argument|.
// u = a x as hi + lo (lo: the product's rounding error plus what a lost in float).
ACTFN_INLINE FloatPair scaled(F x, const NarrowParams& p) {
  const F hi = p.a * x;
  return {hi, fma(p.a, x, zero() - hi) + p.a_lo * x};
}

ACTFN_INLINE FloatPair times_pair(F a, F b) {
  const F hi = a * b;
  return {hi, fma(a, b, zero() - hi)};
}
// a + b as a pair for floats of any sizes (Knuth's TwoSum).
ACTFN_INLINE FloatPair two_sum(F a, F b) {
  const F s = a + b;
  const F b_part = s - a;
  return {s, (a - (s - b_part)) + (b - b_part)};
}
// A float constant c as hi + lo.
ACTFN_INLINE FloatPair constant(double c) {
  const float hi = static_cast<float>(c);
  return {set<float>(hi), set<float>(static_cast<float>(c - static_cast<double>(hi)))};
}

// 1 / (d + d_err) for d in [1, 2] and |d_err| <= ulp(d): rcp_approx and Newton steps on the
// exact residual (one from 14 bits, two from 11): relative error 2^-28 plus the last rounding.
ACTFN_INLINE F reciprocal(F d, F d_err) {
  F r = rcp_approx(d);
  for (int bits = kRcpApproxBits; bits < 24; bits *= 2) r = fma(r, fnma(d_err, r, fnma(d, r, one())), r);
  return r;
}

}  // namespace nops
namespace dops {

// (a + al)/(b + bl) with rb ~ 1/b given (to a few ULP): see f64::quot_r.
using f64::quot_r;
// (a + al)/(d + dl)^2 with rd ~ 1/d.
ACTFN_INLINE DD over_square_r(D a, D al, D d, D dl, D rd) {
  const D qq = d * d;
  return quot_r(a, al, qq, fma(k(2.0) * d, dl, f64::prod_err(d, d, qq)), rd * rd);
}

}  // namespace dops

}  // namespace ACTFN_TARGET
}  // namespace actfn
