// hardTanh(x; min, max) = clamp(x, min, max): the scalar twin and the vector form.
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

struct HardTanh {
  static double forward(double x, ActivationParams p) { return x < p.a ? p.a : x > p.b ? p.b : x; }
  static double derivative(double x, ActivationParams p) { return indicator(x, p.a, p.b); }
};

}  // namespace ops
namespace vops {

struct HardTanh {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>& p) {
    return select(lt(x, p.a_up), p.a, select(gt(x, p.b_down), p.b, x));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>& p) { return indicator(x, p.a_down, p.b_up); }
};

}  // namespace vops

template <> struct VectorOf<ops::HardTanh> { using type = vops::HardTanh; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
