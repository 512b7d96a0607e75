// AVX-512 (F, DQ, BW, VL): 16 floats or 8 doubles per register; masks are k-registers.
#pragma once

#include <immintrin.h>

namespace actfn {
namespace ACTFN_TARGET {

template <class T> struct Vec;
template <class T> struct Mask;
template <> struct Vec<float> { static constexpr int N = 16; __m512 v; };
template <> struct Vec<double> { static constexpr int N = 8; __m512d v; };
template <> struct Mask<float> { __mmask16 m; };
template <> struct Mask<double> { __mmask8 m; };

template <class T> Vec<T> load(const T* p);
template <> inline Vec<float> load(const float* p) { return {_mm512_loadu_ps(p)}; }
template <> inline Vec<double> load(const double* p) { return {_mm512_loadu_pd(p)}; }
inline void store(float* p, Vec<float> a) { _mm512_storeu_ps(p, a.v); }
inline void store(double* p, Vec<double> a) { _mm512_storeu_pd(p, a.v); }
template <class T> Vec<T> set(T x);
template <> inline Vec<float> set(float x) { return {_mm512_set1_ps(x)}; }
template <> inline Vec<double> set(double x) { return {_mm512_set1_pd(x)}; }

inline Vec<float> operator+(Vec<float> a, Vec<float> b) { return {_mm512_add_ps(a.v, b.v)}; }
inline Vec<float> operator-(Vec<float> a, Vec<float> b) { return {_mm512_sub_ps(a.v, b.v)}; }
inline Vec<float> operator*(Vec<float> a, Vec<float> b) { return {_mm512_mul_ps(a.v, b.v)}; }
inline Vec<float> operator/(Vec<float> a, Vec<float> b) { return {_mm512_div_ps(a.v, b.v)}; }
inline Vec<float> fma(Vec<float> a, Vec<float> b, Vec<float> c) { return {_mm512_fmadd_ps(a.v, b.v, c.v)}; }
inline Vec<float> abs(Vec<float> a) { return {_mm512_abs_ps(a.v)}; }
inline Vec<float> copy_sign(Vec<float> mag, Vec<float> sign) {
  const __m512 s = _mm512_set1_ps(-0.0f);
  return {_mm512_or_ps(_mm512_andnot_ps(s, mag.v), _mm512_and_ps(s, sign.v))};
}
inline Mask<float> lt(Vec<float> a, Vec<float> b) { return {_mm512_cmp_ps_mask(a.v, b.v, _CMP_LT_OQ)}; }
inline Mask<float> le(Vec<float> a, Vec<float> b) { return {_mm512_cmp_ps_mask(a.v, b.v, _CMP_LE_OQ)}; }
inline Mask<float> gt(Vec<float> a, Vec<float> b) { return {_mm512_cmp_ps_mask(a.v, b.v, _CMP_GT_OQ)}; }
inline Mask<float> ge(Vec<float> a, Vec<float> b) { return {_mm512_cmp_ps_mask(a.v, b.v, _CMP_GE_OQ)}; }
inline Mask<float> is_nan(Vec<float> a) { return {_mm512_cmp_ps_mask(a.v, a.v, _CMP_UNORD_Q)}; }
inline Mask<float> is_inf(Vec<float> a) { return {_mm512_fpclass_ps_mask(a.v, 0x18)}; }  // +inf | -inf
inline Mask<float> mask_or(Mask<float> a, Mask<float> b) { return {static_cast<__mmask16>(a.m | b.m)}; }
inline Vec<float> select(Mask<float> m, Vec<float> a, Vec<float> b) { return {_mm512_mask_blend_ps(m.m, b.v, a.v)}; }

inline Vec<double> operator+(Vec<double> a, Vec<double> b) { return {_mm512_add_pd(a.v, b.v)}; }
inline Vec<double> operator-(Vec<double> a, Vec<double> b) { return {_mm512_sub_pd(a.v, b.v)}; }
inline Vec<double> operator*(Vec<double> a, Vec<double> b) { return {_mm512_mul_pd(a.v, b.v)}; }
inline Vec<double> operator/(Vec<double> a, Vec<double> b) { return {_mm512_div_pd(a.v, b.v)}; }
inline Vec<double> fma(Vec<double> a, Vec<double> b, Vec<double> c) { return {_mm512_fmadd_pd(a.v, b.v, c.v)}; }
inline Vec<double> abs(Vec<double> a) { return {_mm512_abs_pd(a.v)}; }
inline Vec<double> sqrt(Vec<double> a) { return {_mm512_sqrt_pd(a.v)}; }
inline Vec<double> copy_sign(Vec<double> mag, Vec<double> sign) {
  const __m512d s = _mm512_set1_pd(-0.0);
  return {_mm512_or_pd(_mm512_andnot_pd(s, mag.v), _mm512_and_pd(s, sign.v))};
}
inline Mask<double> lt(Vec<double> a, Vec<double> b) { return {_mm512_cmp_pd_mask(a.v, b.v, _CMP_LT_OQ)}; }
inline Mask<double> le(Vec<double> a, Vec<double> b) { return {_mm512_cmp_pd_mask(a.v, b.v, _CMP_LE_OQ)}; }
inline Mask<double> gt(Vec<double> a, Vec<double> b) { return {_mm512_cmp_pd_mask(a.v, b.v, _CMP_GT_OQ)}; }
inline Mask<double> ge(Vec<double> a, Vec<double> b) { return {_mm512_cmp_pd_mask(a.v, b.v, _CMP_GE_OQ)}; }
inline Mask<double> is_nan(Vec<double> a) { return {_mm512_cmp_pd_mask(a.v, a.v, _CMP_UNORD_Q)}; }
inline Mask<double> is_inf(Vec<double> a) { return {_mm512_fpclass_pd_mask(a.v, 0x18)}; }
inline Mask<double> mask_or(Mask<double> a, Mask<double> b) { return {static_cast<__mmask8>(a.m | b.m)}; }
inline Vec<double> select(Mask<double> m, Vec<double> a, Vec<double> b) { return {_mm512_mask_blend_pd(m.m, b.v, a.v)}; }

// float32 <-> float64 lanes: Vec<double>::N floats at a time (kernels that compute float32 in double).
inline Vec<double> load_widen(const float* p) { return {_mm512_cvtps_pd(_mm256_loadu_ps(p))}; }
inline void store_narrow(float* p, Vec<double> a) { _mm256_storeu_ps(p, _mm512_cvtpd_ps(a.v)); }
inline Vec<double> round_nearest(Vec<double> a) { return {_mm512_roundscale_pd(a.v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)}; }
// 2^n for integral n in [-1022, 1023], built in the exponent field.
inline Vec<double> pow2i(Vec<double> n) {
  const __m512i bits = _mm512_add_epi64(_mm512_cvtpd_epi64(n.v), _mm512_set1_epi64(1023));
  return {_mm512_castsi512_pd(_mm512_slli_epi64(bits, 52))};
}
// Bit i set when lane i of the mask is set.
inline unsigned lane_bits(Mask<double> m) { return static_cast<unsigned>(m.m); }

inline Mask<double> eq(Vec<double> a, Vec<double> b) { return {_mm512_cmp_pd_mask(a.v, b.v, _CMP_EQ_OQ)}; }

// Float lanes: round to nearest, 2^n for integral n in [-126, 127], the lane bits of a mask.
inline Vec<float> round_nearest(Vec<float> a) { return {_mm512_roundscale_ps(a.v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)}; }
inline Vec<float> pow2i(Vec<float> n) {
  const __m512i bits = _mm512_add_epi32(_mm512_cvtps_epi32(n.v), _mm512_set1_epi32(127));
  return {_mm512_castsi512_ps(_mm512_slli_epi32(bits, 23))};
}
inline unsigned lane_bits(Mask<float> m) { return static_cast<unsigned>(m.m); }
// About 1/a (relative error < 2^-14): for correction terms that need a few bits.
inline Vec<float> rcp_approx(Vec<float> a) { return {_mm512_rcp14_ps(a.v)}; }

// Non-temporal stores (p aligned to the vector size) and the fence that orders them.
inline void stream(float* p, Vec<float> a) { _mm512_stream_ps(p, a.v); }
inline void stream(double* p, Vec<double> a) { _mm512_stream_pd(p, a.v); }
inline void stream_fence() { _mm_sfence(); }


// Float lanes for table-driven kernels (simd/float_tables.generated.h).
// min/max return b where either lane is NaN (the x86 rule), so min(bound, x) keeps a NaN x.
inline Vec<float> min(Vec<float> a, Vec<float> b) { return {_mm512_min_ps(a.v, b.v)}; }
inline Vec<float> max(Vec<float> a, Vec<float> b) { return {_mm512_max_ps(a.v, b.v)}; }
inline Vec<double> min(Vec<double> a, Vec<double> b) { return {_mm512_min_pd(a.v, b.v)}; }
inline Vec<double> max(Vec<double> a, Vec<double> b) { return {_mm512_max_pd(a.v, b.v)}; }
inline Vec<float> fms(Vec<float> a, Vec<float> b, Vec<float> c) { return {_mm512_fmsub_ps(a.v, b.v, c.v)}; }  // a b - c
inline Vec<float> negative_abs(Vec<float> a) { return {_mm512_or_ps(a.v, _mm512_set1_ps(-0.0f))}; }
// -min(|a|, c) for c > 0; NaN stays NaN (maxps returns its second operand when either is NaN;
// vrangeps, one operation fewer, would return c for a NaN).
inline Vec<float> negative_abs_min(Vec<float> a, float c) { return {_mm512_max_ps(_mm512_set1_ps(-c), negative_abs(a).v)}; }
// Bits of a lane as an integer: shifted right, masked, or'ed (the result reinterpreted as float lanes).
inline Vec<float> shift_right_bits(Vec<float> a, int n) { return {_mm512_castsi512_ps(_mm512_srli_epi32(_mm512_castps_si512(a.v), n))}; }
inline Vec<float> and_bits(Vec<float> a, unsigned bits) {
  return {_mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(a.v), _mm512_set1_epi32(static_cast<int>(bits))))};
}
inline Vec<float> or_bits(Vec<float> a, unsigned bits) {
  return {_mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(a.v), _mm512_set1_epi32(static_cast<int>(bits))))};
}
// table[k] per lane, k = the low 4 (lookup16) or 5 (lookup32) bits of the key lane's bit pattern.
inline Vec<float> lookup16(const float* table, Vec<float> key) {
  return {_mm512_permutexvar_ps(_mm512_castps_si512(key.v), _mm512_load_ps(table))};
}
inline Vec<float> lookup32(const float* table, Vec<float> key) {
  return {_mm512_permutex2var_ps(_mm512_load_ps(table), _mm512_castps_si512(key.v), _mm512_load_ps(table + 16))};
}
// v rounded to a multiple of 1/16.
inline Vec<float> round_sixteenths(Vec<float> a) { return {_mm512_roundscale_ps(a.v, (4 << 4) | _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)}; }
// v 2^floor(m), rounded once (also into the subnormal range).
inline Vec<float> scale_pow2(Vec<float> v, Vec<float> m) { return {_mm512_scalef_ps(v.v, m.v)}; }

// The low and high halves of float lanes as double lanes (exact), for float64 accumulation.
inline Vec<double> widen_lo(Vec<float> a) { return {_mm512_cvtps_pd(_mm512_castps512_ps256(a.v))}; }
inline Vec<double> widen_hi(Vec<float> a) { return {_mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(a.v), 1)))}; }
// Vec<double>::N floats from p as double lanes: one conversion with its load folded in.
inline Vec<double> widen_load(const float* p) { return {_mm512_cvtps_pd(_mm256_loadu_ps(p))}; }

inline Vec<float> fnma(Vec<float> a, Vec<float> b, Vec<float> c) { return {_mm512_fnmadd_ps(a.v, b.v, c.v)}; }  // c - a b
constexpr int kRcpApproxBits = 14;  // rcp_approx's relative error is below 2^-14


}  // namespace ACTFN_TARGET
}  // namespace actfn
