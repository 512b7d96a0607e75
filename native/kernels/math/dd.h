// Error-free transformations of float64 arithmetic and the small double-double steps built on them,
// plus the two plain double building blocks the math kernels share (polynomial evaluation, ldexp).
//
// A double-double is an unevaluated sum hi + lo of two doubles. Everything is inline, allocation-free
// and plain C++17 (no Node headers), so it can be included into per-ISA translation units. Twin of
// src/backend/js/math/dd.ts: same contracts, same values bit for bit (the product error uses std::fma
// here and Veltkamp's split there; both are exact).
//
// These identities need IEEE-754 semantics: no -ffast-math / -fassociative-math (which would fold
// the error terms to 0). Contraction of a*b+c into fma (-ffp-contract=fast) is harmless: no error-free
// step below has a multiplication inside it.
#ifndef ACTFN_KERNELS_MATH_DD_H_
#define ACTFN_KERNELS_MATH_DD_H_

#include <cmath>

#if defined(__FAST_MATH__)
#error "actfn/native/kernels/math needs IEEE-754 semantics: do not build it with -ffast-math"
#endif

// Kernel sources are compiled once per ISA target (see native/kernels/targets.h), each with its own
// flags, and these headers are included into every copy. Inline functions shared by name across the
// copies would be one weak symbol, and the linker would keep a single (maybe AVX-512) body for all
// targets. So the functions live in an inline namespace named after ACTFN_TARGET: callers still
// write actfn::math::erfc, and each target gets its own symbols. (Constant data stays shared.)
#define ACTFN_MATH_PASTE_(a, b) a##b
#define ACTFN_MATH_PASTE(a, b) ACTFN_MATH_PASTE_(a, b)
#ifdef ACTFN_TARGET
#define ACTFN_MATH_TARGET_NAMESPACE ACTFN_MATH_PASTE(target_, ACTFN_TARGET)
#else
#define ACTFN_MATH_TARGET_NAMESPACE target_default
#endif

namespace actfn::math {
inline namespace ACTFN_MATH_TARGET_NAMESPACE {

// The exact rounding error of s = fl(a + b): (a + b) - s (Knuth's TwoSum). Any finite a, b, no
// ordering requirement; s must be fl(a + b) itself. NaN when a + b overflows.
inline double sum_error(double a, double b, double s) {
  const double bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

// The exact rounding error of s = fl(a + b) when |a| >= |b| or a == 0 (Dekker's FastTwoSum).
inline double fast_sum_error(double a, double b, double s) { return b - (s - a); }

// The exact rounding error of p = fl(a * b): a*b - p, exact whenever a*b does not underflow
// (|a*b| >= 2^-969) and is finite. One fused multiply-add.
inline double product_error(double a, double b, double p) { return std::fma(a, b, -p); }

// x * 2^n with a single rounding (std::ldexp), so a result entering the subnormal range is rounded
// once; overflows to +-inf and underflows to +-0 like the exact product.
// The correction c that makes q + c the double-double quotient (a + al) / (b + bl) for
// q = fl(a / b), to first order in al and bl (the js twin in dd.ts says more).
inline double quotient_error(double a, double al, double b, double bl, double q) {
  const double p = q * b;
  return (a - p - product_error(q, b, p) + al - q * bl) / b;
}

inline double scale_by_power_of_two(double x, int n) { return std::ldexp(x, n); }

// c[start] + c[start+1] v + c[start+2] v^2 + ... + c[count-1] v^(count-1-start), for count - start >= 2.
// Horner's rule run as two interleaved chains in v^2 (even and odd powers), joined at the end: the
// same rounding behaviour as one chain for the fast-decaying coefficients used here, at half the
// latency. The generator (tools/gen-math-coefficients.py) measures the accuracy with this exact order.
inline double polynomial_from(const double* c, int count, int start, double v) {
  const double v2 = v * v;
  int i = count - 1;
  double top = c[i];  // the chain holding the highest coefficient
  double other = c[i - 1];
  for (i -= 2; i > start; i -= 2) {
    top = top * v2 + c[i];
    other = other * v2 + c[i - 1];
  }
  if (i == start) return top * v2 + c[start] + v * other;  // top chain has the even powers
  return other + v * top;
}

}  // namespace ACTFN_MATH_TARGET_NAMESPACE
}  // namespace actfn::math

#endif  // ACTFN_KERNELS_MATH_DD_H_
