// erf, erfc, erfcx and the standard normal CDF/PDF in float64, accurate to about one ULP everywhere,
// including the deep tails (erfc and normal_cdf down into the subnormal range).
//
// Twin of src/backend/js/math/erfc.ts: same algorithm, same coefficients
// (coefficients.generated.h, from tools/gen-math-coefficients.py), so both backends agree to the
// last bit or one ULP. How (and why):
// - |z| < 0.5: erf(z) = z + z R(z^2) and erfc(z) = (1 - z) - z R(z^2), with 1 - z split exactly, so
//   the only large rounding is the last addition.
// - z >= 0.5: erfc(z) = e^(-z^2) erfcx(z). erfcx is a polynomial in t = (z - mid) * scale on five
//   pieces of [0.5, 4) (t exact), and H(1/z^2)/z beyond, with the quotient carried as a
//   double-double. z^2 is carried exactly as a double-double into our own exp, which returns
//   (hi + lo) * 2^m; the product is rounded once and scaled last, so subnormal results are rounded
//   once too. std::exp is not used: its own error (libm-dependent, up to ~1 ULP) would eat the
//   budget, and e^(-z^2) alone underflows well before erfc(z) does.
// - z <= -0.5: 2 - erfc(-z), the subtraction done with the double-double erfc.
// - normal_cdf: erfc(-x/sqrt2)/2 with z = -x/sqrt2 as a double-double (the erfcx part takes the low
//   word as a first-order correction) and e^(-z^2) computed as e^(-x^2/2) from x itself, so the
//   rounding of x/sqrt2 is never multiplied by 2 z^2.
//
// Header-only, plain C++17, everything inline in actfn::math (per ISA target, see dd.h). Needs IEEE
// semantics (see dd.h). Call these qualified (math::erf): <cmath> also declares ::erf and ::erfc, so
// unqualified calls after `using namespace actfn::math` are ambiguous.
#ifndef ACTFN_KERNELS_MATH_ERFC_H_
#define ACTFN_KERNELS_MATH_ERFC_H_

#include <cmath>
#include <cstddef>
#include <limits>

#include "coefficients.generated.h"
#include "dd.h"

namespace actfn::math {
inline namespace ACTFN_MATH_TARGET_NAMESPACE {  // one copy per ISA target (see dd.h)

namespace erfc_detail {

namespace g = ::actfn::math::generated;

// Below this |z|, erf and erfc come from the odd series z (1 + R(z^2)).
inline constexpr double kSmall = 0.5;
// Below this |x|, normal_cdf uses the same series at z = x/sqrt2 (just above sqrt2/2: z >= 0.5 past it).
inline constexpr double kCdfSmall = 0.7071068;
// erfc(6) < 2^-54: from here on erf is +-1 and erfc(-z) is 2 after rounding.
inline constexpr double kErfSaturation = 6;
// erfc(z) < 2^-1075 for z >= 27.3: rounds to 0.
inline constexpr double kErfcUnderflow = 28;
// e^(-x^2/2) / sqrt(2 pi) < 2^-1075 and Phi(-x) < 2^-1075 for x >= 38.6.
inline constexpr double kNormalUnderflow = 40;
// 2 e^(x^2) overflows for |x| > 26.629.
inline constexpr double kErfcxOverflow = -26.7;
// Past this, 1/z^2 is negligible and the double-double quotient could overflow.
inline constexpr double kErfcxHuge = 1e299;

// c[0] + c[1] v + ... by plain Horner, for the short series whose terms cancel (R(s) falls from 0.128
// to 0.041 over its range): one chain rounds less there than the two of polynomial_from.
template <std::size_t N>
inline double horner(const double (&c)[N], double v) {
  double r = c[N - 1];
  for (std::size_t i = N - 1; i-- > 0;) r = r * v + c[i];
  return r;
}

// A value (hi + lo) * 2^exponent.
struct Split {
  double hi;
  double lo;
  int exponent;
};

// e^(yh + yl) = (hi + lo) * 2^exponent, hi = 2^(j/64) in [1, 2), |lo| < 2^-7 hi, carried to ~2^-59
// relative. For |yh| <= 1400 and |yl| <= 2^-40 (a double-double's low word).
inline Split exp_split(double yh, double yl) {
  const double kd = std::floor(yh * g::INV_LN2_X64 + 0.5);
  const int k = static_cast<int>(kd);
  // kd * LN2_DIV64_HI is exact (36-bit constant) and the subtraction is exact (Sterbenz)
  const double rh = yh - kd * g::LN2_DIV64_HI;
  const double rl = yl - kd * g::LN2_DIV64_LO;
  const double r = rh + rl;
  const double p = r + (r * r * horner(g::EXPM1_TAIL, r) + sum_error(rh, rl, r));  // e^(rh + rl) - 1
  const int j = k & 63;
  const double hi = g::EXP2_FRACTION_HI[j];
  return {hi, hi * p + g::EXP2_FRACTION_LO[j] * (1 + p), (k - j) / 64};
}

// erfcx(zh + zl) = hi + lo for zh >= 0.5 (zh <= kErfcxHuge), |zl| <= ulp(zh); good to ~0.4 ULP.
inline Split erfcx_split(double zh, double zl) {
  double hi;
  double lo;
  if (zh < g::ERFCX_ASYMPTOTIC_START) {
    int i = 0;
    while (zh >= g::ERFCX_PIECES[i].end) ++i;
    const g::ErfcxPiece& piece = g::ERFCX_PIECES[i];
    const double* c = piece.coefficients;
    const double t = (zh - piece.mid) * piece.scale;  // exact: Sterbenz, and a power-of-two scale
    const double p = polynomial_from(c, piece.count, 1, t) * t;
    hi = c[0] + p;
    lo = sum_error(c[0], p, hi) + piece.c0_lo;
  } else {
    // erfcx(z) = H(s)/z with s = 1/z^2; the quotient keeps its (exactly representable) remainder
    const double s = 1 / (zh * zh);
    const double* c = g::ERFCX_ASYMPTOTIC;
    const int count = static_cast<int>(sizeof(g::ERFCX_ASYMPTOTIC) / sizeof(double));
    const double p = polynomial_from(c, count, 1, s) * s;
    const double h = c[0] + p;
    const double hl = sum_error(c[0], p, h) + g::ERFCX_ASYMPTOTIC_C0_LO;
    hi = h / zh;
    lo = (std::fma(-hi, zh, h) + hl) / zh;
  }
  // first order in zl: erfcx'(z) = 2 z erfcx(z) - 2/sqrt(pi)
  return {hi, lo + zl * (2 * zh * hi - g::TWO_OVER_SQRT_PI_HI), 0};
}

// erfc(z) = (hi + lo) * 2^exponent for z = zh + zl >= 0.5, zh < kErfcUnderflow, where sh + sl = z^2
// (a double-double).
inline Split erfc_split(double zh, double zl, double sh, double sl) {
  const Split e = exp_split(-sh, -sl);
  const Split f = erfcx_split(zh, zl);
  const double p = e.hi * f.hi;
  return {p, product_error(e.hi, f.hi, p) + (e.hi * f.lo + e.lo * f.hi), e.exponent};
}

}  // namespace erfc_detail

// erf(x), the error function, for all doubles (erf(+-inf) = +-1, erf(-0) = -0, NaN -> NaN).
// Max error 0.78 ULP over 1,000,924 points ([-7, 7] and [-1, 1] uniform, |x| log-uniform in
// [2^-1074, 7], 16 floats either side of every branch point), against mpmath (tools/check-math.py).
// Coefficients: tools/gen-math-coefficients.py.
inline double erf(double x) {
  namespace d = erfc_detail;
  const double a = std::fabs(x);
  if (a < d::kSmall) return x + x * d::horner(generated::ERF_SMALL, x * x);
  if (!(a < d::kErfSaturation)) return x != x ? x : x > 0 ? 1.0 : -1.0;
  const double sh = a * a;
  const d::Split t = d::erfc_split(a, 0, sh, product_error(a, a, sh));
  const double th = std::ldexp(t.hi, t.exponent);  // exact: erfc(a) > 2^-60 here
  const double tl = std::ldexp(t.lo, t.exponent);
  const double dh = 1 - th;
  const double r = dh + (sum_error(1, -th, dh) - tl);
  return x < 0 ? -r : r;
}

// erfc(x) = 1 - erf(x), for all doubles: erfc(-inf) = 2, erfc(inf) = 0, NaN -> NaN;
// results are subnormal for x in about [26.55, 27.3] and 0 beyond.
// Max error 0.81 ULP (2^-1074 units in the subnormal range) over 1,000,924 points ([-7, 28] and the
// subnormal range [26.3, 27.5] uniform, |x| log-uniform in [1e-30, 0.5], 16 floats either side of
// every branch point), against mpmath (tools/check-math.py). Coefficients:
// tools/gen-math-coefficients.py.
inline double erfc(double x) {
  namespace d = erfc_detail;
  if (std::fabs(x) < d::kSmall) {
    const double r = x * d::horner(generated::ERF_SMALL, x * x);
    const double dh = 1 - x;
    return dh + (sum_error(1, -x, dh) - r);
  }
  if (x > 0) {
    if (x >= d::kErfcUnderflow) return 0;
    const double sh = x * x;
    const d::Split t = d::erfc_split(x, 0, sh, product_error(x, x, sh));
    return std::ldexp(t.hi + t.lo, t.exponent);
  }
  if (x <= -d::kErfSaturation) return 2;
  if (x != x) return x;
  const double a = -x;
  const double sh = a * a;
  const d::Split t = d::erfc_split(a, 0, sh, product_error(a, a, sh));
  const double th = std::ldexp(t.hi, t.exponent);  // exact: erfc(a) > 2^-60 here
  const double tl = std::ldexp(t.lo, t.exponent);
  const double dh = 2 - th;
  return dh + (sum_error(2, -th, dh) - tl);
}

// erfcx(x) = e^(x^2) erfc(x), the scaled complementary error function, for all doubles:
// ~1/(x sqrt(pi)) for large x (erfcx(inf) = 0), inf for x < -26.63 (overflow), NaN -> NaN.
// Max error 0.74 ULP over 1,000,792 points ([-26.6, 6] and [0, 40] uniform, x log-uniform in
// [30, 1e300], |x| log-uniform in [1e-30, 0.5], 16 floats either side of every branch point), against
// mpmath (tools/check-math.py). Coefficients: tools/gen-math-coefficients.py.
inline double erfcx(double x) {
  namespace d = erfc_detail;
  if (x >= d::kSmall) {
    if (x > d::kErfcxHuge) return generated::INV_SQRT_PI_HI / x;
    const d::Split f = d::erfcx_split(x, 0);
    return f.hi + f.lo;
  }
  if (x > -d::kSmall) {
    // e^(x^2) ((1 - x) - x R(x^2)), both factors as double-doubles
    const double s = x * x;
    const double dh = 1 - x;
    const double dl = sum_error(1, -x, dh) - x * d::horner(generated::ERF_SMALL, s);
    const double f = dh + dl;  // renormalised: dl is up to 0.07 dh
    const double fl = sum_error(dh, dl, f);
    const d::Split e = d::exp_split(s, product_error(x, x, s));
    const double p = e.hi * f;
    return std::ldexp(p + (product_error(e.hi, f, p) + (e.hi * fl + e.lo * f)), e.exponent);
  }
  if (x != x) return x;
  if (x < d::kErfcxOverflow) return std::numeric_limits<double>::infinity();
  // 2 e^(x^2) - erfcx(-x), worked in units of 2^(m + 1) so that e^(x^2) never overflows early
  const double a = -x;
  const d::Split f = d::erfcx_split(a, 0);
  const double s = a * a;
  const d::Split e = d::exp_split(s, product_error(a, a, s));
  const int m = e.exponent + 1;
  const double fs = std::ldexp(f.hi, -m);
  const double dh = e.hi - fs;
  return std::ldexp(dh + (sum_error(e.hi, -fs, dh) + (e.lo - std::ldexp(f.lo, -m))), m);
}

// normal_cdf(x) = Phi(x) = erfc(-x/sqrt2)/2, the standard normal CDF, for all doubles:
// Phi(-inf) = 0, Phi(inf) = 1, NaN -> NaN; subnormal for x in about [-38.5, -37.5].
// Max error 0.79 ULP (2^-1074 units in the subnormal range) over 1,000,924 points ([-39, 9], [-2, 2]
// and the subnormal range [-38.6, -37.3] uniform, |x| log-uniform in [1e-30, 0.8], 16 floats either
// side of every branch point), against mpmath (tools/check-math.py). Coefficients:
// tools/gen-math-coefficients.py.
inline double normal_cdf(double x) {
  namespace d = erfc_detail;
  namespace g = generated;
  const double a = std::fabs(x);
  if (a < d::kCdfSmall) {
    // Phi = 1/2 + w (1 + R(x^2/2)), w = x/(2 sqrt2) as a double-double
    const double w = x * g::INV_2SQRT2_HI;
    const double wl = product_error(x, g::INV_2SQRT2_HI, w) + x * g::INV_2SQRT2_LO;
    const double s = 0.5 + w;
    return s + (sum_error(0.5, w, s) + (wl + w * d::horner(g::ERF_SMALL, 0.5 * (x * x))));
  }
  if (!(a < d::kNormalUnderflow)) return x != x ? x : x > 0 ? 1.0 : 0.0;
  const double zh = a * g::INV_SQRT2_HI;
  const double zl = product_error(a, g::INV_SQRT2_HI, zh) + a * g::INV_SQRT2_LO;
  const double sh = a * a;
  const d::Split t = d::erfc_split(zh, zl, 0.5 * sh, 0.5 * product_error(a, a, sh));
  if (x < 0) return std::ldexp(t.hi + t.lo, t.exponent - 1);
  const double th = std::ldexp(t.hi, t.exponent);  // exact wherever erfc(z) matters (z < 6)
  const double tl = std::ldexp(t.lo, t.exponent);
  const double dh = 2 - th;
  return 0.5 * (dh + (sum_error(2, -th, dh) - tl));
}

// normal_pdf(x) = e^(-x^2/2) / sqrt(2 pi), the standard normal density, for all doubles:
// normal_pdf(+-inf) = 0, NaN -> NaN; subnormal for |x| in about [37.6, 38.6].
// x^2/2 goes into exp as an exact double-double. Max error 0.75 ULP (2^-1074 units in the subnormal
// range) over 1,000,924 points ([-39, 39], [-2, 2] and the subnormal ranges +-[37.3, 38.7] uniform,
// |x| log-uniform in [1e-30, 1]), against mpmath (tools/check-math.py). Coefficients:
// tools/gen-math-coefficients.py.
inline double normal_pdf(double x) {
  namespace d = erfc_detail;
  namespace g = generated;
  const double a = std::fabs(x);
  if (!(a < d::kNormalUnderflow)) return x != x ? x : 0.0;
  const double sh = a * a;
  const d::Split e = d::exp_split(-0.5 * sh, -0.5 * product_error(a, a, sh));
  const double p = e.hi * g::INV_SQRT_2PI_HI;
  const double lo =
      product_error(e.hi, g::INV_SQRT_2PI_HI, p) + (e.hi * g::INV_SQRT_2PI_LO + e.lo * g::INV_SQRT_2PI_HI);
  return std::ldexp(p + lo, e.exponent);
}

}  // namespace ACTFN_MATH_TARGET_NAMESPACE
}  // namespace actfn::math

#endif  // ACTFN_KERNELS_MATH_ERFC_H_
