// swish(x; beta) = x sigmoid(beta x): the scalar twin and the float32-lane, double-lane and float64
// forms (common_swish.h holds what silu shares).
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

struct Swish {
  static double forward(double x, ActivationParams p) { return swish_forward(x, p.a); }
  static double derivative(double x, ActivationParams p) { return swish_derivative(x, p.a); }
};

}  // namespace ops
namespace nops {

struct Swish {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams& p) { return within(x, p.tail_of_a_x); }
  ACTFN_INLINE static F forward(F x, const NarrowParams& p) {
    const FloatPair u = scaled(x, p);
    return times_sigmoid(x, x, u.hi, logistic_parts(u));
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams& p) {
    const FloatPair u = scaled(x, p);
    return silu_slope(u.hi, zero() - negative_abs_lo(u), logistic_parts(u));
  }
};

}  // namespace nops
namespace wops {

struct Swish {
  ACTFN_INLINE static D forward(D x, const P& p) { return swish_forward(x, p.a); }
  ACTFN_INLINE static D derivative(D x, const P& p) { return swish_derivative(x, p.a); }
};

}  // namespace wops
namespace dops {

using Swish = SwishLike<false>;

}  // namespace dops

template <> struct NarrowOf<ops::Swish> { using type = nops::Swish; };
template <> struct WideOf<ops::Swish> { using type = wops::Swish; };
template <> struct DoubleOf<ops::Swish> { using type = dops::Swish; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
