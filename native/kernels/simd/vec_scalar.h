// The scalar target: one lane, plain C++ (also what non-x86 builds use).
#pragma once

#include <cmath>
#include <cstring>

namespace actfn {
namespace ACTFN_TARGET {

template <class T>
struct Vec {
  static constexpr int N = 1;
  T v;
};
template <class T>
struct Mask {
  bool m;
};

template <class T> inline Vec<T> load(const T* p) { return {*p}; }
template <class T> inline void store(T* p, Vec<T> a) { *p = a.v; }
template <class T> inline Vec<T> set(T x) { return {x}; }
template <class T> inline Vec<T> operator+(Vec<T> a, Vec<T> b) { return {a.v + b.v}; }
template <class T> inline Vec<T> operator-(Vec<T> a, Vec<T> b) { return {a.v - b.v}; }
template <class T> inline Vec<T> operator*(Vec<T> a, Vec<T> b) { return {a.v * b.v}; }
template <class T> inline Vec<T> operator/(Vec<T> a, Vec<T> b) { return {a.v / b.v}; }
template <class T> inline Vec<T> fma(Vec<T> a, Vec<T> b, Vec<T> c) { return {std::fma(a.v, b.v, c.v)}; }
template <class T> inline Vec<T> abs(Vec<T> a) { return {std::fabs(a.v)}; }
template <class T> inline Vec<T> sqrt(Vec<T> a) { return {std::sqrt(a.v)}; }  // correctly rounded, as the vector forms
template <class T> inline Vec<T> copy_sign(Vec<T> magnitude, Vec<T> sign) { return {std::copysign(magnitude.v, sign.v)}; }
template <class T> inline Mask<T> lt(Vec<T> a, Vec<T> b) { return {a.v < b.v}; }
template <class T> inline Mask<T> le(Vec<T> a, Vec<T> b) { return {a.v <= b.v}; }
template <class T> inline Mask<T> gt(Vec<T> a, Vec<T> b) { return {a.v > b.v}; }
template <class T> inline Mask<T> ge(Vec<T> a, Vec<T> b) { return {a.v >= b.v}; }
template <class T> inline Mask<T> is_nan(Vec<T> a) { return {a.v != a.v}; }
template <class T> inline Mask<T> is_inf(Vec<T> a) { return {std::isinf(a.v)}; }
template <class T> inline Mask<T> mask_or(Mask<T> a, Mask<T> b) { return {a.m || b.m}; }
template <class T> inline Vec<T> select(Mask<T> m, Vec<T> a, Vec<T> b) { return m.m ? a : b; }

// float32 <-> float64 lanes (one lane here).
inline Vec<double> load_widen(const float* p) { return {static_cast<double>(*p)}; }
inline void store_narrow(float* p, Vec<double> a) { *p = static_cast<float>(a.v); }
inline Vec<double> round_nearest(Vec<double> a) { return {std::nearbyint(a.v)}; }
inline Vec<double> pow2i(Vec<double> n) { return {std::ldexp(1.0, static_cast<int>(n.v))}; }
inline unsigned lane_bits(Mask<double> m) { return m.m ? 1u : 0u; }

inline Vec<float> round_nearest(Vec<float> a) { return {std::nearbyint(a.v)}; }
inline Vec<float> pow2i(Vec<float> n) { return {std::ldexp(1.0f, static_cast<int>(n.v))}; }
inline unsigned lane_bits(Mask<float> m) { return m.m ? 1u : 0u; }
inline Vec<float> rcp_approx(Vec<float> a) { return {1.0f / a.v}; }

template <class T> inline Mask<T> eq(Vec<T> a, Vec<T> b) { return {a.v == b.v}; }

// No non-temporal stores on the scalar target: plain stores.
template <class T> inline void stream(T* p, Vec<T> a) { *p = a.v; }
inline void stream_fence() {}


// Float lanes for table-driven kernels (simd/float_tables.generated.h), with the x86 semantics the
// vector targets have: min/max return b where either is NaN.
inline Vec<float> min(Vec<float> a, Vec<float> b) { return {a.v < b.v ? a.v : b.v}; }
inline Vec<float> max(Vec<float> a, Vec<float> b) { return {a.v > b.v ? a.v : b.v}; }
inline Vec<double> min(Vec<double> a, Vec<double> b) { return {a.v < b.v ? a.v : b.v}; }
inline Vec<double> max(Vec<double> a, Vec<double> b) { return {a.v > b.v ? a.v : b.v}; }
inline Vec<float> fms(Vec<float> a, Vec<float> b, Vec<float> c) { return {std::fma(a.v, b.v, -c.v)}; }
inline Vec<float> negative_abs(Vec<float> a) { return {-std::fabs(a.v)}; }
// -min(|a|, c) for c > 0; NaN stays NaN.
inline Vec<float> negative_abs_min(Vec<float> a, float c) { return {std::isnan(a.v) ? a.v : -std::fmin(std::fabs(a.v), c)}; }
inline unsigned float_bits(float f) { unsigned u; std::memcpy(&u, &f, sizeof u); return u; }
inline Vec<float> from_bits(unsigned u) { float f; std::memcpy(&f, &u, sizeof f); return {f}; }
inline Vec<float> shift_right_bits(Vec<float> a, int n) { return from_bits(float_bits(a.v) >> n); }
inline Vec<float> and_bits(Vec<float> a, unsigned bits) { return from_bits(float_bits(a.v) & bits); }
inline Vec<float> or_bits(Vec<float> a, unsigned bits) { return from_bits(float_bits(a.v) | bits); }
inline Vec<float> lookup16(const float* table, Vec<float> key) { return {table[float_bits(key.v) & 15u]}; }
inline Vec<float> lookup32(const float* table, Vec<float> key) { return {table[float_bits(key.v) & 31u]}; }
inline Vec<float> round_sixteenths(Vec<float> a) { return {std::nearbyint(a.v * 16.0f) / 16.0f}; }
inline Vec<float> scale_pow2(Vec<float> v, Vec<float> m) {
  const float n = std::floor(m.v);
  return {std::ldexp(v.v, n < -300 ? -300 : n > 300 ? 300 : static_cast<int>(n))};
}

// The low and high halves of float lanes as double lanes: one lane here, so the high half is empty (0).
inline Vec<double> widen_lo(Vec<float> a) { return {static_cast<double>(a.v)}; }
inline Vec<double> widen_hi(Vec<float>) { return {0.0}; }
// Vec<double>::N floats from p as double lanes.
inline Vec<double> widen_load(const float* p) { return {static_cast<double>(*p)}; }

inline Vec<float> fnma(Vec<float> a, Vec<float> b, Vec<float> c) { return {std::fma(-a.v, b.v, c.v)}; }
constexpr int kRcpApproxBits = 24;


}  // namespace ACTFN_TARGET
}  // namespace actfn
