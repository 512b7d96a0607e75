// relu6(x) = clamp(x, 0, 6): the scalar twin and the vector form.
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

struct Relu6 {
  static double forward(double x, ActivationParams) { return x <= 0 ? 0.0 : x >= 6 ? 6.0 : x; }
  static double derivative(double x, ActivationParams) { return indicator(x, 0, 6); }
};

}  // namespace ops
namespace vops {

struct Relu6 {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) {
    return select(le(x, set<T>(0)), set<T>(0), select(ge(x, set<T>(6)), set<T>(6), x));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) { return indicator(x, set<T>(0), set<T>(6)); }
};

}  // namespace vops

template <> struct VectorOf<ops::Relu6> { using type = vops::Relu6; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
