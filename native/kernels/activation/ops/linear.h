// linear(x) = x: the scalar twin and the vector form.
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

struct Linear {
  static double forward(double x, ActivationParams) { return x; }
  static double derivative(double x, ActivationParams) { return is_nan(x) ? x : 1.0; }
};

}  // namespace ops
namespace vops {

struct Linear {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) { return x; }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) { return select(is_nan(x), x, set<T>(1)); }
};

}  // namespace vops

template <> struct VectorOf<ops::Linear> { using type = vops::Linear; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
