// Scalar float64 definitions of every activation and its derivative: the native twin of
// src/backend/js/activations.ts (same algorithms, same accuracy notes; read that file's header).
// Float32 kernels evaluate these in double and round once on store.
//
// Accuracy (measured against mpmath fixtures, test/accuracy): float64 forward <= 4 ULP and
// derivative <= 8 ULP on |x| <= 4, relative error <= 2^-40 beyond; float32 <= 1 ULP.
#pragma once

#include <cmath>
#include <limits>

#include "../kernels.h"
#include "../math/critical_points.h"
#include "../math/dd.h"
#include "../math/erfc.h"

#ifndef ACTFN_TARGET
#error "compile kernel sources once per target with ACTFN_TARGET defined (see targets.h)"
#endif

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

constexpr double kEMinus700 = 9.85967654375977e-305;  // e^-700, the deep-tail scale
constexpr double kSeluScale = 1.0507009873554804934193349852946;
constexpr double kSeluScaleAlpha = 1.7580993408473768;
constexpr double kSqrtHalfPi = 1.2533141373155003;
constexpr double kInvSqrt2Pi = 0.3989422804014327;
constexpr double kSqrtHalf = 0.70710678118654752440;
// 2 sqrt(2/pi) and 0.044715 as double-doubles (hi + lo), from mpmath.
constexpr double kGeluTanhC = 1.5957691216057308;
constexpr double kGeluTanhCLo = -9.96930880911092e-17;
constexpr double kGeluTanhK = 0.044715;
constexpr double kGeluTanhKLo = 2.1960211427085595e-18;
constexpr double kInf = std::numeric_limits<double>::infinity();

inline bool is_nan(double x) { return x != x; }

// A value as hi + lo, from the compensated evaluations below (see the js twin's file comment).
struct Split {
  double hi, lo;
};

// sigmoid(h + l) for a double-double argument, every rounding after exp recovered.
inline Split sigmoid_split(double h, double l) {
  if (h < 0) {
    const double e = std::exp(h);
    const double el = e * l;
    const double d = 1 + e;
    const double q = e / d;
    return {q, math::quotient_error(e, el, d, math::fast_sum_error(1, e, d) + el, q)};
  }
  const double t = std::exp(-h);
  const double d = 1 + t;
  const double q = 1 / d;
  return {q, math::quotient_error(1, 0, d, math::fast_sum_error(1, t, d) - t * l, q)};
}

inline double sigmoid2(double h, double l) {
  const Split s = sigmoid_split(h, l);
  return s.hi + s.lo;
}

inline double sigmoid(double x) { return sigmoid2(x, 0); }

// x * (hi + lo) rounded once.
inline double times_split(double x, Split s) {
  const double p = x * s.hi;
  if (!std::isfinite(p)) return p;
  return p + (math::product_error(x, s.hi, p) + x * s.lo);
}

// (a + al) / (d + dl)^2 rounded once: the shape of sigmoid', tanh', softsign' and silu'.
inline double over_square(double a, double al, double d, double dl) {
  const double q = d * d;
  const double r = a / q;
  return r + math::quotient_error(a, al, q, math::product_error(d, d, q) + 2 * d * dl, r);
}

// E (1 + S + E) / (1 + E)^2 for S = s + sl and E = e (1 + e_rel): silu' for u < 0 and geluTanh'
// for x < 0, without the textbook form's cancellation (see the js twin).
inline double one_plus_over_square(double s, double sl, double e, double e_rel) {
  const double el = e * e_rel;
  const double d = 1 + e;
  const double dl = math::fast_sum_error(1, e, d) + el;
  const double m = 1 + s;
  const double ml = math::sum_error(1, s, m) + sl;
  const double n = m + e;
  const double nl = math::sum_error(m, e, n) + ml + el;
  const double a = e * n;
  return over_square(a, math::product_error(e, n, a) + e * nl + el * n, d, dl);
}

// beta * x as a double-double; the low part is 0 where the product is not finite.
struct Scaled {
  double hi, lo;
};
inline Scaled scaled(double beta, double x) {
  const double u = beta * x;
  return {u, std::isfinite(u) ? math::product_error(beta, x, u) : 0.0};
}

// Below this, |gelu| and |gelu'| < 2^-1075: they round to -0.
constexpr double kGeluUnderflow = -40;

inline bool near_root(const math::CriticalPoint& cp, double u) { return std::fabs(u - cp.x0_hi) <= cp.radius; }

inline double swish_forward(double x, double beta) {
  const Scaled u = scaled(beta, x);
  if (u.hi < -700) {
    const double g = std::exp(u.hi + 700) * (1 + u.lo);  // u + 700 is exact wherever g != 0
    return g == 0 ? 0.0 : x * g * kEMinus700;
  }
  return times_split(x, sigmoid_split(u.hi, u.lo));
}

inline double swish_derivative(double x, double beta) {
  const Scaled u = scaled(beta, x);
  if (near_root(math::SILU_ROOT, u.hi)) return math::critical_expansion(math::SILU_ROOT, u.hi, u.lo);
  if (u.hi == kInf) return 1;
  if (u.hi < -700) {
    const double g = std::exp(u.hi + 700) * (1 + u.lo);
    return g == 0 ? 0.0 : (1 + u.hi) * g * kEMinus700;
  }
  if (u.hi >= 0) return sigmoid2(u.hi, u.lo) * (1 + u.hi * sigmoid2(-u.hi, -u.lo));
  return one_plus_over_square(u.hi, u.lo, std::exp(u.hi), u.lo);
}

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

inline double softplus_forward(double x, double beta) {
  const Scaled u = scaled(beta, x);
  double sp;
  if (u.hi > 0) {
    const double t = std::exp(-u.hi);
    sp = u.hi + (std::log1p(t) + u.lo / (1 + t));
  } else {
    const double e = std::exp(u.hi);
    sp = std::log1p(e) + (e / (1 + e)) * u.lo;
  }
  if (u.hi == kInf) return x;  // beta x overflowed; softplus(u) / beta = x to double precision
  return beta == 1 ? sp : sp / beta;
}

inline double indicator(double x, double lo, double hi) { return x > lo && x < hi ? 1.0 : is_nan(x) ? x : 0.0; }

// One struct per activation; `p` carries the row's kernel params (see the TypeScript table).
struct Sigmoid {
  static double forward(double x, ActivationParams) { return sigmoid(x); }
  static double derivative(double x, ActivationParams) {  // t / (1 + t)^2, t = e^-|x|
    const double t = std::exp(-std::fabs(x));
    const double d = 1 + t;
    return over_square(t, 0, d, math::fast_sum_error(1, t, d));
  }
};
struct Tanh {
  static double forward(double x, ActivationParams) { return std::tanh(x); }
  static double derivative(double x, ActivationParams) {  // 4t / (1 + t)^2, t = e^-2|x|
    const double t = std::exp(-2 * std::fabs(x));
    const double d = 1 + t;
    return over_square(4 * t, 0, d, math::fast_sum_error(1, t, d));
  }
};
struct Relu {
  static double forward(double x, ActivationParams) { return x > 0 ? x : is_nan(x) ? x : 0.0; }
  static double derivative(double x, ActivationParams) { return x > 0 ? 1.0 : is_nan(x) ? x : 0.0; }
};
struct LeakyRelu {
  static double forward(double x, ActivationParams p) { return x > 0 ? x : p.a * x; }
  static double derivative(double x, ActivationParams p) { return x > 0 ? 1.0 : is_nan(x) ? x : p.a; }
};
struct Elu {
  static double forward(double x, ActivationParams p) { return x > 0 ? x : p.a * std::expm1(x); }
  static double derivative(double x, ActivationParams p) { return x > 0 ? 1.0 : p.a * std::exp(x); }
};
struct Selu {
  static double forward(double x, ActivationParams) { return x > 0 ? kSeluScale * x : kSeluScaleAlpha * std::expm1(x); }
  static double derivative(double x, ActivationParams) { return x > 0 ? kSeluScale : kSeluScaleAlpha * std::exp(x); }
};
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
struct Gelu {
  static double forward(double x, ActivationParams) { return gelu_forward(x); }
  static double derivative(double x, ActivationParams) { return gelu_derivative(x); }
};
struct GeluTanh {
  static double forward(double x, ActivationParams) { return gelu_tanh_forward(x); }
  static double derivative(double x, ActivationParams) { return gelu_tanh_derivative(x); }
};
struct Silu {
  static double forward(double x, ActivationParams) { return swish_forward(x, 1); }
  static double derivative(double x, ActivationParams) { return swish_derivative(x, 1); }
};
struct Swish {
  static double forward(double x, ActivationParams p) { return swish_forward(x, p.a); }
  static double derivative(double x, ActivationParams p) { return swish_derivative(x, p.a); }
};
struct Softplus {
  static double forward(double x, ActivationParams p) { return softplus_forward(x, p.a); }
  static double derivative(double x, ActivationParams p) {
    const Scaled u = scaled(p.a, x);
    return sigmoid2(u.hi, u.lo);
  }
};
struct Mish {
  static double forward(double x, ActivationParams) { return mish_forward(x); }
  static double derivative(double x, ActivationParams) { return mish_derivative(x); }
};
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
struct HardSigmoid {
  static double forward(double x, ActivationParams) { return x <= -3 ? 0.0 : x >= 3 ? 1.0 : (x + 3) / 6; }
  static double derivative(double x, ActivationParams) { return indicator(x, -3, 3) / 6; }
};
struct HardSwish {
  static double forward(double x, ActivationParams) { return x <= -3 ? 0.0 : x >= 3 ? x : x * (x + 3) / 6; }
  static double derivative(double x, ActivationParams) { return x < -3 ? 0.0 : x > 3 ? 1.0 : (2 * x + 3) / 6; }
};
struct HardTanh {
  static double forward(double x, ActivationParams p) { return x < p.a ? p.a : x > p.b ? p.b : x; }
  static double derivative(double x, ActivationParams p) { return indicator(x, p.a, p.b); }
};
struct Relu6 {
  static double forward(double x, ActivationParams) { return x <= 0 ? 0.0 : x >= 6 ? 6.0 : x; }
  static double derivative(double x, ActivationParams) { return indicator(x, 0, 6); }
};
struct LogSigmoid {
  static double forward(double x, ActivationParams) {
    return x >= 0 ? -std::log1p(std::exp(-x)) : x - std::log1p(std::exp(x));
  }
  static double derivative(double x, ActivationParams) { return sigmoid(-x); }
};
struct Linear {
  static double forward(double x, ActivationParams) { return x; }
  static double derivative(double x, ActivationParams) { return is_nan(x) ? x : 1.0; }
};
// p.a = lambd >= 0. PyTorch's conventions: f'(+-lambd) = 0; NaN stays NaN.
struct SoftShrink {
  static double forward(double x, ActivationParams p) { return x > p.a ? x - p.a : x < -p.a ? x + p.a : is_nan(x) ? x : 0.0; }
  static double derivative(double x, ActivationParams p) { return std::fabs(x) > p.a ? 1.0 : is_nan(x) ? x : 0.0; }
};
struct HardShrink {
  static double forward(double x, ActivationParams p) { return std::fabs(x) > p.a ? x : is_nan(x) ? x : 0.0; }
  static double derivative(double x, ActivationParams p) { return std::fabs(x) > p.a ? 1.0 : is_nan(x) ? x : 0.0; }
};

}  // namespace ops
}  // namespace ACTFN_TARGET
}  // namespace actfn
