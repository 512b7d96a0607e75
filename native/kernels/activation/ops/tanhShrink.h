// tanhShrink: the scalar twin (x - tanh(x) and its derivative tanh(x)^2), the float32-lane
// derivative, the double-lane form for float32 arrays and the float64 form.
#pragma once

#include <cmath>

#include "../../kernels.h"
#include "../../math/dd.h"
#include "../../simd/vec.h"
#include "../../simd/vexp.h"
#include "../../simd/vmath_f64.h"
#include "common_basics.h"
#include "common_forms.h"
#include "common_params.h"
#include "tanh.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

// On a = |x|, with tanh a alongside, both as hi + lo (the js twin's tanhShrinkSplit says why):
// a < 1/2: a^3 P(a^2) with P the Taylor series of (a - tanh a) / a^3; 1/2 <= a < 1: from y = a/2
// through tanh(2y) = 2T / (1 + T^2); 1 <= a <= 40: (a - 1) + 2e / (1 + e), e = e^-2a; beyond: a - 1.
struct TanhShrink {
  static constexpr int kTerms = 19;
  // P's coefficients, 1/3 first, from (2n+1) t_(2n+1) = -sum t_i t_j (tanh' = 1 - tanh^2).
  struct Coefficients {
    double p[kTerms];
    constexpr Coefficients() : p() {
      double t[kTerms + 1] = {1};
      for (int n = 1; n <= kTerms; n++) {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += t[i] * t[n - 1 - i];
        t[n] = -sum / (2 * n + 1);
        p[n - 1] = -t[n];
      }
    }
  };
  static constexpr double kThird = 1.0 / 3;
  static constexpr double kThirdLo = 0x1p-54 / 3;  // 1/3 - kThird exactly: kThird = (2^54 - 1) / (3 * 2^54)

  struct Parts {
    double f, fl, t, tl;  // a - tanh a and tanh a, each as hi + lo
  };

  // a - tanh a for 0 <= a < 1/2 as hi + lo.
  static void series(double a, double& f, double& fl) {
    static constexpr Coefficients c{};
    const double s = a * a;
    const double sl = math::product_error(a, a, s);
    double q = c.p[kTerms - 1];
    for (int k = kTerms - 2; k >= 1; k--) q = q * s + c.p[k];
    const double sq = s * q;
    const double p = kThird + sq;
    const double pl = math::sum_error(kThird, sq, p) + kThirdLo + math::product_error(s, q, sq) + sl * q;
    const double cu = a * s;
    const double cul = math::product_error(a, s, cu) + a * sl;
    f = cu * p;
    fl = math::product_error(cu, p, f) + cu * pl + cul * p;
  }

  static Parts split(double a) {
    Parts r{};
    if (a < 0.5) {
      series(a, r.f, r.fl);
      r.t = a - r.f;
      r.tl = math::sum_error(a, -r.f, r.t) - r.fl;
      return r;
    }
    if (a < 1) {
      const double y = 0.5 * a;
      double g, gl;
      series(y, g, gl);
      const double t = y - g;
      const double tl = math::sum_error(y, -g, t) - gl;
      const double t2 = t * t;
      const double t2l = math::product_error(t, t, t2) + 2 * t * tl;
      const double yt2 = y * t2;
      const double yt2l = math::product_error(y, t2, yt2) + y * t2l;
      const double n = g + yt2;
      const double nl = math::sum_error(g, yt2, n) + gl + yt2l;
      const double d = 1 + t2;
      const double dl = math::fast_sum_error(1, t2, d) + t2l;
      const double q = n / d;
      r.f = 2 * q;
      r.fl = 2 * math::quotient_error(n, nl, d, dl, q);
      r.t = a - r.f;
      r.tl = math::sum_error(a, -r.f, r.t) - r.fl;
      return r;
    }
    if (a <= 40) {
      const double e = std::exp(-2 * a);
      const double d = 1 + e;
      const double q = (2 * e) / d;
      const double ql = math::quotient_error(2 * e, 0, d, math::fast_sum_error(1, e, d), q);
      const double s = a - 1;  // exact
      r.f = s + q;
      r.fl = math::sum_error(s, q, r.f) + ql;
      r.t = 1 - q;
      r.tl = math::fast_sum_error(1, -q, r.t) - ql;
      return r;
    }
    r.f = a - 1;  // 2e / (1 + e) < 2^-114 here; NaN stays NaN
    r.t = is_nan(a) ? a : 1.0;
    return r;
  }

  static double forward(double x, ActivationParams) {
    const Parts r = split(std::fabs(x));
    const double f = r.f + r.fl;
    return x < 0 ? -f : is_nan(x) ? x : f;
  }
  static double derivative(double x, ActivationParams) {  // tanh(x)^2
    const Parts r = split(std::fabs(x));
    const double t2 = r.t * r.t;
    return t2 + (math::product_error(r.t, r.t, t2) + 2 * r.t * r.tl);
  }
};

}  // namespace ops
namespace nops {

// tanhShrink'(x) = tanh(x)^2 in float32 lanes, the derivative only (x - tanh x cancels near 0, so
// the forward pass stays in double lanes): the float32-lane tanh of |x| clamped at 20 (tanh rounds
// to 1 from 9 on, and its expm1 stays in range), squared, with NaN put back.
struct TanhShrink {
  static constexpr bool kHasForward = false;
  static constexpr bool kHasDerivative = true;
  static constexpr bool kWholeDomainDerivative = true;
  ACTFN_INLINE static F derivative(F x, const NarrowParams& p) {
    const F t = Tanh::forward(min(abs(x), set<float>(20)), p);
    return select(is_nan(x), x, t * t);
  }
};

}  // namespace nops
namespace wops {

// a - tanh a on a = |x|: below 1/2 the series a^3 P(a^2) (ten terms: each is ~a^2 0.4 of the one
// before, so the eleventh is under 2^-33 of the sum); above, a - (1 - e) / (1 + e), e = e^-2a,
// whose cancellation (a - tanh a >= 0.038 there) costs at most 4 of double's 29 spare bits.
struct TanhShrink {
  static constexpr int kTerms = 10;
  struct Parts {
    D f, t;  // a - tanh a and tanh a
  };
  ACTFN_INLINE static Parts parts(D x) {
    static constexpr ops::TanhShrink::Coefficients c{};
    const D a = abs(x);
    const D s = a * a;
    D q = set<double>(c.p[kTerms - 1]);
    for (int i = kTerms - 2; i >= 0; i--) q = fma(q, s, set<double>(c.p[i]));
    const D series = a * s * q;
    const D e = vexp(set<double>(-2) * a);
    const D t = (one() - e) / (one() + e);
    const Mask<double> small = lt(a, set<double>(0.5));
    return {select(small, series, a - t), select(small, a - series, t)};
  }
  // x < 0 ? -f : f, not copysign: -0 - tanh(-0) is +0, as the twin gives
  ACTFN_INLINE static D forward(D x, const P&) {
    const D f = parts(x).f;
    return select(lt(x, set<double>(0)), set<double>(0) - f, f);
  }
  ACTFN_INLINE static D derivative(D x, const P&) {
    const D t = parts(x).t;
    return t * t;
  }
};

}  // namespace wops
namespace dops {

// The twin's algorithm for |x| < 1/2 (the series with its leading third and the cube carried as
// pairs); from 1/2 to 40, tanh a = -m / (2 + m) with m = expm1(-2a) as a pair and the quotient as
// a pair, so a - tanh a loses nothing to its cancellation: a - hi is exact while tanh a >= a/2
// (a <= 1.9) and beyond that the difference exceeds 0.9, where one rounding is all it costs.
// |x| > 40 and NaN to the twin.
struct TanhShrink {
  struct Parts {
    D f, fl, t, tl;  // a - tanh a and tanh a, each as hi + lo
  };
  ACTFN_INLINE static M domain(D x, const DParams&) { return le(abs(x), k(40)); }
  ACTFN_INLINE static Parts parts(D x) {
    using f64::fast_sum_err;
    using f64::prod_err;
    using f64::sum_err;
    static constexpr ops::TanhShrink::Coefficients c{};
    constexpr int terms = ops::TanhShrink::kTerms;
    const D a = abs(x);
    // a < 1/2
    const D s = a * a;
    const D sl = prod_err(a, a, s);
    D q = k(c.p[terms - 1]);
    for (int i = terms - 2; i >= 1; i--) q = fma(q, s, k(c.p[i]));
    const D sq = s * q;
    const D third = k(ops::TanhShrink::kThird);
    const D p = third + sq;
    const D pl = sum_err(third, sq, p) + k(ops::TanhShrink::kThirdLo) + prod_err(s, q, sq) + sl * q;
    const D cu = a * s;
    const D cul = prod_err(a, s, cu) + a * sl;
    const D sf = cu * p;
    const D sfl = prod_err(cu, p, sf) + fma(cu, pl, cul * p);
    const D st = a - sf;
    const D stl = sum_err(a, neg(sf), st) - sfl;
    // 1/2 <= a <= 40
    const f64::DD m = f64::expm1_dd(k(-2.0) * a);
    const D den = k(2.0) + m.hi;
    const D denl = fast_sum_err(k(2.0), m.hi, den) + m.lo;
    const f64::DD t = f64::quot(neg(m.hi), neg(m.lo), den, denl);
    const D bf = a - t.hi;
    const D bfl = sum_err(a, neg(t.hi), bf) - t.lo;
    const M small = lt(a, k(0.5));
    return {select(small, sf, bf), select(small, sfl, bfl), select(small, st, t.hi), select(small, stl, t.lo)};
  }
  ACTFN_INLINE static D forward(D x, const DParams&) {
    const Parts r = parts(x);
    const D f = r.f + r.fl;
    return select(lt(x, zero()), neg(f), f);  // not copysign: -0 - tanh(-0) is +0, as the twin gives
  }
  // tanh(x)^2 from t = tanh|x| rounded, not from the pairs above: below 0.35 the series
  // a - a^3 P(a^2) (twelve terms: each is under a^2 0.4 = 0.05 of the one before); above,
  // (1 - E) / (1 + E) with E = e^-2a <= 1/2 from the vector exp (0.55 ULP), where 1 - E >= 1/2
  // magnifies nothing. t within about 2 ULP, t^2 within about 4.5 of the 8 allowed, at a third of
  // the pairs' cost.
  ACTFN_INLINE static D derivative(D x, const DParams&) {
    static constexpr ops::TanhShrink::Coefficients c{};
    constexpr int terms = 12;
    const D a = abs(x);  // |x| <= 40 (the domain)
    const D s = a * a;
    D q = k(c.p[terms - 1]);
    for (int i = terms - 2; i >= 0; i--) q = fma(q, s, k(c.p[i]));
    const D series = f64::fnma(a * s, q, a);
    const D e = f64::exp(k(-2.0) * a);
    const D t = select(lt(a, k(0.35)), series, (one() - e) / (one() + e));
    return t * t;
  }
};

}  // namespace dops

template <> struct NarrowOf<ops::TanhShrink> { using type = nops::TanhShrink; };
template <> struct WideOf<ops::TanhShrink> { using type = wops::TanhShrink; };
template <> struct DoubleOf<ops::TanhShrink> { using type = dops::TanhShrink; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
