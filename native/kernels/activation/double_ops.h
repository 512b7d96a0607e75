// Float64 activations in double lanes (AVX2, AVX-512): the compensated algorithms of the scalar
// twins (scalar_ops.h) carried lane by lane on the double-double math of simd/vmath_f64.h. Each op
// has a domain(x) mask; a vector with any lane outside it (NaN, infinities where they matter, far
// tails where the twin switches to a scaled or subnormal form) is computed by the scalar twin
// lane by lane (elementwise.cc), so the forms below only need to be right inside their domain.
// Derivatives with an interior root run the vectorised critical-point expansion
// (math/critical_points.h) on the lanes within its radius, the regular form on the others.
//
// Accuracy (max ULP, |x| <= 4 / all x; tools/audit-float64.py + .mjs: mpmath references at 3000
// uniform points in [-6, 6], 750 in [-40, 40] and, for derivatives with a root, 3000 points at
// 2^-45..2 from it; the fixture suites in test/accuracy pass on scalar, AVX2 and AVX-512 too).
// Same figures on AVX2 and AVX-512 except gelu (AVX2 first). "twin" = the scalar float64 twin,
// which every float64 op ran before. Beyond |x| = 4 the worst cases are the twins' own tails
// (gelu below -27, geluTanh below -20) where vectors go to the twin.
//   op           forward            derivative          | twin forward  twin derivative
//   sigmoid      1.13 / 1.13        1.30 / 1.30         | 1.13 / 1.13   1.30 / 1.30
//   tanh         0.50 / 0.50        1.32 / 1.32         | 1.73 / 1.73   1.25 / 1.25
//   elu          0.50 / 0.50        0.52 / 0.53         | 0.70 / 0.70   0.50 / 0.50
//   selu         1.18 / 1.18        1.30 / 1.36         | 1.18 / 1.18   1.30 / 1.40
//   celu         0.50 / 0.50        0.53 / 0.54         | 0.69 / 0.69   0.50 / 0.50
//   gelu         0.88-0.97 / 2.94   0.91-1.29 / 2.33    | 1.17 / 2.94   2.09 / 2.33
//   geluTanh     0.73 / 0.88        1.10 / 1.53         | 1.22 / 1.22   1.70 / 1.70
//   silu         1.22 / 1.22        0.50 / 0.50         | 1.22 / 1.22   1.79 / 1.79
//   swish (b=1)  1.19 / 1.19        0.50 / 0.50         | 1.19 / 1.19   1.88 / 1.88
//   softplus     1.26 / 1.39        1.34 / 1.34         | 1.17 / 1.39   1.34 / 1.34
//   mish         1.05 / 1.23        2.35 / 2.35         | 1.05 / 1.23   2.35 / 2.35
//   logSigmoid   1.16 / 1.17        1.23 / 1.23         | 1.16 / 1.17   1.23 / 1.23
//   softsign     0.50 / 0.50        0.50 / 0.50         | 1.19 / 1.19   0.50 / 0.50 (the float32-
//                                                          style vector form it replaces: 1.19, 3.04)
// Backward = dy * f'(x) rounded once more. Contract: forward <= 4, derivative <= 8 (test/support).
#pragma once

#include <cmath>

#include "../kernels.h"
#include "../math/critical_points.h"
#include "../simd/vmath_f64.h"
#include "scalar_ops.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace dops {

using f64::D;
using f64::DD;
using f64::k;
using f64::M;
using f64::neg;
using f64::one;
using f64::zero;

// The row's kernel params broadcast once per call.
struct DParams {
  D a, b;
  double a_raw;
  explicit DParams(ActivationParams p) : a(set<double>(p.a)), b(set<double>(p.b)), a_raw(p.a) {}
};

ACTFN_INLINE M finite(D x) { return le(abs(x), k(1.7976931348623157e308)); }
ACTFN_INLINE M in_range(D x, double lo, double hi) { return f64::mask_and(ge(x, k(lo)), le(x, k(hi))); }

// ---- the sigmoid core: e = e^(-|h| -+ l) as a pair, d = 1 + e as a pair, 1/d.
struct SigmoidCore {
  DD e;
  D d, dl, rd;
  M negative;
};
// Plain: e = e^-|h| rounded and el = e (-+l), the twin's std::exp with its first-order low word,
// for the forms that need no pair.
template <bool kPair = true>
ACTFN_INLINE SigmoidCore sigmoid_core(D h, D l) {
  const M negative = lt(h, zero());
  const D yl = select(negative, l, neg(l));
  DD e;
  if constexpr (kPair) {
    e = f64::exp_dd(neg(abs(h)), yl);
  } else {
    const D ep = f64::exp(neg(abs(h)));
    e = {ep, ep * yl};
  }
  const D d = one() + e.hi;
  const D dl = f64::fast_sum_err(one(), e.hi, d) + e.lo;
  return {e, d, dl, one() / d, negative};
}

// (a + al)/(b + bl) with rb ~ 1/b given (to a few ULP): see f64::quot_r.
using f64::quot_r;
// (a + al)/(d + dl)^2 with rd ~ 1/d.
ACTFN_INLINE DD over_square_r(D a, D al, D d, D dl, D rd) {
  const D qq = d * d;
  return quot_r(a, al, qq, fma(k(2.0) * d, dl, f64::prod_err(d, d, qq)), rd * rd);
}

// sigmoid(h + l) as a pair.
ACTFN_INLINE DD sigmoid_of(const SigmoidCore& s) {
  return quot_r(select(s.negative, s.e.hi, one()), select(s.negative, s.e.lo, zero()), s.d, s.dl, s.rd);
}
// sigmoid(-(h + l)) as a pair.
ACTFN_INLINE DD sigmoid_neg_of(const SigmoidCore& s) {
  return quot_r(select(s.negative, one(), s.e.hi), select(s.negative, zero(), s.e.lo), s.d, s.dl, s.rd);
}

// sigma(h) (1 + sigma(-h) S) with S = sh + sl: silu'(u) (S = u) and geluTanh'(x) (S = x v'(x)),
// as one compensated quotient A / (1 + E)^2 with E = e^-|h|: A = E (1 + S) + E^2 for h < 0 (the
// twin's one_plus_over_square, no cancellation left near the root but E's own error, ~2^-62 here)
// and A = E (1 + S) + 1 for h >= 0 (all terms positive).
ACTFN_INLINE D sigmoid_one_plus(const SigmoidCore& c, D sh, D sl) {
  using f64::prod_err;
  using f64::sum_err;
  const D e = c.e.hi, el = c.e.lo;
  const D m = one() + sh;
  const D ml = sum_err(one(), sh, m) + sl;
  // A = E m + X, X = E^2 (h < 0) or 1 (h >= 0), each as a pair
  const D b = e * m;
  const D bl = fma(el, m, fma(e, ml, prod_err(e, m, b)));
  const D ee = e * e;
  const D x = select(c.negative, ee, one());
  const D xl = select(c.negative, fma(k(2.0) * e, el, prod_err(e, e, ee)), zero());
  const D a = b + x;
  const D al = sum_err(b, x, a) + (bl + xl);
  return f64::round(over_square_r(a, al, c.d, c.dl, c.rd));
}

// Lanes within `radius` of a derivative's root get its critical-point expansion (computed only
// when some lane is). The regular forms are compensated down to the root but for the error of
// their inputs (the pair exp's ~2^-62: a relative error 2^-62 / |x - x0| after the cancellation),
// so the vector radius can be much smaller than the scalar twin's (which starts from a rounded exp).
ACTFN_INLINE D with_root(const math::CriticalPoint& cp, D uh, D ul, D regular, double radius) {
  const M near = le(abs(uh - k(cp.x0_hi)), k(radius));
  if (f64::none(near)) return regular;
  return select(near, f64::critical(cp, uh, ul), regular);
}
// Vector radius for the roots of silu', geluTanh' and mish' (see with_root; audited with
// tools/audit-float64.py down to 2^-45 from the root).
constexpr double kVectorRootRadius = 1.0 / 32;

// ---- the ops

struct Sigmoid {
  ACTFN_INLINE static M domain(D x, const DParams&) { return le(abs(x), k(708)); }
  ACTFN_INLINE static D forward(D x, const DParams&) { return f64::round(sigmoid_of(sigmoid_core<false>(x, zero()))); }
  ACTFN_INLINE static D derivative(D x, const DParams&) {
    const SigmoidCore c = sigmoid_core<false>(x, zero());
    return f64::round(over_square_r(c.e.hi, c.e.lo, c.d, c.dl, c.rd));
  }
};

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

// alpha expm1(x) below 0 (expm1 clamped at -60, where it is -1 in float64); alpha e^x for f'.
template <bool kSelu>
struct EluLike {
  ACTFN_INLINE static D scale_neg(const DParams& p) { return kSelu ? k(ops::kSeluScaleAlpha) : p.a; }
  ACTFN_INLINE static M domain(D x, const DParams&) { return mask_or(gt(x, zero()), ge(x, k(-708))); }
  ACTFN_INLINE static D forward(D x, const DParams& p) {
    const DD m = f64::expm1_dd(f64::vmax(select(gt(x, zero()), zero(), x), k(-60)));
    const D pos = kSelu ? k(ops::kSeluScale) * x : x;
    return select(gt(x, zero()), pos, scale_neg(p) * f64::round(m));
  }
  ACTFN_INLINE static D derivative(D x, const DParams& p) {
    const D e = f64::exp(select(gt(x, zero()), zero(), x));
    return select(gt(x, zero()), kSelu ? k(ops::kSeluScale) : one(), scale_neg(p) * e);
  }
};
using Elu = EluLike<false>;
using Selu = EluLike<true>;

// celu: alpha expm1(x / alpha) below 0, x (1 + t/2) for |t| < 2^-27; f' = e^t with the rounding of
// t = x / alpha carried (see scalar_ops.h).
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

// swish(x; beta) = x sigma(u), u = beta x as a pair; u > 700 clamped (sigma = 1 there).
struct SwishParts {
  D uh, ul;
};
ACTFN_INLINE SwishParts swish_u(D x, D beta, bool unit) {
  if (unit) return {f64::vmin(x, k(700)), zero()};
  const D uh = beta * x;
  const M big = gt(uh, k(700));
  return {select(big, k(700), uh), select(big, zero(), f64::prod_err(beta, x, uh))};
}
template <bool kUnit>
struct SwishLike {
  ACTFN_INLINE static M domain(D x, const DParams& p) {
    return f64::mask_and(finite(x), ge(kUnit ? x : p.a * x, k(-700)));
  }
  ACTFN_INLINE static D forward(D x, const DParams& p) {
    const SwishParts u = swish_u(x, p.a, kUnit);
    return f64::times(x, sigmoid_of(sigmoid_core<false>(u.uh, u.ul)));
  }
  ACTFN_INLINE static D derivative(D x, const DParams& p) {
    const SwishParts u = swish_u(x, p.a, kUnit);
    const D regular = sigmoid_one_plus(sigmoid_core(u.uh, u.ul), u.uh, u.ul);
    return with_root(math::SILU_ROOT, u.uh, u.ul, regular, kVectorRootRadius);
  }
};
using Silu = SwishLike<true>;
using Swish = SwishLike<false>;

// softplus(x; beta) = (max(u, 0) + log1p(e^-|u|) + first-order low word) / beta.
struct Softplus {
  ACTFN_INLINE static M domain(D x, const DParams& p) {
    return f64::mask_and(finite(x), in_range(p.a * x, -700, 1e300));
  }
  ACTFN_INLINE static D forward(D x, const DParams& p) {
    const SwishParts u = swish_u(x, p.a, p.a_raw == 1);
    const D uh = p.a * x;  // unclamped: softplus(u) = u + log1p(e^-u)
    const D ul = p.a_raw == 1 ? zero() : f64::prod_err(p.a, x, uh);
    const D t = f64::exp(neg(abs(u.uh)));
    const D l = f64::log1p_unit(t);
    const D w = ul / (one() + t);
    const M pos = gt(uh, zero());
    const D sp = select(pos, uh + (l + w), l + t * w);
    return p.a_raw == 1 ? sp : sp / p.a;
  }
  ACTFN_INLINE static D derivative(D x, const DParams& p) {
    const SwishParts u = swish_u(x, p.a, p.a_raw == 1);
    return f64::round(sigmoid_of(sigmoid_core<false>(u.uh, u.ul)));
  }
};

// logSigmoid(x) = min(x, 0) - log1p(e^-|x|); logSigmoid' = sigma(-x).
struct LogSigmoid {
  ACTFN_INLINE static M domain(D x, const DParams&) { return le(abs(x), k(700)); }
  ACTFN_INLINE static D forward(D x, const DParams&) {
    const D l = f64::log1p_unit(f64::exp(neg(abs(x))));
    return f64::vmin(x, zero()) - l;
  }
  ACTFN_INLINE static D derivative(D x, const DParams&) { return f64::round(sigmoid_neg_of(sigmoid_core<false>(x, zero()))); }
};

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

// Which scalar op has a float64 double-lane form: DoubleOf<ops::X>::type is dops::X, or void.
template <class Op> struct DoubleOf { using type = void; };
template <> struct DoubleOf<ops::Sigmoid> { using type = dops::Sigmoid; };
template <> struct DoubleOf<ops::Tanh> { using type = dops::Tanh; };
template <> struct DoubleOf<ops::Elu> { using type = dops::Elu; };
template <> struct DoubleOf<ops::Selu> { using type = dops::Selu; };
template <> struct DoubleOf<ops::Celu> { using type = dops::Celu; };
template <> struct DoubleOf<ops::Silu> { using type = dops::Silu; };
template <> struct DoubleOf<ops::Swish> { using type = dops::Swish; };
template <> struct DoubleOf<ops::Softplus> { using type = dops::Softplus; };
template <> struct DoubleOf<ops::LogSigmoid> { using type = dops::LogSigmoid; };
template <> struct DoubleOf<ops::GeluTanh> { using type = dops::GeluTanh; };
template <> struct DoubleOf<ops::Mish> { using type = dops::Mish; };
template <> struct DoubleOf<ops::Gelu> { using type = dops::Gelu; };
template <> struct DoubleOf<ops::Softsign> { using type = dops::Softsign; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
