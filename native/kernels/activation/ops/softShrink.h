// softShrink(x; lambd): the scalar twin and the vector form.
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

// p.a = lambd >= 0. PyTorch's conventions: f'(+-lambd) = 0; NaN stays NaN.
struct SoftShrink {
  static double forward(double x, ActivationParams p) { return x > p.a ? x - p.a : x < -p.a ? x + p.a : is_nan(x) ? x : 0.0; }
  static double derivative(double x, ActivationParams p) { return std::fabs(x) > p.a ? 1.0 : is_nan(x) ? x : 0.0; }
};

}  // namespace ops
namespace vops {

// |x| > lambd is tested against lambd rounded down to T (exact, see round_down); x - lambd is
// formed as (x - a) - a_lo, so a lambd with no exact T form costs at most one more rounding.
struct SoftShrink {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>& p) {
    const Vec<T> zero_or_nan = select(is_nan(x), x, set<T>(0));
    const Vec<T> above = (x - p.a) - p.a_lo;
    const Vec<T> below = (x + p.a) + p.a_lo;
    return select(gt(x, p.a_down), above, select(lt(x, set<T>(0) - p.a_down), below, zero_or_nan));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>& p) {
    return select(gt(abs(x), p.a_down), set<T>(1), select(is_nan(x), x, set<T>(0)));
  }
};

}  // namespace vops

template <> struct VectorOf<ops::SoftShrink> { using type = vops::SoftShrink; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
