// gelu(x) = x Phi(x): the scalar twin and the float32-lane, double-lane and float64 forms.
#pragma once

#include <cmath>

#include "../../kernels.h"
#include "../../math/dd.h"
#include "../../math/erfc.h"
#include "../../simd/vec.h"
#include "../../simd/vexp.h"
#include "../../simd/vmath_f32.h"
#include "../../simd/vmath_f64.h"
#include "../../simd/vnormal.h"
#include "../../simd/vnormal_f32.h"
#include "common_basics.h"
#include "common_compensated.h"
#include "common_forms.h"
#include "common_logistic.h"
#include "common_params.h"
#include "common_roots.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

constexpr double kSqrtHalfPi = 1.2533141373155003;

constexpr double kInvSqrt2Pi = 0.3989422804014327;

constexpr double kSqrtHalf = 0.70710678118654752440;

// Below this, |gelu| and |gelu'| < 2^-1075: they round to -0.
constexpr double kGeluUnderflow = -40;

// exp(-x^2/2) * e^700 for x^2/2 in [350, 1400], with x^2 carried exactly.
inline double half_square_exp_scaled(double x) {
  const double h = x * x;
  const double l = math::product_error(x, x, h);
  return std::exp(700 - 0.5 * h) * (1 - 0.5 * l);
}

constexpr double kGeluTail = -27;

inline double gelu_forward(double x) {
  if (x < kGeluTail) {
    if (x < kGeluUnderflow) return -0.0;
    return x * 0.5 * math::erfcx(-x * kSqrtHalf) * half_square_exp_scaled(x) * kEMinus700;
  }
  return x * math::normal_cdf(x);
}

inline double gelu_derivative(double x) {
  if (near_root(math::GELU_ROOT, x)) return math::critical_expansion(math::GELU_ROOT, x, 0);
  if (x < kGeluTail) {
    if (x < kGeluUnderflow) return -0.0;
    return (x + kSqrtHalfPi * math::erfcx(-x * kSqrtHalf)) * kInvSqrt2Pi * half_square_exp_scaled(x) * kEMinus700;
  }
  if (x == kInf) return 1;
  return math::normal_cdf(x) + x * math::normal_pdf(x);
}

struct Gelu {
  static double forward(double x, ActivationParams) { return gelu_forward(x); }
  static double derivative(double x, ActivationParams) { return gelu_derivative(x); }
};

}  // namespace ops
namespace nops {

// gelu(x) = x Phi(x). For x >= 0: x - t Q(t) in one fma (Q <= 1/2, so no cancellation); for x < 0:
// -t Q(t), with -t multiplied in before the scaling, so results in the subnormal range round once.
// gelu' = Phi(x) + x phi(x) = 1 - D (x >= 0) or D (x < 0), D = Q(t) - t phi(t) with its root
// factored out (simd/vnormal_f32.h). Every input runs here: beyond |x| = 15 the clamped t gives
// x (or 1) above and -0 below, and NaN propagates through the arithmetic.
struct Gelu {
  static constexpr bool kHasDerivative = true;
  static constexpr bool kWholeDomain = true;
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    const F nt = negative_tail_arg(x);
    const NormalTail n = normal_tail(nt);
    const F q = normal_q_unscaled(n);
    return select(ge(x, zero()), fma(nt, scale_pow2(q, n.gauss.m), x), scale_pow2(nt * q, n.gauss.m));
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) {
    const F nt = negative_tail_arg(x);
    const NormalTail n = normal_tail(nt);
    const F d = scale_pow2(normal_q_minus_t_pdf_unscaled(nt, n), n.gauss.m);
    return select(ge(x, zero()), one() - d, d);
  }
};

}  // namespace nops
namespace wops {

// gelu(x) = x Phi(x); gelu' = Phi(x) + x phi(x).
struct Gelu {
  ACTFN_INLINE static D forward(D x, const P&) { return x * vnormal(x).cdf; }
  ACTFN_INLINE static D derivative(D x, const P&) {
    const NormalParts n = vnormal(x);
    return fma(x, n.pdf, n.cdf);
  }
};

}  // namespace wops
namespace dops {

// gelu(x) = x Phi(x), gelu'(x) = Phi(x) + x phi(x), Phi and e^(-x^2/2) as pairs (f64::normal_dd).
// Above 9 gelu = x and gelu' = 1 to float64; below -27 the twin's scaled tail (scalar).
struct Gelu {
  ACTFN_INLINE static M domain(D x, const DParams&) { return f64::mask_and(finite(x), ge(x, k(ops::kGeluTail))); }
  ACTFN_INLINE static D forward(D x, const DParams&) {
    const f64::NormalDD n = f64::normal_dd(f64::vmin(x, k(9)));
    return select(gt(x, k(9)), x, f64::times(x, n.cdf));
  }
  ACTFN_INLINE static D derivative(D x, const DParams&) {
    namespace g = ::actfn::math::generated;
    const D xc = f64::vmin(x, k(9));
    const f64::NormalDD n = f64::normal_dd(xc);
    // phi = gauss / sqrt(2 pi) as a pair, then Phi + x phi with the products and sum compensated
    const D ph = n.gauss.hi * k(g::INV_SQRT_2PI_HI);
    const D pl = fma(n.gauss.hi, k(g::INV_SQRT_2PI_LO), fma(n.gauss.lo, k(g::INV_SQRT_2PI_HI), f64::prod_err(n.gauss.hi, k(g::INV_SQRT_2PI_HI), ph)));
    const D xp = xc * ph;
    const D xpl = fma(xc, pl, f64::prod_err(xc, ph, xp));
    const D s = n.cdf.hi + xp;
    const D regular = s + ((f64::sum_err(n.cdf.hi, xp, s) + n.cdf.lo) + xpl);
    // Phi carries erfcx's ~2^-54: the twin's full radius
    const D r = with_root(math::GELU_ROOT, xc, zero(), regular, math::GELU_ROOT.radius);
    return select(gt(x, k(9)), one(), r);
  }
};

}  // namespace dops

template <> struct NarrowOf<ops::Gelu> { using type = nops::Gelu; };
template <> struct WideOf<ops::Gelu> { using type = wops::Gelu; };
template <> struct DoubleOf<ops::Gelu> { using type = dops::Gelu; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
