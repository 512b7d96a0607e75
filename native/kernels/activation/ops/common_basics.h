// The small vocabulary most op headers share: the constants of the scaled tails, NaN tests, the
// 0/1 indicator of an open interval, each lane namespace's 0 and 1, and domain masks.
#pragma once

#include <cmath>
#include <limits>

#include "../../kernels.h"
#include "../../simd/vmath_f32.h"
#include "common_params.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

constexpr double kEMinus700 = 9.85967654375977e-305;  // e^-700, the deep-tail scale

constexpr double kInf = std::numeric_limits<double>::infinity();

inline bool is_nan(double x) { return x != x; }

inline double indicator(double x, double lo, double hi) { return x > lo && x < hi ? 1.0 : is_nan(x) ? x : 0.0; }

}  // namespace ops
namespace vops {

// 1 strictly inside (lo, hi), 0 outside or on the ends, NaN for NaN.
template <class T>
inline Vec<T> indicator(Vec<T> x, Vec<T> lo, Vec<T> hi) {
  const Vec<T> zero_or_nan = select(is_nan(x), x, set<T>(0));
  const Mask<T> inside = gt(x, lo);
  return select(inside, select(lt(x, hi), set<T>(1), zero_or_nan), zero_or_nan);
}

// t / 6 rounded once, without a divide (vdivps on a 512-bit vector issues once per several cycles
// on Zen 4, too slow to keep up with memory in the hard variants): q = t RN(1/6), then one
// correction with the exact remainder t - 6q (Markstein). Equal to t / 6 for every float32 t whose
// quotient is a normal float and for 4e8 random float64 (tools/check-divide-by-six.c); a subnormal
// quotient may be 1 ulp off.
template <class T>
ACTFN_INLINE Vec<T> divide_by_six(Vec<T> t) {
  const Vec<T> sixth = set<T>(static_cast<T>(1) / static_cast<T>(6));
  const Vec<T> q = t * sixth;
  return fma(fma(q, set<T>(-6), t), sixth, q);
}

}  // namespace vops
namespace nops {

constexpr float kTail = 80;  // e^-80 = 1.8e-35: every exp in the domain is a normal float

ACTFN_INLINE Mask<float> within(F x, F bound) { return le(abs(x), bound); }
ACTFN_INLINE F one() { return set<float>(1); }
ACTFN_INLINE F zero() { return set<float>(0); }

}  // namespace nops
namespace wops {

ACTFN_INLINE D one() { return set<double>(1); }

}  // namespace wops
namespace dops {

ACTFN_INLINE M finite(D x) { return le(abs(x), k(1.7976931348623157e308)); }
ACTFN_INLINE M in_range(D x, double lo, double hi) { return f64::mask_and(ge(x, k(lo)), le(x, k(hi))); }

}  // namespace dops

}  // namespace ACTFN_TARGET
}  // namespace actfn
