// silu(x) = x sigmoid(x): the scalar twin and the float32-lane, double-lane and float64 forms, on
// swish's shared parts (common_swish.h).
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

struct Silu {
  static double forward(double x, ActivationParams) { return swish_forward(x, 1); }
  static double derivative(double x, ActivationParams) { return swish_derivative(x, 1); }
};

}  // namespace ops
namespace nops {

struct Silu {
  static constexpr bool kHasDerivative = true;
  static constexpr bool kWholeDomain = true;
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    const LogisticParts l = logistic_parts(x);
    return times_sigmoid(x, l.z, x, l);
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) { return silu_slope(x, zero(), logistic_parts(x)); }
};

}  // namespace nops
namespace wops {

struct Silu {
  ACTFN_INLINE static D forward(D x, const P&) { return swish_forward(x, one()); }
  ACTFN_INLINE static D derivative(D x, const P&) { return swish_derivative(x, one()); }
};

}  // namespace wops
namespace dops {

using Silu = SwishLike<true>;

}  // namespace dops

template <> struct NarrowOf<ops::Silu> { using type = nops::Silu; };
template <> struct WideOf<ops::Silu> { using type = wops::Silu; };
template <> struct DoubleOf<ops::Silu> { using type = dops::Silu; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
