// logSigmoid(x) = log sigmoid(x): the scalar twin and the float32-lane, double-lane and float64 forms.
#pragma once

#include <cmath>

#include "../../kernels.h"
#include "../../math/dd.h"
#include "../../simd/vec.h"
#include "../../simd/vexp.h"
#include "../../simd/vmath_f32.h"
#include "../../simd/vmath_f64.h"
#include "common_basics.h"
#include "common_compensated.h"
#include "common_forms.h"
#include "common_logistic.h"
#include "common_params.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace ops {

struct LogSigmoid {
  static double forward(double x, ActivationParams) {
    return x >= 0 ? -std::log1p(std::exp(-x)) : x - std::log1p(std::exp(x));
  }
  static double derivative(double x, ActivationParams) { return sigmoid(-x); }
};

}  // namespace ops
namespace nops {

// logSigmoid(x) = min(x, 0) - log1p(e^-|x|); logSigmoid' = sigmoid(-x).
struct LogSigmoid {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams&) { return within(x, set<float>(kTail)); }
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    return select(lt(x, zero()), x, zero()) - vlog1p_unit_f32(exp_neg_abs(FloatPair{x, zero()}));
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) {  // sigmoid(-x)
    const LogisticParts l = logistic_parts(x);
    return select(ge(x, zero()), l.e * l.r, l.r);
  }
};

}  // namespace nops
namespace wops {

// logSigmoid(x) = min(x, 0) - log1p(e^-|x|); logSigmoid' = sigmoid(-x).
struct LogSigmoid {
  ACTFN_INLINE static D forward(D x, const P&) {
    return select(lt(x, set<double>(0)), x, set<double>(0)) - vlog1p_unit(vexp(set<double>(0) - abs(x)));
  }
  ACTFN_INLINE static D derivative(D x, const P&) { return sigmoid_pair(x).neg; }
};

}  // namespace wops
namespace dops {

// logSigmoid(x) = min(x, 0) - log1p(e^-|x|); logSigmoid' = sigma(-x).
struct LogSigmoid {
  ACTFN_INLINE static M domain(D x, const DParams&) { return le(abs(x), k(700)); }
  ACTFN_INLINE static D forward(D x, const DParams&) {
    const D l = f64::log1p_unit(f64::exp(neg(abs(x))));
    return f64::vmin(x, zero()) - l;
  }
  // sigma(-x) = (x < 0 ? 1 : e) / (1 + e), e = e^-|x| rounded: no cancellation, so exp's 0.55 ULP
  // and two roundings, within ~1.6 ULP of the 8 allowed, without the compensated quotient.
  ACTFN_INLINE static D derivative(D x, const DParams&) {
    const D e = f64::exp(neg(abs(x)));
    return select(lt(x, zero()), one(), e) / (one() + e);
  }
};

}  // namespace dops

template <> struct NarrowOf<ops::LogSigmoid> { using type = nops::LogSigmoid; };
template <> struct WideOf<ops::LogSigmoid> { using type = wops::LogSigmoid; };
template <> struct DoubleOf<ops::LogSigmoid> { using type = dops::LogSigmoid; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
