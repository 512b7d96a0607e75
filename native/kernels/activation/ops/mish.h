// mish(x) = x tanh(softplus(x)): the scalar twin and the double-lane and float64 forms. No
// float32-lane form: near the root of mish' plain float32 arithmetic leaves no correct digits.
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

// tanh(softplus(x)) = n / (n + 2) with n = e^x (e^x + 2), or (1 + 2t) / (1 + 2t (1 + t)) with
// t = e^-x for x > 0.
inline Split tanh_softplus_split(double x) {
  if (x > 0) {
    const double t = std::exp(-x);
    const double tt = 2 * t;
    const double num = 1 + tt;
    const double b = 1 + t;
    const double c = tt * b;
    const double cl = math::product_error(tt, b, c) + tt * math::fast_sum_error(1, t, b);
    const double den = 1 + c;
    const double q = num / den;
    return {q, math::quotient_error(num, math::sum_error(1, tt, num), den, math::sum_error(1, c, den) + cl, q)};
  }
  const double e = std::exp(x);
  const double a = 2 + e;
  const double n = e * a;
  const double nl = math::product_error(e, a, n) + e * math::fast_sum_error(2, e, a);
  const double d = n + 2;
  const double q = n / d;
  return {q, math::quotient_error(n, nl, d, math::sum_error(n, 2, d) + nl, q)};
}

// Above this, mish'(x) = 1 - (4x - 2) e^-2x + ... rounds to 1 in float64.
constexpr double kMishDerivativeOne = 40;

inline double mish_forward(double x) {
  if (x == 0) return x;  // mish(-0) = -0; the split product below would round it to +0
  if (x < -700) {
    if (x == -kInf) return 0;
    return x * std::exp(x + 700) * kEMinus700;
  }
  return times_split(x, tanh_softplus_split(x));
}

// mish'(x) for x <= 0 as e N / d^2, d = 2 + e (2 + e), N = 4 (1 + x)(1 + e) + e (2 + e (4 + e)),
// every rounding after exp recovered (see the js twin).
inline double mish_derivative_negative(double x) {
  using math::fast_sum_error;
  using math::product_error;
  using math::sum_error;
  const double e = std::exp(x);
  const double a = 2 + e;
  const double m = e * a;
  const double ml = product_error(e, a, m) + e * fast_sum_error(2, e, a);
  const double d = 2 + m;
  const double dl = sum_error(2, m, d) + ml;
  const double g = 1 + x;
  const double gl = sum_error(1, x, g);
  const double b = 1 + e;
  const double gb = g * b;
  const double gbl = product_error(g, b, gb) + g * fast_sum_error(1, e, b) + gl * b;
  const double f1 = 4 + e;
  const double f2 = e * f1;
  const double f2l = product_error(e, f1, f2) + e * fast_sum_error(4, e, f1);
  const double f3 = 2 + f2;
  const double f3l = sum_error(2, f2, f3) + f2l;
  const double t2 = e * f3;
  const double t2l = product_error(e, f3, t2) + e * f3l;
  const double n = 4 * gb + t2;
  const double nl = sum_error(4 * gb, t2, n) + 4 * gbl + t2l;
  const double num = e * n;
  return over_square(num, product_error(e, n, num) + e * nl, d, dl);
}

inline double mish_derivative(double x) {
  if (near_root(math::MISH_ROOT, x)) return math::critical_expansion(math::MISH_ROOT, x, 0);
  if (x < -700) {
    if (x == -kInf) return 0;
    return (1 + x) * std::exp(x + 700) * kEMinus700;
  }
  if (x > kMishDerivativeOne) return 1;
  if (x > 0) {
    const double t = std::exp(-x);
    const double d = 1 + 2 * t * (1 + t);
    const double q = (1 + t) * t / d;
    return (1 + 2 * t) / d + x * 4 * q * q * sigmoid(x);
  }
  return mish_derivative_negative(x);
}

struct Mish {
  static double forward(double x, ActivationParams) { return mish_forward(x); }
  static double derivative(double x, ActivationParams) { return mish_derivative(x); }
};

}  // namespace ops
namespace wops {

// tanh(softplus(x)) from a = e^-|x|: n / (n + 2), n = e (e + 2) for x <= 0; (1 + 2a) / (1 + 2a (1 + a)) above.
struct Mish {
  struct Parts {
    D r, sech2, a;
  };
  ACTFN_INLINE static Parts parts(D x) {
    const D a = vexp(set<double>(0) - abs(x));
    const D n = a * (a + set<double>(2));
    const D dn = n + set<double>(2);
    const D dp = fma(set<double>(2) * a, one() + a, one());
    const D q = (one() + a) * a / dp;
    const Mask<double> pos = gt(x, set<double>(0));
    return {select(pos, fma(set<double>(2), a, one()) / dp, n / dn), select(pos, set<double>(4) * q * q, fma(set<double>(4), n, set<double>(4)) / (dn * dn)), a};
  }
  ACTFN_INLINE static D forward(D x, const P&) { return x * parts(x).r; }
  ACTFN_INLINE static D derivative(D x, const P&) {
    const Parts m = parts(x);
    const D big = one() / (one() + m.a);  // sigmoid(|x|)
    const D sig = select(gt(x, set<double>(0)), big, m.a * big);
    return fma(x * m.sech2, sig, m.r);
  }
};

}  // namespace wops
namespace dops {

// mish(x) = x tanh(softplus(x)); tanh(softplus(x)) = n / (n + 2), n = e (2 + e), e = e^x for x <= 0,
// (1 + 2t) / (1 + 2t (1 + t)), t = e^-x above, each as a pair (tanh_softplus_split); one quotient
// for both after a per-lane select. |x| clamped at 700 for the exponential (the value is 1 there).
struct Mish {
  ACTFN_INLINE static M domain(D x, const DParams&) { return f64::mask_and(finite(x), ge(x, k(-700))); }
  ACTFN_INLINE static D forward(D x, const DParams&) {
    using f64::fast_sum_err;
    using f64::prod_err;
    using f64::sum_err;
    const D t = f64::exp(neg(f64::vmin(abs(x), k(700))));  // t (x > 0) or e (x <= 0)
    // x > 0
    const D tt = k(2.0) * t;
    const D num = one() + tt;
    const D b = one() + t;
    const D c = tt * b;
    const D cl = fma(tt, fast_sum_err(one(), t, b), prod_err(tt, b, c));
    const D den = one() + c;
    // x <= 0
    const D a2 = k(2.0) + t;
    const D n = t * a2;
    const D nl = fma(t, fast_sum_err(k(2.0), t, a2), prod_err(t, a2, n));
    const D d = n + k(2.0);
    const M pos = gt(x, zero());
    const DD q = f64::quot(select(pos, num, n), select(pos, sum_err(one(), tt, num), nl), select(pos, den, d),
                           select(pos, sum_err(one(), c, den) + cl, sum_err(n, k(2.0), d) + nl));
    return select(eq(x, zero()), x, f64::times(x, q));
  }
  ACTFN_INLINE static D derivative(D x, const DParams&) {
    using f64::fast_sum_err;
    using f64::prod_err;
    using f64::sum_err;
    const DD ep = f64::exp_dd(neg(f64::vmin(abs(x), k(700))));  // e^-|x| (t above 0, e below)
    const D t = ep.hi;
    // x > 0: (1 + 2t)/d + x 4 q^2 sigma(x), d = 1 + 2t (1 + t), q = (1 + t) t / d
    const D b = one() + t;
    const D d = one() + (k(2.0) * t) * b;
    const D rd = one() / d;
    const D q = b * t * rd;
    const D head = (one() + k(2.0) * t) * rd;
    const D head_c = ((one() + k(2.0) * t) - head * d) * rd;  // the reciprocal's rounding, recovered
    const D pos = head + (head_c + x * k(4.0) * q * q / b);
    // x <= 0: e N / d^2 (mish_derivative_negative), with e = e^x as a pair (e, el) and el carried to
    // first order through every step, so N keeps its relative accuracy near the root
    const D e = ep.hi, el = ep.lo;
    const D a = k(2.0) + e;
    const D al = fast_sum_err(k(2.0), e, a) + el;
    const D m = e * a;
    const D ml = fma(el, a, fma(e, al, prod_err(e, a, m)));
    const D dn = k(2.0) + m;
    const D dnl = sum_err(k(2.0), m, dn) + ml;
    const D g = one() + x;
    const D gl = sum_err(one(), x, g);
    const D bn = one() + e;
    const D bnl = fast_sum_err(one(), e, bn) + el;
    const D gb = g * bn;
    const D gbl = fma(gl, bn, fma(g, bnl, prod_err(g, bn, gb)));
    const D f1 = k(4.0) + e;
    const D f1l = fast_sum_err(k(4.0), e, f1) + el;
    const D f2 = e * f1;
    const D f2l = fma(el, f1, fma(e, f1l, prod_err(e, f1, f2)));
    const D f3 = k(2.0) + f2;
    const D f3l = sum_err(k(2.0), f2, f3) + f2l;
    const D t2 = e * f3;
    const D t2l = fma(el, f3, fma(e, f3l, prod_err(e, f3, t2)));
    const D n = k(4.0) * gb + t2;
    const D nl = sum_err(k(4.0) * gb, t2, n) + fma(k(4.0), gbl, t2l);
    const D num = e * n;
    const D numl = fma(el, n, fma(e, nl, prod_err(e, n, num)));
    const D negative = f64::round(f64::over_square(num, numl, dn, dnl));
    const D regular = select(gt(x, k(ops::kMishDerivativeOne)), one(), select(gt(x, zero()), pos, negative));
    return with_root(math::MISH_ROOT, x, zero(), regular, kVectorRootRadius);
  }
};

}  // namespace dops

template <> struct WideOf<ops::Mish> { using type = wops::Mish; };
template <> struct DoubleOf<ops::Mish> { using type = dops::Mish; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
