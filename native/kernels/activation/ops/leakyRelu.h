// leakyRelu(x; alpha): the scalar twin and the vector form.
#pragma once

#include <cmath>
#include <limits>

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
    const Mask<T> positive = gt(x, set<T>(0));
    if constexpr (sizeof(T) == sizeof(double)) {
      return select(positive, x, p.a * x);  // alpha is exact
    } else {
      // alpha x = (a + a_lo) x in one rounding of a x + RN(a_lo x): within 2^-24 ulp of half an
      // ulp. An infinite x stays out of a_lo x (inf - inf in the fma), which only needs x's size.
      const Vec<T> a_lo_x = p.a_lo * max(x, set<T>(std::numeric_limits<T>::lowest()));
      return select(positive, x, fma(p.a, x, a_lo_x));
    }
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>& p) {
    return select(gt(x, set<T>(0)), set<T>(1), select(is_nan(x), x, p.a));
  }
};

}  // namespace vops

template <> struct VectorOf<ops::LeakyRelu> { using type = vops::LeakyRelu; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
