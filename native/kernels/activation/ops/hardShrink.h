// hardShrink(x; lambd): the scalar twin and the vector form.
#pragma once

#include <cmath>

#include "../../kernels.h"
#include "../../simd/vec.h"
#include "common_basics.h"
#include "common_forms.h"
#include "common_params.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

struct HardShrink {
  static double forward(double x, ActivationParams p) { return std::fabs(x) > p.a ? x : is_nan(x) ? x : 0.0; }
  static double derivative(double x, ActivationParams p) { return std::fabs(x) > p.a ? 1.0 : is_nan(x) ? x : 0.0; }
};

}  // namespace ops
namespace vops {

struct HardShrink {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>& p) {
    return select(mask_or(gt(abs(x), p.a_down), is_nan(x)), x, set<T>(0));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>& p) {
    return select(gt(abs(x), p.a_down), set<T>(1), select(is_nan(x), x, set<T>(0)));
  }
};

}  // namespace vops

template <> struct VectorOf<ops::HardShrink> { using type = vops::HardShrink; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
