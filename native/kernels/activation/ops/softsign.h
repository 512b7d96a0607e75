// softsign(x) = x / (1 + |x|): the scalar twin, the vector form, and the float64 form. Float64
// arrays run the float64 form, not the vector form: it carries 1 + |x| as a pair and rounds once at
// the end.
#pragma once

#include <cmath>

#include "../../kernels.h"
#include "../../math/dd.h"
#include "../../simd/vec.h"
#include "../../simd/vexp.h"
#include "../../simd/vmath_f32.h"
#include "../../simd/vmath_f64.h"
#include "common_basics.h"
#include "common_compensated.h"
#include "common_forms.h"
#include "common_logistic.h"
#include "common_params.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

struct Softsign {
  static double forward(double x, ActivationParams) {
    return x == kInf ? 1.0 : x == -kInf ? -1.0 : x / (1 + std::fabs(x));
  }
  static double derivative(double x, ActivationParams) {  // 1 / (1 + |x|)^2
    const double a = std::fabs(x);
    const double s = 1 + a;
    if (!(a < 1e150)) {  // the square would overflow; 1/s squared is exact enough out there
      const double d = 1 / s;
      return d * d;
    }
    return over_square(1, 0, s, math::sum_error(1, a, s));
  }
};

}  // namespace ops
namespace vops {

struct Softsign {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) {
    return select(is_inf(x), copy_sign(set<T>(1), x), x / (set<T>(1) + abs(x)));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) {
    const Vec<T> d = set<T>(1) / (set<T>(1) + abs(x));
    return d * d;
  }
};

}  // namespace vops
namespace dops {

// softsign(x) = x / (1 + |x|) and softsign' = 1 / (1 + |x|)^2 with 1 + |x| as a pair (the twin's
// over_square for f'): correctly rounded but for the final rounding. |x| >= 1e150 to the twin.
struct Softsign {
  ACTFN_INLINE static M domain(D x, const DParams&) { return lt(abs(x), k(1e150)); }
  ACTFN_INLINE static D forward(D x, const DParams&) {
    const D a = abs(x);
    const D s = one() + a;
    return copy_sign(f64::round(f64::quot(x, zero(), s, f64::sum_err(one(), a, s))), x);
  }
  ACTFN_INLINE static D derivative(D x, const DParams&) {
    const D a = abs(x);
    const D s = one() + a;
    return f64::round(f64::over_square(one(), zero(), s, f64::sum_err(one(), a, s)));
  }
};

}  // namespace dops

template <> struct VectorOf<ops::Softsign> { using type = vops::Softsign; };
template <> struct DoubleOf<ops::Softsign> { using type = dops::Softsign; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
