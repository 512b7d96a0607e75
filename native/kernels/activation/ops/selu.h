// selu(x) = scale elu(x; alpha) with SELU's fixed constants: the scalar twin and the
// float32-lane, double-lane and float64 forms.
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
#include "common_elu.h"
#include "common_forms.h"
#include "common_logistic.h"
#include "common_params.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

struct Selu {
  static double forward(double x, ActivationParams) { return x > 0 ? kSeluScale * x : kSeluScaleAlpha * std::expm1(x); }
  static double derivative(double x, ActivationParams) { return x > 0 ? kSeluScale : kSeluScaleAlpha * std::exp(x); }
};

}  // namespace ops
namespace nops {

struct Selu {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static F scale_hi() { return set<float>(static_cast<float>(ops::kSeluScale)); }
  ACTFN_INLINE static F scale_lo() { return set<float>(static_cast<float>(ops::kSeluScale - static_cast<double>(static_cast<float>(ops::kSeluScale)))); }
  ACTFN_INLINE static F scale_alpha_hi() { return set<float>(static_cast<float>(ops::kSeluScaleAlpha)); }
  ACTFN_INLINE static F scale_alpha_lo() {
    return set<float>(static_cast<float>(ops::kSeluScaleAlpha - static_cast<double>(static_cast<float>(ops::kSeluScaleAlpha))));
  }
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams&) { return within(x, set<float>(kTail)); }
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    return select(gt(x, zero()), times(scale_hi(), scale_lo(), x), times(scale_alpha_hi(), scale_alpha_lo(), vexpm1_f32(x)));
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) {
    return select(gt(x, zero()), scale_hi(), times(scale_alpha_hi(), scale_alpha_lo(), vexp_f32(x)));
  }
};

}  // namespace nops
namespace wops {

struct Selu {
  ACTFN_INLINE static D forward(D x, const P&) {
    return select(gt(x, set<double>(0)), set<double>(ops::kSeluScale) * x, set<double>(ops::kSeluScaleAlpha) * vexpm1(x));
  }
  ACTFN_INLINE static D derivative(D x, const P&) {
    return select(gt(x, set<double>(0)), set<double>(ops::kSeluScale), set<double>(ops::kSeluScaleAlpha) * vexp(x));
  }
};

}  // namespace wops
namespace dops {

using Selu = EluLike<true>;

}  // namespace dops

template <> struct NarrowOf<ops::Selu> { using type = nops::Selu; };
template <> struct WideOf<ops::Selu> { using type = wops::Selu; };
template <> struct DoubleOf<ops::Selu> { using type = dops::Selu; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
