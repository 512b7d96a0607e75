// hardSwish(x) = x hardSigmoid(x): the scalar twin and the vector form.
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

struct HardSwish {
  static double forward(double x, ActivationParams) { return x <= -3 ? 0.0 : x >= 3 ? x : x * (x + 3) / 6; }
  static double derivative(double x, ActivationParams) { return x < -3 ? 0.0 : x > 3 ? 1.0 : (2 * x + 3) / 6; }
};

}  // namespace ops
namespace vops {

struct HardSwish {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) {
    const Vec<T> above = max(set<T>(-3), x);  // -3 for x <= -3, so the product is 0 (NaN stays)
    return select(gt(x, set<T>(3)), x, divide_by_six(above * (above + set<T>(3))));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) {
    return select(lt(x, set<T>(-3)), set<T>(0), select(gt(x, set<T>(3)), set<T>(1), (x + x + set<T>(3)) / set<T>(6)));
  }
};

}  // namespace vops

template <> struct VectorOf<ops::HardSwish> { using type = vops::HardSwish; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
