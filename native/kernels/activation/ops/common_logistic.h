// The logistic function sigmoid(u) = 1 / (1 + e^-u) and its slope in each lane, shared by the ops
// built on it (sigmoid, tanh, silu, swish, geluTanh, softplus, mish, logSigmoid).
#pragma once

#include <cmath>

#include "../../simd/vexp.h"
#include "../../simd/vmath_f32.h"
#include "../../simd/vmath_f64.h"
#include "common_basics.h"
#include "common_compensated.h"
#include "common_params.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

// sigmoid(h + l) for a double-double argument, every rounding after exp recovered.
inline Split sigmoid_split(double h, double l) {
  if (h < 0) {
    const double e = std::exp(h);
    const double el = e * l;
    const double d = 1 + e;
    const double q = e / d;
    return {q, math::quotient_error(e, el, d, math::fast_sum_error(1, e, d) + el, q)};
  }
  const double t = std::exp(-h);
  const double d = 1 + t;
  const double q = 1 / d;
  return {q, math::quotient_error(1, 0, d, math::fast_sum_error(1, t, d) - t * l, q)};
}

inline double sigmoid2(double h, double l) {
  const Split s = sigmoid_split(h, l);
  return s.hi + s.lo;
}

inline double sigmoid(double x) { return sigmoid2(x, 0); }

}  // namespace ops
namespace nops {

// e^-|u| for u = u.hi + u.lo.
ACTFN_INLINE FloatPair exp_neg_abs(FloatPair u) {
  const Mask<float> nonneg = ge(u.hi, zero());
  return vexp_pair_f32(zero() - abs(u.hi), select(nonneg, zero() - u.lo, u.lo));
}

// The logistic function's parts for u = hi + lo: E = e^-|u| (0 past |u| = 112, where every result
// below is 0 or 1 in float32), kept unscaled as 2^floor(m) e_unscaled for callers that multiply
// before scaling, and r = 1 / (1 + E) = sigmoid(|u|) with the rounding of 1 + E recovered.
// sigmoid(u) = r (u >= 0) or E r (u < 0). NaN propagates: max keeps a NaN z.
struct LogisticParts {
  F z;           // -min(|u|, 112)
  F m;           // E = 2^floor(m) e_unscaled
  F e_unscaled;  // in [1, 2)
  F e;           // rounded once
  F r;
};
ACTFN_INLINE LogisticParts logistic_parts(F u_hi, F z_lo) {
  const F z = max(set<float>(-112), negative_abs(u_hi));
  const ScaledExp ex = exp_scaled_f32(z, z_lo);
  const F e_unscaled = ex.hi + ex.lo;
  const F e = scale_pow2(e_unscaled, ex.m);
  const F d = one() + e;
  return {z, ex.m, e_unscaled, e, reciprocal(d, (one() - d) + e)};
}
ACTFN_INLINE LogisticParts logistic_parts(F u) { return logistic_parts(u, zero()); }
// For u = hi + lo, the low part of -|u|.
ACTFN_INLINE F negative_abs_lo(FloatPair u) { return select(ge(u.hi, zero()), zero() - u.lo, u.lo); }
ACTFN_INLINE LogisticParts logistic_parts(FloatPair u) { return logistic_parts(u.hi, negative_abs_lo(u)); }

ACTFN_INLINE F sigmoid_value(F u_hi, const LogisticParts& l) { return select(ge(u_hi, zero()), l.r, l.e * l.r); }
// x sigmoid(u) for u of x's sign, x given for each sign of u: below 0, x E r scaled once, so results
// in the subnormal range round once (silu passes z for x there, so x = -inf gives -0).
ACTFN_INLINE F times_sigmoid(F x_nonneg, F x_neg, F u_hi, const LogisticParts& l) {
  return select(ge(u_hi, zero()), x_nonneg * l.r, scale_pow2(x_neg * l.e_unscaled * l.r, l.m));
}
// sigmoid'(u) = E / (1 + E)^2
ACTFN_INLINE F logistic_slope(const LogisticParts& l) { return l.e * l.r * l.r; }
// sigmoid'(u) on its own: E / (1 + E)^2 with E = e^-|u| from the short table exp (~2^-24), 1 + E,
// its square and one division: about 4.5 ULP at worst of the 8, at half of logistic_parts'
// operations. E is rounded once where it is subnormal (|u| > 87.3); there 1 + E = 1 exactly, so
// the quotient is E. kTimesFour gives 4 sigmoid'(u) (tanh' at u = 2x) as E / ((1 + E) / 2)^2,
// whose halving is exact: the same roundings, one multiplication fewer.
template <bool kTimesFour = false>
ACTFN_INLINE F logistic_slope_of(F u) {
  const ScaledExpShort ex = exp_scaled_short_f32(negative_abs_min(u, 112));
  const F e = scale_pow2(ex.u, ex.m);
  const F d = kTimesFour ? fma(e, set<float>(0.5f), set<float>(0.5f)) : one() + e;
  return e / (d * d);
}

}  // namespace nops
namespace wops {

// sigmoid(u) and sigmoid(-u) from one exp.
struct SigmoidPair {
  D pos, neg;
};
ACTFN_INLINE SigmoidPair sigmoid_pair(D u) {
  const D t = vexp(set<double>(0) - abs(u));
  const D big = one() / (one() + t);  // sigmoid(|u|)
  const D small = t * big;            // sigmoid(-|u|)
  const Mask<double> nonneg = ge(u, set<double>(0));
  return {select(nonneg, big, small), select(nonneg, small, big)};
}

ACTFN_INLINE D square_ratio(D t) {  // t / (1 + t)^2
  const D d = one() + t;
  return t / (d * d);
}

}  // namespace wops
namespace dops {

// ---- the sigmoid core: e = e^(-|h| -+ l) as a pair, d = 1 + e as a pair, 1/d.
struct SigmoidCore {
  DD e;
  D d, dl, rd;
  M negative;
};
// Plain: e = e^-|h| rounded and el = e (-+l), the twin's std::exp with its first-order low word,
// for the forms that need no pair.
template <bool kPair = true>
ACTFN_INLINE SigmoidCore sigmoid_core(D h, D l) {
  const M negative = lt(h, zero());
  const D yl = select(negative, l, neg(l));
  DD e;
  if constexpr (kPair) {
    e = f64::exp_dd(neg(abs(h)), yl);
  } else {
    const D ep = f64::exp(neg(abs(h)));
    e = {ep, ep * yl};
  }
  const D d = one() + e.hi;
  const D dl = f64::fast_sum_err(one(), e.hi, d) + e.lo;
  return {e, d, dl, one() / d, negative};
}

// sigmoid(h + l) as a pair.
ACTFN_INLINE DD sigmoid_of(const SigmoidCore& s) {
  return quot_r(select(s.negative, s.e.hi, one()), select(s.negative, s.e.lo, zero()), s.d, s.dl, s.rd);
}

// sigma(h) (1 + sigma(-h) S) with S = sh + sl: geluTanh'(x) (S = x v'(x); silu' has a cheaper form),
// as one compensated quotient A / (1 + E)^2 with E = e^-|h|: A = E (1 + S) + E^2 for h < 0 (the
// twin's one_plus_over_square, no cancellation left near the root but E's own error, ~2^-62 here)
// and A = E (1 + S) + 1 for h >= 0 (all terms positive).
ACTFN_INLINE D sigmoid_one_plus(const SigmoidCore& c, D sh, D sl) {
  using f64::prod_err;
  using f64::sum_err;
  const D e = c.e.hi, el = c.e.lo;
  const D m = one() + sh;
  const D ml = sum_err(one(), sh, m) + sl;
  // A = E m + X, X = E^2 (h < 0) or 1 (h >= 0), each as a pair
  const D b = e * m;
  const D bl = fma(el, m, fma(e, ml, prod_err(e, m, b)));
  const D ee = e * e;
  const D x = select(c.negative, ee, one());
  const D xl = select(c.negative, fma(k(2.0) * e, el, prod_err(e, e, ee)), zero());
  const D a = b + x;
  const D al = sum_err(b, x, a) + (bl + xl);
  return f64::round(over_square_r(a, al, c.d, c.dl, c.rd));
}

}  // namespace dops

}  // namespace ACTFN_TARGET
}  // namespace actfn
