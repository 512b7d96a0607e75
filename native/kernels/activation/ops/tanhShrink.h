// tanhShrink: the scalar twin (x - tanh(x) and its derivative tanh(x)^2).
#pragma once

#include <cmath>

#include "../../kernels.h"
#include "../../math/dd.h"
#include "common_basics.h"
#include "common_forms.h"
#include "common_params.h"

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
}  // namespace ACTFN_TARGET
}  // namespace actfn
