// softplus(x; beta) = log(1 + e^(beta x)) / beta: the scalar twin and the float32-lane, double-lane
// and float64 forms.
#pragma once

#include <cmath>

#include "../../kernels.h"
#include "../../math/dd.h"
#include "../../simd/vec.h"
#include "../../simd/vexp.h"
#include "../../simd/vmath_f32.h"
#include "../../simd/vmath_f64.h"
#include "common_basics.h"
#include "common_compensated.h"
#include "common_forms.h"
#include "common_logistic.h"
#include "common_params.h"
#include "common_swish.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

inline double softplus_forward(double x, double beta) {
  const Scaled u = scaled(beta, x);
  double sp;
  if (u.hi > 0) {
    const double t = std::exp(-u.hi);
    sp = u.hi + (std::log1p(t) + u.lo / (1 + t));
  } else {
    const double e = std::exp(u.hi);
    sp = std::log1p(e) + (e / (1 + e)) * u.lo;
  }
  if (u.hi == kInf) return x;  // beta x overflowed; softplus(u) / beta = x to double precision
  return beta == 1 ? sp : sp / beta;
}

struct Softplus {
  static double forward(double x, ActivationParams p) { return softplus_forward(x, p.a); }
  static double derivative(double x, ActivationParams p) {
    const Scaled u = scaled(p.a, x);
    return sigmoid2(u.hi, u.lo);
  }
};

}  // namespace ops
namespace nops {

// softplus(x; beta) = (max(u, 0) + log1p(e^-|u|)) / beta, u = beta x; softplus' = sigmoid(u).
struct Softplus {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams& p) { return within(x, p.tail_of_a_x); }
  ACTFN_INLINE static F forward(F x, const NarrowParams& p) {
    const FloatPair u = scaled(x, p);
    const Mask<float> nonneg = ge(u.hi, zero());
    const F log_part = vlog1p_unit_f32(exp_neg_abs(u));
    const F sp = select(nonneg, u.hi + (u.lo + log_part), log_part);
    const F q = sp / p.a;
    return fma(zero() - q, p.a_lo_over_a, q);  // / (a + a_lo)
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams& p) {
    const FloatPair u = scaled(x, p);
    return sigmoid_value(u.hi, logistic_parts(u));
  }
};

}  // namespace nops
namespace wops {

// softplus(x; beta) = (max(u, 0) + log1p(e^-|u|)) / beta, u = beta x; softplus' = sigmoid(u).
struct Softplus {
  ACTFN_INLINE static D forward(D x, const P& p) {
    const D u = p.a * x;
    const D sp = select(gt(u, set<double>(0)), u, set<double>(0)) + vlog1p_unit(vexp(set<double>(0) - abs(u)));
    return sp / p.a;
  }
  ACTFN_INLINE static D derivative(D x, const P& p) { return sigmoid_pair(p.a * x).pos; }
};

}  // namespace wops
namespace dops {

// softplus(x; beta) = (max(u, 0) + log1p(e^-|u|) + first-order low word) / beta.
struct Softplus {
  ACTFN_INLINE static M domain(D x, const DParams& p) {
    return f64::mask_and(finite(x), in_range(p.a * x, -700, 1e300));
  }
  ACTFN_INLINE static D forward(D x, const DParams& p) {
    const SwishParts u = swish_u(x, p.a, p.a_raw == 1);
    const D uh = p.a * x;  // unclamped: softplus(u) = u + log1p(e^-u)
    const D ul = p.a_raw == 1 ? zero() : f64::prod_err(p.a, x, uh);
    const D t = f64::exp(neg(abs(u.uh)));
    const D l = f64::log1p_unit(t);
    const D w = ul / (one() + t);
    const M pos = gt(uh, zero());
    const D sp = select(pos, uh + (l + w), l + t * w);
    return p.a_raw == 1 ? sp : sp / p.a;
  }
  ACTFN_INLINE static D derivative(D x, const DParams& p) {
    const SwishParts u = swish_u(x, p.a, p.a_raw == 1);
    return f64::round(sigmoid_of(sigmoid_core<false>(u.uh, u.ul)));
  }
};

}  // namespace dops

template <> struct NarrowOf<ops::Softplus> { using type = nops::Softplus; };
template <> struct WideOf<ops::Softplus> { using type = wops::Softplus; };
template <> struct DoubleOf<ops::Softplus> { using type = dops::Softplus; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
