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
