// elu(x; alpha): the scalar twin and the float32-lane, double-lane and float64 forms.
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

struct Elu {
  static double forward(double x, ActivationParams p) { return x > 0 ? x : p.a * std::expm1(x); }
  static double derivative(double x, ActivationParams p) { return x > 0 ? 1.0 : p.a * std::exp(x); }
};

}  // namespace ops
namespace nops {

struct Elu {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams&) { return within(x, set<float>(kTail)); }
  ACTFN_INLINE static F forward(F x, const NarrowParams& p) { return select(gt(x, zero()), x, times(p.a, p.a_lo, vexpm1_f32(x))); }
  ACTFN_INLINE static F derivative(F x, const NarrowParams& p) { return select(gt(x, zero()), one(), times(p.a, p.a_lo, vexp_f32(x))); }
};

}  // namespace nops
namespace wops {

struct Elu {
  ACTFN_INLINE static D forward(D x, const P& p) { return select(gt(x, set<double>(0)), x, p.a * vexpm1(x)); }
  ACTFN_INLINE static D derivative(D x, const P& p) { return select(gt(x, set<double>(0)), one(), p.a * vexp(x)); }
};

}  // namespace wops
namespace dops {

using Elu = EluLike<false>;

}  // namespace dops

template <> struct NarrowOf<ops::Elu> { using type = nops::Elu; };
template <> struct WideOf<ops::Elu> { using type = wops::Elu; };
template <> struct DoubleOf<ops::Elu> { using type = dops::Elu; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
