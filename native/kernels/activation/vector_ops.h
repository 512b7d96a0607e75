// Vector forms of the activations whose arithmetic is a few compares and multiplies: written once
// against simd/vec.h, compiled per target. Each computes in the element type (float32 in float32),
// for speed, within its row's contract (src/activations/table.ts: `test`); the measured maxima are
// the rows' `measuredUlp`, which the README's accuracy table is generated from. NaN in gives NaN
// out, and kinks follow the scalar twins in scalar_ops.h.
// Activations without a vector form here run through their scalar float64 definition.
#pragma once

#include <cmath>
#include <limits>

#include "../kernels.h"
#include "../simd/vec.h"
#include "scalar_ops.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace vops {

// v rounded to T downwards or upwards: comparisons of T values with a double bound stay exact
// (x > v iff x > down(v); x < v iff x < up(v)) when v has no exact T form.
template <class T>
T round_down(double v) {
  const T t = static_cast<T>(v);
  return static_cast<double>(t) > v ? std::nextafter(t, -std::numeric_limits<T>::infinity()) : t;
}
template <class T>
T round_up(double v) {
  const T t = static_cast<T>(v);
  return static_cast<double>(t) < v ? std::nextafter(t, std::numeric_limits<T>::infinity()) : t;
}

// The row's two kernel params, broadcast once per call (never at static-initialisation time).
// a_lo is what rounding a to T lost, so a * x can be formed as if a were exact; the directed
// roundings serve comparisons against a and b (hardTanh's clamps, found by fuzzing: bounds of
// +-5e-324 are 0 in float32, yet 0 lies strictly between them).
template <class T>
struct VecParams {
  Vec<T> a, b, a_lo, a_down, a_up, b_down, b_up;
  explicit VecParams(ActivationParams p)
      : a(set<T>(static_cast<T>(p.a))),
        b(set<T>(static_cast<T>(p.b))),
        a_lo(set<T>(static_cast<T>(p.a - static_cast<double>(static_cast<T>(p.a))))),
        a_down(set<T>(round_down<T>(p.a))),
        a_up(set<T>(round_up<T>(p.a))),
        b_down(set<T>(round_down<T>(p.b))),
        b_up(set<T>(round_up<T>(p.b))) {}
};

// 1 strictly inside (lo, hi), 0 outside or on the ends, NaN for NaN.
template <class T>
inline Vec<T> indicator(Vec<T> x, Vec<T> lo, Vec<T> hi) {
  const Vec<T> zero_or_nan = select(is_nan(x), x, set<T>(0));
  const Mask<T> inside = gt(x, lo);
  return select(inside, select(lt(x, hi), set<T>(1), zero_or_nan), zero_or_nan);
}

struct Relu {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) {
    return select(mask_or(gt(x, set<T>(0)), is_nan(x)), x, set<T>(0));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) {
    return select(gt(x, set<T>(0)), set<T>(1), select(is_nan(x), x, set<T>(0)));
  }
};
struct LeakyRelu {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>& p) {
    const Vec<T> ax = p.a * x;  // + its exact rounding error + what a lost: alpha * x rounded once
    const Vec<T> rounded_once = select(is_inf(ax), ax, ax + fma(p.a_lo, x, fma(p.a, x, set<T>(0) - ax)));
    return select(gt(x, set<T>(0)), x, rounded_once);
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>& p) {
    return select(gt(x, set<T>(0)), set<T>(1), select(is_nan(x), x, p.a));
  }
};
struct Linear {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) { return x; }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) { return select(is_nan(x), x, set<T>(1)); }
};
struct Relu6 {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) {
    return select(le(x, set<T>(0)), set<T>(0), select(ge(x, set<T>(6)), set<T>(6), x));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) { return indicator(x, set<T>(0), set<T>(6)); }
};
struct HardTanh {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>& p) {
    return select(lt(x, p.a_up), p.a, select(gt(x, p.b_down), p.b, x));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>& p) { return indicator(x, p.a_down, p.b_up); }
};
struct HardSigmoid {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) {
    return select(le(x, set<T>(-3)), set<T>(0), select(ge(x, set<T>(3)), set<T>(1), (x + set<T>(3)) / set<T>(6)));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) {
    return indicator(x, set<T>(-3), set<T>(3)) / set<T>(6);
  }
};
struct HardSwish {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) {
    return select(le(x, set<T>(-3)), set<T>(0), select(ge(x, set<T>(3)), x, x * (x + set<T>(3)) / set<T>(6)));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) {
    return select(lt(x, set<T>(-3)), set<T>(0), select(gt(x, set<T>(3)), set<T>(1), (x + x + set<T>(3)) / set<T>(6)));
  }
};
struct Softsign {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>&) {
    return select(is_inf(x), copy_sign(set<T>(1), x), x / (set<T>(1) + abs(x)));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>&) {
    const Vec<T> d = set<T>(1) / (set<T>(1) + abs(x));
    return d * d;
  }
};

// |x| > lambd is tested against lambd rounded down to T (exact, see round_down); x - lambd is
// formed as (x - a) - a_lo, so a lambd with no exact T form costs at most one more rounding.
struct SoftShrink {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>& p) {
    const Vec<T> zero_or_nan = select(is_nan(x), x, set<T>(0));
    const Vec<T> above = (x - p.a) - p.a_lo;
    const Vec<T> below = (x + p.a) + p.a_lo;
    return select(gt(x, p.a_down), above, select(lt(x, set<T>(0) - p.a_down), below, zero_or_nan));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>& p) {
    return select(gt(abs(x), p.a_down), set<T>(1), select(is_nan(x), x, set<T>(0)));
  }
};
struct HardShrink {
  template <class T> ACTFN_INLINE static Vec<T> forward(Vec<T> x, const VecParams<T>& p) {
    return select(mask_or(gt(abs(x), p.a_down), is_nan(x)), x, set<T>(0));
  }
  template <class T> ACTFN_INLINE static Vec<T> derivative(Vec<T> x, const VecParams<T>& p) {
    return select(gt(abs(x), p.a_down), set<T>(1), select(is_nan(x), x, set<T>(0)));
  }
};

}  // namespace vops

// Which scalar op has a vector form: VectorOf<ops::X>::type is vops::X, or void.
template <class Op> struct VectorOf { using type = void; };
template <> struct VectorOf<ops::Relu> { using type = vops::Relu; };
template <> struct VectorOf<ops::LeakyRelu> { using type = vops::LeakyRelu; };
template <> struct VectorOf<ops::Linear> { using type = vops::Linear; };
template <> struct VectorOf<ops::Relu6> { using type = vops::Relu6; };
template <> struct VectorOf<ops::HardTanh> { using type = vops::HardTanh; };
template <> struct VectorOf<ops::HardSigmoid> { using type = vops::HardSigmoid; };
template <> struct VectorOf<ops::HardSwish> { using type = vops::HardSwish; };
template <> struct VectorOf<ops::Softsign> { using type = vops::Softsign; };
template <> struct VectorOf<ops::SoftShrink> { using type = vops::SoftShrink; };
template <> struct VectorOf<ops::HardShrink> { using type = vops::HardShrink; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
