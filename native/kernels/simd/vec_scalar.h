// The scalar target: one lane, plain C++ (also what non-x86 builds use).
#pragma once

#include <cmath>

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


}  // namespace ACTFN_TARGET
}  // namespace actfn
