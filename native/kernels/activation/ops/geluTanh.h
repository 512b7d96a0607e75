// geluTanh(x) = x sigmoid(2 sqrt(2/pi) (x + 0.044715 x^3)): the scalar twin and the float32-lane
// (forward), double-lane and float64 forms. geluTanh' has no float32-lane form: near its root plain
// float32 arithmetic leaves no correct digits.
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
#include "common_roots.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

// 2 sqrt(2/pi) and 0.044715 as double-doubles (hi + lo), from mpmath.
constexpr double kGeluTanhC = 1.5957691216057308;
constexpr double kGeluTanhCLo = -9.96930880911092e-17;
constexpr double kGeluTanhK = 0.044715;
constexpr double kGeluTanhKLo = 2.1960211427085595e-18;

// v = c (x + k x^3) and w = c k x^3 as double-doubles (c = 2 sqrt(2/pi), k = 0.044715): v feeds
// exp, and x v'(x) = v + 2 w is the term that cancels in the derivative.
struct GeluTanhParts {
  Scaled v, w;
};
inline GeluTanhParts gelu_tanh_parts(double x) {
  const double x2 = x * x;
  const double x2l = math::product_error(x, x, x2);
  const double kx2 = kGeluTanhK * x2;
  const double kx2l = math::product_error(kGeluTanhK, x2, kx2) + kGeluTanhK * x2l + kGeluTanhKLo * x2;
  const double t = 1 + kx2;
  const double tl = math::sum_error(1, kx2, t) + kx2l;
  const double cx = kGeluTanhC * x;
  const double cxl = math::product_error(kGeluTanhC, x, cx) + kGeluTanhCLo * x;
  const double v = cx * t;
  const double w = cx * kx2;
  return {{v, math::product_error(cx, t, v) + cx * tl + cxl * t}, {w, math::product_error(cx, kx2, w) + cx * kx2l + cxl * kx2}};
}

constexpr double kGeluTanhUpper = 20;
constexpr double kGeluTanhLower = -25;

inline double gelu_tanh_forward(double x) {
  if (x > kGeluTanhUpper) return x;
  if (x < kGeluTanhLower) return is_nan(x) ? x : 0.0;
  const Scaled v = gelu_tanh_parts(x).v;
  if (v.hi < -700) return x * (std::exp(v.hi + 700) * (1 + v.lo)) * kEMinus700;
  return times_split(x, sigmoid_split(v.hi, v.lo));
}

inline double gelu_tanh_derivative(double x) {
  if (near_root(math::GELU_TANH_ROOT, x)) return math::critical_expansion(math::GELU_TANH_ROOT, x, 0);
  if (x > kGeluTanhUpper) return 1;
  if (x < kGeluTanhLower) return is_nan(x) ? x : 0.0;
  const GeluTanhParts p = gelu_tanh_parts(x);
  const Scaled& v = p.v;
  // x v'(x) = v + 2w, as a double-double
  const double s = v.hi + 2 * p.w.hi;
  const double sl = math::sum_error(v.hi, 2 * p.w.hi, s) + v.lo + 2 * p.w.lo;
  if (v.hi < -700) return (1 + s) * (std::exp(v.hi + 700) * (1 + v.lo)) * kEMinus700;
  if (x >= 0) return sigmoid2(v.hi, v.lo) * (1 + sigmoid2(-v.hi, -v.lo) * s);
  return one_plus_over_square(s, sl, std::exp(v.hi), v.lo);
}

struct GeluTanh {
  static double forward(double x, ActivationParams) { return gelu_tanh_forward(x); }
  static double derivative(double x, ActivationParams) { return gelu_tanh_derivative(x); }
};

}  // namespace ops
namespace nops {

// geluTanh(x) = x sigmoid(v), v = c x (1 + k x^2), c = 2 sqrt(2/pi), k = 0.044715: v is carried
// as a pair because the sigmoid's tail magnifies its relative error by |v|. Beyond |x| = 9.5
// (|v| near 80) the double-lane form takes over.
struct GeluTanh {
  static constexpr bool kHasDerivative = false;  // geluTanh' has a root: see the file comment
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams&) { return within(x, set<float>(9.5f)); }
  ACTFN_INLINE static FloatPair v_of(F x) {
    const FloatPair c = constant(ops::kGeluTanhC), k = constant(ops::kGeluTanhK);
    const FloatPair x2 = times_pair(x, x);
    const FloatPair kx2 = times_pair(k.hi, x2.hi);
    FloatPair w = two_sum(one(), kx2.hi);  // 1 + k x^2
    w.lo = w.lo + (kx2.lo + fma(k.hi, x2.lo, k.lo * x2.hi));
    FloatPair cx = times_pair(c.hi, x);
    cx.lo = fma(c.lo, x, cx.lo);
    FloatPair v = times_pair(cx.hi, w.hi);
    v.lo = v.lo + fma(cx.hi, w.lo, cx.lo * w.hi);
    return v;
  }
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    const FloatPair v = v_of(x);
    return times_sigmoid(x, x, v.hi, logistic_parts(v));
  }
};

}  // namespace nops
namespace wops {

// geluTanh(x) = x sigmoid(v), v = c (x + k x^3), c = 2 sqrt(2/pi), k = 0.044715.
struct GeluTanh {
  ACTFN_INLINE static D v_of(D x) { return set<double>(ops::kGeluTanhC) * x * fma(set<double>(ops::kGeluTanhK) * x, x, one()); }
  ACTFN_INLINE static D forward(D x, const P&) { return x * sigmoid_pair(v_of(x)).pos; }
  ACTFN_INLINE static D derivative(D x, const P&) {
    const SigmoidPair s = sigmoid_pair(v_of(x));
    const D dv = set<double>(ops::kGeluTanhC) * fma(set<double>(3 * ops::kGeluTanhK) * x, x, one());
    return s.pos * fma(x * s.neg, dv, one());
  }
};

}  // namespace wops
namespace dops {

// geluTanh(x) = x sigma(v), v = c (x + k x^3) as a pair; x v'(x) = v + 2w (gelu_tanh_parts).
struct GeluTanhParts {
  D vh, vl, wh, wl;
};
ACTFN_INLINE GeluTanhParts gelu_tanh_parts(D x) {
  using f64::prod_err;
  using f64::sum_err;
  const D kk = k(ops::kGeluTanhK), c = k(ops::kGeluTanhC);
  const D x2 = x * x;
  const D x2l = prod_err(x, x, x2);
  const D kx2 = kk * x2;
  const D kx2l = fma(k(ops::kGeluTanhKLo), x2, fma(kk, x2l, prod_err(kk, x2, kx2)));
  const D t = one() + kx2;
  const D tl = sum_err(one(), kx2, t) + kx2l;
  const D cx = c * x;
  const D cxl = fma(k(ops::kGeluTanhCLo), x, prod_err(c, x, cx));
  const D v = cx * t;
  const D w = cx * kx2;
  return {v, fma(cxl, t, fma(cx, tl, prod_err(cx, t, v))), w, fma(cxl, kx2, fma(cx, kx2l, prod_err(cx, kx2, w)))};
}

struct GeluTanh {
  // Above 20 the twin returns x (f' = 1); v < -700 from x < -20.9 takes its scaled tail.
  ACTFN_INLINE static M domain(D x, const DParams&) { return f64::mask_and(ge(x, k(-20)), finite(x)); }
  ACTFN_INLINE static D forward(D x, const DParams&) {
    const D xc = f64::vmin(x, k(20));
    const GeluTanhParts g = gelu_tanh_parts(xc);
    return select(gt(x, k(ops::kGeluTanhUpper)), x, f64::times(x, sigmoid_of(sigmoid_core(g.vh, g.vl))));
  }
  ACTFN_INLINE static D derivative(D x, const DParams&) {
    const D xc = f64::vmin(x, k(20));
    const GeluTanhParts g = gelu_tanh_parts(xc);
    const D s = g.vh + k(2.0) * g.wh;
    const D sl = f64::sum_err(g.vh, k(2.0) * g.wh, s) + fma(k(2.0), g.wl, g.vl);
    const D regular = sigmoid_one_plus(sigmoid_core(g.vh, g.vl), s, sl);
    const D r = with_root(math::GELU_TANH_ROOT, x, zero(), regular, kVectorRootRadius);
    return select(gt(x, k(ops::kGeluTanhUpper)), one(), r);
  }
};

}  // namespace dops

template <> struct NarrowOf<ops::GeluTanh> { using type = nops::GeluTanh; };
template <> struct WideOf<ops::GeluTanh> { using type = wops::GeluTanh; };
template <> struct DoubleOf<ops::GeluTanh> { using type = dops::GeluTanh; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
