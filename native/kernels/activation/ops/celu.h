// celu(x; alpha) = max(x, 0) + min(0, alpha expm1(x / alpha)): the scalar twin and the float32-lane
// (forward), double-lane and float64 forms. celu' = e^(x/alpha) has no float32-lane form: the rounding
// of x / alpha is magnified by |x / alpha| in the tail.
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

// Below 0, celu = alpha expm1(t), t = x / alpha. Where |t| < 2^-27 that is x (1 + t/2) to 2^-55
// relative, and that form survives x / alpha underflowing (a tiny x with a large alpha gave 0:
// found by fuzzing). copysign keeps celu(-0) = -0.
// celu' = e^t: the exponential magnifies the relative error of t by |t| (55 ULP at alpha = 0.05),
// so the rounding error of x / alpha is carried into it (an exact-division correction, cheap).
struct Celu {
  static double forward(double x, ActivationParams p) {
    if (x > 0) return x;
    const double t = x / p.a;
    return std::fabs(t) < 0x1p-27 ? std::copysign(std::fma(x, 0.5 * t, x), x) : p.a * std::expm1(t);
  }
  static double derivative(double x, ActivationParams p) {
    if (x > 0) return 1.0;
    const double t = x / p.a;
    const double e = std::exp(t);
    const double t_lo = std::fma(-t, p.a, x) / p.a;  // x / alpha - t
    return std::isfinite(t_lo) ? std::fma(e, t_lo, e) : e;
  }
};

}  // namespace ops
namespace nops {

// celu(x; alpha) = alpha expm1(x / alpha) below 0: expm1's relative condition there is below 1,
// so the rounding of x / alpha costs at most half an ULP more. For |x / alpha| < 2^-13, x (1 + t/2)
// instead (to 2^-28 relative), as in the scalar twin: x / alpha may underflow.
struct Celu {
  static constexpr bool kHasDerivative = false;  // no float32-lane derivative: see the file comment
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams& p) { return within(x, p.tail_of_x_over_a); }
  ACTFN_INLINE static F forward(F x, const NarrowParams& p) {
    const F t = x / p.a;
    const F small_t = copy_sign(fma(x, set<float>(0.5f) * t, x), x);
    return select(gt(x, zero()), x, select(lt(abs(t), set<float>(0x1p-13f)), small_t, times(p.a, p.a_lo, vexpm1_f32(t))));
  }
};

}  // namespace nops
namespace wops {

struct Celu {  // the small-t form: see the scalar twin
  ACTFN_INLINE static D forward(D x, const P& p) {
    const D t = x / p.a;
    const D small_t = copy_sign(fma(x, set<double>(0.5) * t, x), x);
    return select(gt(x, set<double>(0)), x, select(lt(abs(t), set<double>(0x1p-27)), small_t, p.a * vexpm1(t)));
  }
  ACTFN_INLINE static D derivative(D x, const P& p) {  // carries x / alpha's rounding: see the scalar twin
    const D t = x / p.a;
    const D e = vexp(t);
    const D t_lo = fma(set<double>(0) - t, p.a, x) / p.a;
    const D carried = select(lt(abs(t_lo), set<double>(HUGE_VAL)), fma(e, t_lo, e), e);
    return select(gt(x, set<double>(0)), one(), carried);
  }
};

}  // namespace wops
namespace dops {

// celu: alpha expm1(x / alpha) below 0, x (1 + t/2) for |t| < 2^-27; f' = e^t with the rounding of
// t = x / alpha carried (see the scalar twin).
struct Celu {
  ACTFN_INLINE static M domain(D x, const DParams& p) {
    const D t = x / p.a;
    return f64::mask_and(finite(x), mask_or(gt(x, zero()), ge(t, k(-708))));
  }
  ACTFN_INLINE static D forward(D x, const DParams& p) {
    const D t = x / p.a;
    const DD m = f64::expm1_dd(f64::vmax(select(gt(x, zero()), zero(), t), k(-60)));
    const D small = copy_sign(fma(x, k(0.5) * t, x), x);
    return select(gt(x, zero()), x, select(lt(abs(t), k(0x1p-27)), small, p.a * f64::round(m)));
  }
  ACTFN_INLINE static D derivative(D x, const DParams& p) {
    const D t = x / p.a;
    const D e = f64::exp(select(gt(x, zero()), zero(), t));
    const D t_lo = fma(neg(t), p.a, x) / p.a;
    const D carried = select(finite(t_lo), fma(e, t_lo, e), e);
    return select(gt(x, zero()), one(), carried);
  }
};

}  // namespace dops

template <> struct NarrowOf<ops::Celu> { using type = nops::Celu; };
template <> struct WideOf<ops::Celu> { using type = wops::Celu; };
template <> struct DoubleOf<ops::Celu> { using type = dops::Celu; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
