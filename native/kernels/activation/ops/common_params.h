// A row's two kernel params (ActivationParams) as each lane form takes them, broadcast once per call
// (never at static-initialisation time), and the element types the lane namespaces are written in.
#pragma once

#include <cfloat>
#include <cmath>
#include <limits>

#include "../../kernels.h"
#include "../../simd/vec.h"
#include "../../simd/vmath_f64.h"

#ifndef ACTFN_TARGET
#error "compile kernel sources once per target with ACTFN_TARGET defined (see targets.h)"
#endif

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

}  // namespace vops

namespace nops {

using F = Vec<float>;

// A row's parameter a as float hi + lo, with what the kernels derive from it.
struct NarrowParams {
  F a, a_lo, a_lo_over_a;
  F tail_of_a_x;      // 80 / |a|: where |a x| passes 80 (results near float32's normal limit)
  F tail_of_x_over_a;  // 80 |a|: where |x / a| passes 80
  explicit NarrowParams(ActivationParams p)
      : a(set<float>(static_cast<float>(p.a))),
        a_lo(set<float>(static_cast<float>(p.a - static_cast<double>(static_cast<float>(p.a))))),
        a_lo_over_a(set<float>(static_cast<float>((p.a - static_cast<double>(static_cast<float>(p.a))) / p.a))),
        tail_of_a_x(set<float>(finite_bound(80 / (p.a < 0 ? -p.a : p.a)))),
        tail_of_x_over_a(set<float>(finite_bound(80 * (p.a < 0 ? -p.a : p.a)))) {}

 private:
  // An infinite bound would let x = +-inf into the float32 lanes.
  static float finite_bound(double bound) { return bound < FLT_MAX ? static_cast<float>(bound) : FLT_MAX; }
};

}  // namespace nops

namespace wops {

using D = Vec<double>;
using P = vops::VecParams<double>;

}  // namespace wops

namespace dops {

using f64::D;
using f64::DD;
using f64::k;
using f64::M;
using f64::neg;
using f64::one;
using f64::zero;

struct DParams {
  D a, b;
  double a_raw;
  explicit DParams(ActivationParams p) : a(set<double>(p.a)), b(set<double>(p.b)), a_raw(p.a) {}
};

}  // namespace dops
}  // namespace ACTFN_TARGET
}  // namespace actfn
