// swish(x; beta) = x sigmoid(beta x) in each lane, which silu (beta = 1) shares; softplus takes
// beta x from swish_u too.
#pragma once

#include <cmath>

#include "../../math/critical_points.h"
#include "../../simd/vexp.h"
#include "../../simd/vmath_f32.h"
#include "../../simd/vmath_f64.h"
#include "common_basics.h"
#include "common_compensated.h"
#include "common_logistic.h"
#include "common_params.h"
#include "common_roots.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

inline double swish_forward(double x, double beta) {
  const Scaled u = scaled(beta, x);
  if (u.hi < -700) {
    const double g = std::exp(u.hi + 700) * (1 + u.lo);  // u + 700 is exact wherever g != 0
    return g == 0 ? 0.0 : x * g * kEMinus700;
  }
  return times_split(x, sigmoid_split(u.hi, u.lo));
}

inline double swish_derivative(double x, double beta) {
  const Scaled u = scaled(beta, x);
  if (near_root(math::SILU_ROOT, u.hi)) return math::critical_expansion(math::SILU_ROOT, u.hi, u.lo);
  if (u.hi == kInf) return 1;
  if (u.hi < -700) {
    const double g = std::exp(u.hi + 700) * (1 + u.lo);
    return g == 0 ? 0.0 : (1 + u.hi) * g * kEMinus700;
  }
  if (u.hi >= 0) return sigmoid2(u.hi, u.lo) * (1 + u.hi * sigmoid2(-u.hi, -u.lo));
  return one_plus_over_square(u.hi, u.lo, std::exp(u.hi), u.lo);
}

}  // namespace ops
namespace nops {

// silu'(u) = sigmoid(u) (1 + u (1 - sigmoid(u))); with t = |u|, E = e^-t, r = 1 / (1 + E):
//   u >= 0: r + t E r^2, every term positive;
//   u < 0:  E r^2 g with g = 1 + E - t, which vanishes at t0 = 1 + e^-t0 (u = -1.2785). Since
//   e^-t = (t0 - 1) e^d for d = t0 - t, g = d + (t0 - 1) expm1(d) exactly, two terms of d's sign:
//   d from t0 as hi + lo and expm1(d) from a polynomial for |d| < 1/2; beyond, g = (1 - t) + E
//   directly (|g| >= 1/2 there, so E's rounding is not magnified). Scaled once below 0 (subnormal tails).
// t = t_hi + t_lo; swish' = silu'(beta x).
ACTFN_INLINE F silu_slope(F u_hi, F t_lo, const LogisticParts& l) {
  namespace ft = float_tables;
  const F t = zero() - l.z;
  const F d = (set<float>(ft::kSiluRootHi) - t) + (set<float>(ft::kSiluRootLo) - t_lo);
  F q = set<float>(ft::kExpm1Small[ft::kExpm1SmallDegree]);
  for (int i = ft::kExpm1SmallDegree - 1; i >= 0; --i) q = fma(q, d, set<float>(ft::kExpm1Small[i]));
  const F g_near = fma(set<float>(ft::kSiluRootMinusOne), fma(d * d, q, d), d);
  const F g_far = ((one() - t) - t_lo) + l.e;
  const F g = select(lt(abs(d), set<float>(0.5f)), g_near, g_far);
  const F r2 = l.r * l.r;
  return select(ge(u_hi, zero()), fma(t * l.e, r2, l.r), scale_pow2(l.e_unscaled * r2 * g, l.m));
}

}  // namespace nops
namespace wops {

// swish(x; beta) = x sigmoid(beta x); silu' = sigmoid(u) (1 + u sigmoid(-u)), u = beta x.
ACTFN_INLINE D swish_forward(D x, D beta) { return x * sigmoid_pair(beta * x).pos; }
ACTFN_INLINE D swish_derivative(D x, D beta) {
  const D u = beta * x;
  const SigmoidPair s = sigmoid_pair(u);
  return s.pos * fma(u, s.neg, one());
}

}  // namespace wops
namespace dops {

// swish(x; beta) = x sigma(u), u = beta x as a pair; u > 700 clamped (sigma = 1 there).
struct SwishParts {
  D uh, ul;
};
ACTFN_INLINE SwishParts swish_u(D x, D beta, bool unit) {
  if (unit) return {f64::vmin(x, k(700)), zero()};
  const D uh = beta * x;
  const M big = gt(uh, k(700));
  return {select(big, k(700), uh), select(big, zero(), f64::prod_err(beta, x, uh))};
}

template <bool kUnit>
struct SwishLike {
  ACTFN_INLINE static M domain(D x, const DParams& p) {
    return f64::mask_and(finite(x), ge(kUnit ? x : p.a * x, k(-700)));
  }
  ACTFN_INLINE static D forward(D x, const DParams& p) {
    const SwishParts u = swish_u(x, p.a, kUnit);
    return f64::times(x, sigmoid_of(sigmoid_core<false>(u.uh, u.ul)));
  }
  // silu'(u) = N / (1 + E)^2, E = e^-|u|: N = 1 + E (1 + u) for u >= 0 (all terms positive) and
  // N = E ((1 + u) + E) for u < 0, where the sum cancels towards the root; it is formed as a pair
  // from E's pair and u's low word, so its error stays that of E (~2^-62) until with_root's
  // radius. Then four roundings (N, 1 + E, its square, the quotient): ~3 ULP at most, against 8
  // allowed; half the operations of the fully compensated quotient (sigmoid_one_plus): 0.38 ->
  // 0.49 el/ns at 1e6 on one thread.
  ACTFN_INLINE static D derivative(D x, const DParams& p) {
    const SwishParts u = swish_u(x, p.a, kUnit);
    const M negative = lt(u.uh, zero());
    const DD e = f64::exp_dd(neg(abs(u.uh)), select(negative, u.ul, neg(u.ul)));
    const D s1 = one() + u.uh;
    const D n = s1 + e.hi;
    const D nl = f64::sum_err(s1, e.hi, n) + (e.lo + u.ul);
    const D num = select(negative, fma(e.hi, n, fma(e.hi, nl, e.lo * n)), fma(e.hi, s1, one()));
    const D d = one() + e.hi;
    const D regular = num / (d * d);
    return with_root(math::SILU_ROOT, u.uh, u.ul, regular, kVectorRootRadius);
  }
};

}  // namespace dops

}  // namespace ACTFN_TARGET
}  // namespace actfn
