// hardSigmoid(x) = clamp((x + 3) / 6, 0, 1): the scalar twin and the vector form.
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

struct HardSigmoid {
  static double forward(double x, ActivationParams) { return x <= -3 ? 0.0 : x >= 3 ? 1.0 : (x + 3) / 6; }
  static double derivative(double x, ActivationParams) { return indicator(x, -3, 3) / 6; }
};

}  // namespace ops
namespace vops {

struct HardSigmoid {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) {
    // clamped first, so the quotient is 0 and 1 at the ends (min and max return their second
    // operand, x, when it is NaN)
    return divide_by_six(min(set<T>(3), max(set<T>(-3), x)) + set<T>(3));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) {
    return indicator(x, set<T>(-3), set<T>(3)) * set<T>(static_cast<T>(1) / static_cast<T>(6));  // 0, 1 or NaN: exact
  }
};

}  // namespace vops

template <> struct VectorOf<ops::HardSigmoid> { using type = vops::HardSigmoid; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
