// sigmoid(x) = 1 / (1 + e^-x): the scalar twin and the float32-lane, double-lane and float64 forms.
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

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

struct Sigmoid {
  static double forward(double x, ActivationParams) { return sigmoid(x); }
  static double derivative(double x, ActivationParams) {  // t / (1 + t)^2, t = e^-|x|
    const double t = std::exp(-std::fabs(x));
    const double d = 1 + t;
    return over_square(t, 0, d, math::fast_sum_error(1, t, d));
  }
};

}  // namespace ops
namespace nops {

struct Sigmoid {
  static constexpr bool kHasDerivative = true;
  static constexpr bool kWholeDomain = true;
  ACTFN_INLINE static F forward(F x, const NarrowParams&) { return sigmoid_value(x, logistic_parts(x)); }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) { return logistic_slope_of(x); }
};

}  // namespace nops
namespace wops {

struct Sigmoid {
  ACTFN_INLINE static D forward(D x, const P&) { return sigmoid_pair(x).pos; }
  ACTFN_INLINE static D derivative(D x, const P&) { return square_ratio(vexp(set<double>(0) - abs(x))); }
};

}  // namespace wops
namespace dops {

struct Sigmoid {
  ACTFN_INLINE static M domain(D x, const DParams&) { return le(abs(x), k(708)); }
  ACTFN_INLINE static D forward(D x, const DParams&) { return f64::round(sigmoid_of(sigmoid_core<false>(x, zero()))); }
  // e / (1 + e)^2, e = e^-|x| rounded: no cancellation anywhere, so four roundings after exp's
  // 0.55 ULP (1 + e, its square, the quotient) keep it within ~2.6 ULP of the 8 allowed, at a
  // third fewer operations than the compensated quotient.
  ACTFN_INLINE static D derivative(D x, const DParams&) {
    const D e = f64::exp(neg(abs(x)));
    const D d = one() + e;
    return e / (d * d);
  }
};

}  // namespace dops

template <> struct NarrowOf<ops::Sigmoid> { using type = nops::Sigmoid; };
template <> struct WideOf<ops::Sigmoid> { using type = wops::Sigmoid; };
template <> struct DoubleOf<ops::Sigmoid> { using type = dops::Sigmoid; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
