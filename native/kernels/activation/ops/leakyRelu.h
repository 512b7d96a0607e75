// leakyRelu(x; alpha): the scalar twin and the vector form.
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

struct LeakyRelu {
  static double forward(double x, ActivationParams p) { return x > 0 ? x : p.a * x; }
  static double derivative(double x, ActivationParams p) { return x > 0 ? 1.0 : is_nan(x) ? x : p.a; }
};

}  // namespace ops
namespace vops {

struct LeakyRelu {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>& p) {
    const Vec<T> ax = p.a * x;  // + its exact rounding error + what a lost: alpha * x rounded once
    const Vec<T> rounded_once = select(is_inf(ax), ax, ax + fma(p.a_lo, x, fma(p.a, x, set<T>(0) - ax)));
    return select(gt(x, set<T>(0)), x, rounded_once);
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>& p) {
    return select(gt(x, set<T>(0)), set<T>(1), select(is_nan(x), x, p.a));
  }
};

}  // namespace vops

template <> struct VectorOf<ops::LeakyRelu> { using type = vops::LeakyRelu; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
