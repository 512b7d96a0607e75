// Derivatives with an interior root (silu', swish', gelu', geluTanh', mish'): near the root the
// regular forms cancel, so the lanes within a radius of it run the critical-point expansion
// (math/critical_points.h) instead, the regular form the others.
#pragma once

#include <cmath>

#include "../../math/critical_points.h"
#include "../../simd/vmath_f64.h"
#include "common_params.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

inline bool near_root(const math::CriticalPoint& cp, double u) { return std::fabs(u - cp.x0_hi) <= cp.radius; }

}  // namespace ops
namespace dops {

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

}  // namespace dops

}  // namespace ACTFN_TARGET
}  // namespace actfn
