// relu(x) = max(x, 0): the scalar twin and the vector form.
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

struct Relu {
  static double forward(double x, ActivationParams) { return x > 0 ? x : is_nan(x) ? x : 0.0; }
  static double derivative(double x, ActivationParams) { return x > 0 ? 1.0 : is_nan(x) ? x : 0.0; }
};

}  // namespace ops
namespace vops {

struct Relu {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) {
    return select(mask_or(gt(x, set<T>(0)), is_nan(x)), x, set<T>(0));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) {
    return select(gt(x, set<T>(0)), set<T>(1), select(is_nan(x), x, set<T>(0)));
  }
};

}  // namespace vops

template <> struct VectorOf<ops::Relu> { using type = vops::Relu; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
