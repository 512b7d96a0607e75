// Derivatives of activations near the one point where they vanish.
//
// gelu', silu', mish' and gelu_tanh' are each a sum of two terms that cancel at a negative root x0,
// so the textbook formula loses all relative accuracy there (1e-17 values from 0.2-sized terms).
// Near x0 we instead write g(x0 + d) = d q(d), with x0 as a double-double and q a polynomial fitted
// to g(x0 + d)/d, so the relative error no longer depends on how close to the root the input is.
//
// Twin of src/backend/js/math/critical-points.ts (same objects, same arithmetic). Coefficients:
// tools/gen-math-coefficients.py (coefficients.generated.h); the radius of each expansion is chosen
// there from a measured error profile of the straightforward formula. Header-only, plain C++17.
#ifndef ACTFN_KERNELS_MATH_CRITICAL_POINTS_H_
#define ACTFN_KERNELS_MATH_CRITICAL_POINTS_H_

#include <cstddef>

#include "coefficients.generated.h"
#include "dd.h"

namespace actfn::math {

// A root x0 of a derivative g and the expansion g(x0 + d) = d q(d) valid for |d| <= radius.
struct CriticalPoint {
  double x0_hi;  // x0 = x0_hi + x0_lo (double-double), to ~2^-106 relative
  double x0_lo;
  double x0_tail;  // x0 = x0_hi + x0_lo + x0_tail to ~2^-160: for double-double inputs closer than 2^-100
  double radius;  // use the expansion for |u - x0_hi| <= radius
  // q(d) = coefficients[0] + coefficients[1] d + ...; coefficients[0] = g'(x0)
  const double* coefficients;
  int count;
  double coefficient0_lo;  // low words of coefficients[0] and [1]: those two are double-doubles
  double coefficient1_lo;
};

namespace critical_points_detail {

namespace g = ::actfn::math::generated;

template <std::size_t N>
constexpr CriticalPoint make(double x0_hi, double x0_lo, double x0_tail, double radius, const double (&c)[N],
                             double c0_lo, double c1_lo) {
  return {x0_hi, x0_lo, x0_tail, radius, c, static_cast<int>(N), c0_lo, c1_lo};
}

// GELU'(x) = Phi(x) + x phi(x); root x0 = -0.75179152469356446.
inline constexpr CriticalPoint GELU_ROOT = make(g::GELU_ROOT_X0_HI, g::GELU_ROOT_X0_LO, g::GELU_ROOT_X0_TAIL,
                                                g::GELU_ROOT_RADIUS, g::GELU_ROOT_COEFFICIENTS, g::GELU_ROOT_C0_LO,
                                                g::GELU_ROOT_C1_LO);

// SiLU'(u) = sigma(u) (1 + u (1 - sigma(u))); root u0 = -1.2784645427610738.
inline constexpr CriticalPoint SILU_ROOT = make(g::SILU_ROOT_X0_HI, g::SILU_ROOT_X0_LO, g::SILU_ROOT_X0_TAIL,
                                                g::SILU_ROOT_RADIUS, g::SILU_ROOT_COEFFICIENTS, g::SILU_ROOT_C0_LO,
                                                g::SILU_ROOT_C1_LO);

// Mish'(x) = tanh(sp(x)) + x (1 - tanh(sp(x))^2) sigma(x), sp = softplus; root x0 = -1.1924312145154952.
inline constexpr CriticalPoint MISH_ROOT = make(g::MISH_ROOT_X0_HI, g::MISH_ROOT_X0_LO, g::MISH_ROOT_X0_TAIL,
                                                g::MISH_ROOT_RADIUS, g::MISH_ROOT_COEFFICIENTS, g::MISH_ROOT_C0_LO,
                                                g::MISH_ROOT_C1_LO);

// gelu_tanh'(x) = s + x s (1 - s) c (1 + 3k x^2), s = sigma(c (x + k x^3)), c = 2 sqrt(2/pi),
// k = 0.044715 (exact decimal); root x0 = -0.75246142207101626.
inline constexpr CriticalPoint GELU_TANH_ROOT =
    make(g::GELU_TANH_ROOT_X0_HI, g::GELU_TANH_ROOT_X0_LO, g::GELU_TANH_ROOT_X0_TAIL, g::GELU_TANH_ROOT_RADIUS,
         g::GELU_TANH_ROOT_COEFFICIENTS, g::GELU_TANH_ROOT_C0_LO, g::GELU_TANH_ROOT_C1_LO);

}  // namespace critical_points_detail

// The four expansions (definitions and formulas above, coefficients generated).
using critical_points_detail::GELU_ROOT;
using critical_points_detail::GELU_TANH_ROOT;
using critical_points_detail::MISH_ROOT;
using critical_points_detail::SILU_ROOT;

inline namespace ACTFN_MATH_TARGET_NAMESPACE {  // one copy per ISA target (see dd.h)

// g(u) for the derivative g that cp describes, at u = u_hi + u_lo (a double-double; pass u_lo = 0 for
// a plain double), valid for |u_hi - cp.x0_hi| <= cp.radius. d = u - x0 is formed as a double-double
// from error-free steps (x0 carried to three words), q(d) has its two leading steps compensated, and
// d q(d) is rounded once, so the result is relatively accurate even at the double nearest the root.
// Max error 1.24 ULP (relative; 0.86 to 1.24 across the four) over 4 x 202,000 points: uniform in
// |d| <= radius with and without a random low word, the 20,000 doubles nearest each root, log-spaced
// distances out to the radius, and double-doubles within 2^-60 .. 2^-160 of the root; against mpmath
// (tools/check-math.py). Coefficients: tools/gen-math-coefficients.py.
inline double critical_expansion(const CriticalPoint& cp, double u_hi, double u_lo) {
  // d = u - x0 = (u_hi - x0_hi) + (u_lo - x0_lo) - x0_tail as a double-double. Every step that can
  // cancel is error-free, so d keeps its relative accuracy even when u is within 2^-150 of x0.
  const double d0 = u_hi - cp.x0_hi;
  const double t = u_lo - cp.x0_lo;
  const double s = d0 + t;
  const double rest =
      sum_error(d0, t, s) + (sum_error(u_hi, -cp.x0_hi, d0) + sum_error(u_lo, -cp.x0_lo, t) - cp.x0_tail);
  const double d = s + rest;
  const double dl = sum_error(s, rest, d);
  const double* c = cp.coefficients;
  // q = c0 + d (c1 + d r(d)), with c0, c1 double-doubles and both outer steps compensated
  const double p1 = polynomial_from(c, cp.count, 2, d) * d;
  const double s1 = c[1] + p1;
  const double s1l = sum_error(c[1], p1, s1) + cp.coefficient1_lo;
  const double p0 = s1 * d;
  const double p0l = product_error(s1, d, p0) + s1l * d;
  const double q = c[0] + p0;
  const double ql = sum_error(c[0], p0, q) + (cp.coefficient0_lo + p0l);
  const double g = d * q;
  return g + (product_error(d, q, g) + (d * ql + dl * q));
}

}  // namespace ACTFN_MATH_TARGET_NAMESPACE
}  // namespace actfn::math

#endif  // ACTFN_KERNELS_MATH_CRITICAL_POINTS_H_
