// The exponential-linear family (elu, selu): SELU's fixed scale and alpha, and the float64
// double-lane form both ops instantiate.
#pragma once

#include <cmath>

#include "../../simd/vmath_f64.h"
#include "common_params.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

constexpr double kSeluScale = 1.0507009873554804934193349852946;
constexpr double kSeluScaleAlpha = 1.7580993408473768;

}  // namespace ops
namespace dops {

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

}  // namespace dops

}  // namespace ACTFN_TARGET
}  // namespace actfn
