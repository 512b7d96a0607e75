// AArch64 Advanced SIMD (NEON, part of every AArch64 CPU, so no detection and no extra flags): 4
// floats or 2 doubles per 128-bit register; masks are full-width lane masks (all ones or zero).
//
// The same semantics as the x86 targets, lane for lane: IEEE add, multiply, divide and fused
// multiply-add (vfmaq) round identically; comparisons are ordered (false on NaN); min/max return b
// where either lane is NaN, the x86 rule, by compare-and-select (NEON's own vminq/vmaxq would return
// NaN, and vminnmq/vmaxnmq the number); fms and fnma are a*b + (-c) and -(a*b) + c as on x86, so an
// exact zero comes out +0. rcp_approx differs (its own estimate and precision, kRcpApproxBits), and
// stream() is a plain store (no non-temporal hint worth having here).
#pragma once

#include <arm_neon.h>

#include <cstdint>
#include <limits>

namespace actfn {
namespace ACTFN_TARGET {

template <class T> struct Vec;
template <class T> struct Mask;
template <> struct Vec<float> { static constexpr int N = 4; float32x4_t v; };
template <> struct Vec<double> { static constexpr int N = 2; float64x2_t v; };
template <> struct Mask<float> { uint32x4_t m; };
template <> struct Mask<double> { uint64x2_t m; };

template <class T> Vec<T> load(const T* p);
template <> inline Vec<float> load(const float* p) { return {vld1q_f32(p)}; }
template <> inline Vec<double> load(const double* p) { return {vld1q_f64(p)}; }
inline void store(float* p, Vec<float> a) { vst1q_f32(p, a.v); }
inline void store(double* p, Vec<double> a) { vst1q_f64(p, a.v); }
template <class T> Vec<T> set(T x);
template <> inline Vec<float> set(float x) { return {vdupq_n_f32(x)}; }
template <> inline Vec<double> set(double x) { return {vdupq_n_f64(x)}; }

inline Vec<float> operator+(Vec<float> a, Vec<float> b) { return {vaddq_f32(a.v, b.v)}; }
inline Vec<float> operator-(Vec<float> a, Vec<float> b) { return {vsubq_f32(a.v, b.v)}; }
inline Vec<float> operator*(Vec<float> a, Vec<float> b) { return {vmulq_f32(a.v, b.v)}; }
inline Vec<float> operator/(Vec<float> a, Vec<float> b) { return {vdivq_f32(a.v, b.v)}; }
inline Vec<float> fma(Vec<float> a, Vec<float> b, Vec<float> c) { return {vfmaq_f32(c.v, a.v, b.v)}; }
inline Vec<float> abs(Vec<float> a) { return {vabsq_f32(a.v)}; }
inline Vec<float> copy_sign(Vec<float> mag, Vec<float> sign) { return {vbslq_f32(vdupq_n_u32(0x80000000u), sign.v, mag.v)}; }
inline Mask<float> lt(Vec<float> a, Vec<float> b) { return {vcltq_f32(a.v, b.v)}; }
inline Mask<float> le(Vec<float> a, Vec<float> b) { return {vcleq_f32(a.v, b.v)}; }
inline Mask<float> gt(Vec<float> a, Vec<float> b) { return {vcgtq_f32(a.v, b.v)}; }
inline Mask<float> ge(Vec<float> a, Vec<float> b) { return {vcgeq_f32(a.v, b.v)}; }
inline Mask<float> is_nan(Vec<float> a) { return {vmvnq_u32(vceqq_f32(a.v, a.v))}; }
inline Mask<float> is_inf(Vec<float> a) { return {vceqq_f32(vabsq_f32(a.v), vdupq_n_f32(std::numeric_limits<float>::infinity()))}; }
inline Mask<float> mask_or(Mask<float> a, Mask<float> b) { return {vorrq_u32(a.m, b.m)}; }
inline Vec<float> select(Mask<float> m, Vec<float> a, Vec<float> b) { return {vbslq_f32(m.m, a.v, b.v)}; }

inline Vec<double> operator+(Vec<double> a, Vec<double> b) { return {vaddq_f64(a.v, b.v)}; }
inline Vec<double> operator-(Vec<double> a, Vec<double> b) { return {vsubq_f64(a.v, b.v)}; }
inline Vec<double> operator*(Vec<double> a, Vec<double> b) { return {vmulq_f64(a.v, b.v)}; }
inline Vec<double> operator/(Vec<double> a, Vec<double> b) { return {vdivq_f64(a.v, b.v)}; }
inline Vec<double> fma(Vec<double> a, Vec<double> b, Vec<double> c) { return {vfmaq_f64(c.v, a.v, b.v)}; }
inline Vec<double> abs(Vec<double> a) { return {vabsq_f64(a.v)}; }
inline Vec<double> sqrt(Vec<double> a) { return {vsqrtq_f64(a.v)}; }
inline Vec<double> copy_sign(Vec<double> mag, Vec<double> sign) {
  return {vbslq_f64(vdupq_n_u64(0x8000000000000000ull), sign.v, mag.v)};
}
inline Mask<double> lt(Vec<double> a, Vec<double> b) { return {vcltq_f64(a.v, b.v)}; }
inline Mask<double> le(Vec<double> a, Vec<double> b) { return {vcleq_f64(a.v, b.v)}; }
inline Mask<double> gt(Vec<double> a, Vec<double> b) { return {vcgtq_f64(a.v, b.v)}; }
inline Mask<double> ge(Vec<double> a, Vec<double> b) { return {vcgeq_f64(a.v, b.v)}; }
inline Mask<double> is_nan(Vec<double> a) { return {vreinterpretq_u64_u32(vmvnq_u32(vreinterpretq_u32_u64(vceqq_f64(a.v, a.v))))}; }
inline Mask<double> is_inf(Vec<double> a) { return {vceqq_f64(vabsq_f64(a.v), vdupq_n_f64(std::numeric_limits<double>::infinity()))}; }
inline Mask<double> mask_or(Mask<double> a, Mask<double> b) { return {vorrq_u64(a.m, b.m)}; }
inline Vec<double> select(Mask<double> m, Vec<double> a, Vec<double> b) { return {vbslq_f64(m.m, a.v, b.v)}; }

// float32 <-> float64 lanes: Vec<double>::N floats at a time (kernels that compute float32 in double).
inline Vec<double> load_widen(const float* p) { return {vcvt_f64_f32(vld1_f32(p))}; }
inline void store_narrow(float* p, Vec<double> a) { vst1_f32(p, vcvt_f32_f64(a.v)); }
// Round to nearest, ties to even (as _MM_FROUND_TO_NEAREST_INT).
inline Vec<double> round_nearest(Vec<double> a) { return {vrndnq_f64(a.v)}; }
// 2^n for integral n in [-1022, 1023], built in the exponent field.
inline Vec<double> pow2i(Vec<double> n) {
  const int64x2_t bits = vaddq_s64(vcvtnq_s64_f64(n.v), vdupq_n_s64(1023));
  return {vreinterpretq_f64_s64(vshlq_n_s64(bits, 52))};
}
// Bit i set when lane i of the mask is set.
inline unsigned lane_bits(Mask<double> m) {
  return static_cast<unsigned>((vgetq_lane_u64(m.m, 0) & 1u) | (vgetq_lane_u64(m.m, 1) & 2u));
}

inline Mask<double> eq(Vec<double> a, Vec<double> b) { return {vceqq_f64(a.v, b.v)}; }

// Float lanes: round to nearest, 2^n for integral n in [-126, 127], the lane bits of a mask.
inline Vec<float> round_nearest(Vec<float> a) { return {vrndnq_f32(a.v)}; }
inline Vec<float> pow2i(Vec<float> n) {
  const int32x4_t bits = vaddq_s32(vcvtnq_s32_f32(n.v), vdupq_n_s32(127));
  return {vreinterpretq_f32_s32(vshlq_n_s32(bits, 23))};
}
inline unsigned lane_bits(Mask<float> m) {
  const uint32_t weights[4] = {1, 2, 4, 8};
  return vaddvq_u32(vandq_u32(m.m, vld1q_u32(weights)));
}
// About 1/a: the hardware estimate (about 8 bits) and one Newton step (vrecps: 2 - a r, fused),
// relative error about 2^-16; kRcpApproxBits says 14 (as AVX-512's rcp14), for correction terms.
inline Vec<float> rcp_approx(Vec<float> a) {
  const float32x4_t r = vrecpeq_f32(a.v);
  return {vmulq_f32(r, vrecpsq_f32(a.v, r))};
}

// No non-temporal hint: plain stores, and nothing to order.
inline void stream(float* p, Vec<float> a) { vst1q_f32(p, a.v); }
inline void stream(double* p, Vec<double> a) { vst1q_f64(p, a.v); }
inline void stream_fence() {}


// Float lanes for table-driven kernels (simd/float_tables.generated.h).
// min/max return b where either lane is NaN (the x86 rule), so min(bound, x) keeps a NaN x.
inline Vec<float> min(Vec<float> a, Vec<float> b) { return {vbslq_f32(vcltq_f32(a.v, b.v), a.v, b.v)}; }
inline Vec<float> max(Vec<float> a, Vec<float> b) { return {vbslq_f32(vcgtq_f32(a.v, b.v), a.v, b.v)}; }
inline Vec<double> min(Vec<double> a, Vec<double> b) { return {vbslq_f64(vcltq_f64(a.v, b.v), a.v, b.v)}; }
inline Vec<double> max(Vec<double> a, Vec<double> b) { return {vbslq_f64(vcgtq_f64(a.v, b.v), a.v, b.v)}; }
inline Vec<float> fms(Vec<float> a, Vec<float> b, Vec<float> c) { return {vfmaq_f32(vnegq_f32(c.v), a.v, b.v)}; }  // a b - c
inline Vec<float> negative_abs(Vec<float> a) { return {vreinterpretq_f32_u32(vorrq_u32(vreinterpretq_u32_f32(a.v), vdupq_n_u32(0x80000000u)))}; }
// -min(|a|, c) for c > 0; NaN stays NaN (fmax propagates it).
inline Vec<float> negative_abs_min(Vec<float> a, float c) { return {vmaxq_f32(vdupq_n_f32(-c), negative_abs(a).v)}; }
// Bits of a lane as an integer: shifted right, masked, or'ed (the result reinterpreted as float lanes).
inline Vec<float> shift_right_bits(Vec<float> a, int n) {
  return {vreinterpretq_f32_u32(vshlq_u32(vreinterpretq_u32_f32(a.v), vdupq_n_s32(-n)))};
}
inline Vec<float> and_bits(Vec<float> a, unsigned bits) { return {vreinterpretq_f32_u32(vandq_u32(vreinterpretq_u32_f32(a.v), vdupq_n_u32(bits)))}; }
inline Vec<float> or_bits(Vec<float> a, unsigned bits) { return {vreinterpretq_f32_u32(vorrq_u32(vreinterpretq_u32_f32(a.v), vdupq_n_u32(bits)))}; }
// table[k] per lane, k = the low 4 (lookup16) or 5 (lookup32) bits of the key lane's bit pattern:
// byte shuffles over the table's 64 (128) bytes, each lane's four byte indices 4k .. 4k + 3.
inline uint8x16_t lookup_bytes(Vec<float> key, unsigned low_bits) {
  const uint32x4_t k = vandq_u32(vreinterpretq_u32_f32(key.v), vdupq_n_u32(low_bits));
  return vreinterpretq_u8_u32(vmlaq_u32(vdupq_n_u32(0x03020100u), k, vdupq_n_u32(0x04040404u)));
}
inline uint8x16x4_t table_bytes(const float* table) {
  const uint8_t* b = reinterpret_cast<const uint8_t*>(table);
  return {{vld1q_u8(b), vld1q_u8(b + 16), vld1q_u8(b + 32), vld1q_u8(b + 48)}};
}
inline Vec<float> lookup16(const float* table, Vec<float> key) {
  return {vreinterpretq_f32_u8(vqtbl4q_u8(table_bytes(table), lookup_bytes(key, 15u)))};
}
inline Vec<float> lookup32(const float* table, Vec<float> key) {
  const uint8x16_t index = lookup_bytes(key, 31u);
  // indices 64..127 are out of range for the first half (0 there) and, less 64, pick from the second;
  // indices below 64 wrap to 192 and up, out of range, so vqtbx4 keeps the first half's byte
  const uint8x16_t lo = vqtbl4q_u8(table_bytes(table), index);
  return {vreinterpretq_f32_u8(vqtbx4q_u8(lo, table_bytes(table + 16), vsubq_u8(index, vdupq_n_u8(64))))};
}
// v rounded to a multiple of 1/16.
inline Vec<float> round_sixteenths(Vec<float> a) { return {vmulq_f32(vrndnq_f32(vmulq_f32(a.v, vdupq_n_f32(16.0f))), vdupq_n_f32(0.0625f))}; }
// v 2^floor(m), rounded once (also into the subnormal range): two exact power-of-two factors, each
// a normal float, the second product the only rounding. floor(m) is clamped to [-252, 254] (a NaN m
// clamps to -252, as on AVX2).
inline Vec<float> scale_pow2(Vec<float> v, Vec<float> m) {
  const Vec<float> fm = min(max(Vec<float>{vrndmq_f32(m.v)}, set<float>(-252.0f)), set<float>(254.0f));
  const int32x4_t n = vcvtq_s32_f32(fm.v);  // exact: fm is integral
  const int32x4_t n1 = vshrq_n_s32(n, 1);
  const int32x4_t n2 = vsubq_s32(n, n1);
  const float32x4_t s1 = vreinterpretq_f32_s32(vshlq_n_s32(vaddq_s32(n1, vdupq_n_s32(127)), 23));
  const float32x4_t s2 = vreinterpretq_f32_s32(vshlq_n_s32(vaddq_s32(n2, vdupq_n_s32(127)), 23));
  return {vmulq_f32(vmulq_f32(v.v, s1), s2)};
}

// The low and high halves of float lanes as double lanes (exact), for float64 accumulation.
inline Vec<double> widen_lo(Vec<float> a) { return {vcvt_f64_f32(vget_low_f32(a.v))}; }
inline Vec<double> widen_hi(Vec<float> a) { return {vcvt_high_f64_f32(a.v)}; }
// Vec<double>::N floats from p as double lanes.
inline Vec<double> widen_load(const float* p) { return {vcvt_f64_f32(vld1_f32(p))}; }

inline Vec<float> fnma(Vec<float> a, Vec<float> b, Vec<float> c) { return {vfmsq_f32(c.v, a.v, b.v)}; }  // c - a b
constexpr int kRcpApproxBits = 14;  // rcp_approx's relative error is below 2^-14 (about 2^-16)


}  // namespace ACTFN_TARGET
}  // namespace actfn
