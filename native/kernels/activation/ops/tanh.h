// tanh: the scalar twin and the float32-lane, double-lane and float64 forms.
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

struct Tanh {
  static double forward(double x, ActivationParams) { return std::tanh(x); }
  static double derivative(double x, ActivationParams) {  // 4t / (1 + t)^2, t = e^-2|x|
    const double t = std::exp(-2 * std::fabs(x));
    const double d = 1 + t;
    return over_square(4 * t, 0, d, math::fast_sum_error(1, t, d));
  }
};

}  // namespace ops
namespace nops {

// tanh|x| = m / (m + 2), m = expm1(2|x|): no cancellation, and the quotient's relative condition
// in m is 2 / (m + 2) <= 1, so expm1's error is never magnified.
struct Tanh {
  static constexpr bool kHasDerivative = true;
  static constexpr bool kWholeDomainDerivative = true;  // logistic_slope_of takes any input
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams&) { return within(x, set<float>(kTail / 2)); }
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    const F m = vexpm1_f32(set<float>(2) * abs(x));
    return copy_sign(m / (m + set<float>(2)), x);
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) { return logistic_slope_of<true>(x + x); }
};

}  // namespace nops
namespace wops {

struct Tanh {
  ACTFN_INLINE static D forward(D x, const P&) {
    const D a = abs(x);
    const D t = vexp(set<double>(-2) * a);
    const D big = (one() - t) / (one() + t);
    const D a2 = a * a;  // below 2^-8: a - a^3/3 + 2a^5/15 - 17a^7/315, no cancellation
    const D small = a * fma(a2, fma(a2, fma(a2, set<double>(-17.0 / 315), set<double>(2.0 / 15)), set<double>(-1.0 / 3)), one());
    return copy_sign(select(lt(a, set<double>(1.0 / 256)), small, big), x);
  }
  ACTFN_INLINE static D derivative(D x, const P&) { return set<double>(4) * square_ratio(vexp(set<double>(-2) * abs(x))); }
};

}  // namespace wops
namespace dops {

// tanh |x| = -m / (2 + m), m = expm1(-2|x|) as a pair; |x| clamped at 40 (tanh = 1 there).
struct Tanh {
  ACTFN_INLINE static M domain(D x, const DParams&) { return le(abs(x), k(354)); }
  ACTFN_INLINE static D forward(D x, const DParams&) {
    const D a = f64::vmin(abs(x), k(40));
    const DD m = f64::expm1_dd(k(-2.0) * a);
    const D den = k(2.0) + m.hi;
    const D denl = f64::fast_sum_err(k(2.0), m.hi, den) + m.lo;
    return copy_sign(f64::round(f64::quot(neg(m.hi), neg(m.lo), den, denl)), x);
  }
  ACTFN_INLINE static D derivative(D x, const DParams&) {  // 4t / (1 + t)^2, t = e^-2|x|
    const D t = f64::exp(k(-2.0) * abs(x));  // rounded, as the twin's
    const D d = one() + t;
    return f64::round(f64::over_square(k(4.0) * t, zero(), d, f64::fast_sum_err(one(), t, d)));
  }
};

}  // namespace dops

template <> struct NarrowOf<ops::Tanh> { using type = nops::Tanh; };
template <> struct WideOf<ops::Tanh> { using type = wops::Tanh; };
template <> struct DoubleOf<ops::Tanh> { using type = dops::Tanh; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
