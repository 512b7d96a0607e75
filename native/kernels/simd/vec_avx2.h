// AVX2 + FMA: 8 floats or 4 doubles per register; masks are full-width lane masks.
#pragma once

#include <immintrin.h>

#include <limits>

namespace actfn {
namespace ACTFN_TARGET {

template <class T> struct Vec;
template <class T> struct Mask;
template <> struct Vec<float> { static constexpr int N = 8; __m256 v; };
template <> struct Vec<double> { static constexpr int N = 4; __m256d v; };
template <> struct Mask<float> { __m256 m; };
template <> struct Mask<double> { __m256d m; };

template <class T> Vec<T> load(const T* p);
template <> inline Vec<float> load(const float* p) { return {_mm256_loadu_ps(p)}; }
template <> inline Vec<double> load(const double* p) { return {_mm256_loadu_pd(p)}; }
inline void store(float* p, Vec<float> a) { _mm256_storeu_ps(p, a.v); }
inline void store(double* p, Vec<double> a) { _mm256_storeu_pd(p, a.v); }
template <class T> Vec<T> set(T x);
template <> inline Vec<float> set(float x) { return {_mm256_set1_ps(x)}; }
template <> inline Vec<double> set(double x) { return {_mm256_set1_pd(x)}; }

inline Vec<float> operator+(Vec<float> a, Vec<float> b) { return {_mm256_add_ps(a.v, b.v)}; }
inline Vec<float> operator-(Vec<float> a, Vec<float> b) { return {_mm256_sub_ps(a.v, b.v)}; }
inline Vec<float> operator*(Vec<float> a, Vec<float> b) { return {_mm256_mul_ps(a.v, b.v)}; }
inline Vec<float> operator/(Vec<float> a, Vec<float> b) { return {_mm256_div_ps(a.v, b.v)}; }
inline Vec<float> fma(Vec<float> a, Vec<float> b, Vec<float> c) { return {_mm256_fmadd_ps(a.v, b.v, c.v)}; }
inline Vec<float> abs(Vec<float> a) { return {_mm256_andnot_ps(_mm256_set1_ps(-0.0f), a.v)}; }
inline Vec<float> copy_sign(Vec<float> mag, Vec<float> sign) {
  const __m256 s = _mm256_set1_ps(-0.0f);
  return {_mm256_or_ps(_mm256_andnot_ps(s, mag.v), _mm256_and_ps(s, sign.v))};
}
inline Mask<float> lt(Vec<float> a, Vec<float> b) { return {_mm256_cmp_ps(a.v, b.v, _CMP_LT_OQ)}; }
inline Mask<float> le(Vec<float> a, Vec<float> b) { return {_mm256_cmp_ps(a.v, b.v, _CMP_LE_OQ)}; }
inline Mask<float> gt(Vec<float> a, Vec<float> b) { return {_mm256_cmp_ps(a.v, b.v, _CMP_GT_OQ)}; }
inline Mask<float> ge(Vec<float> a, Vec<float> b) { return {_mm256_cmp_ps(a.v, b.v, _CMP_GE_OQ)}; }
inline Mask<float> is_nan(Vec<float> a) { return {_mm256_cmp_ps(a.v, a.v, _CMP_UNORD_Q)}; }
inline Mask<float> is_inf(Vec<float> a) { return {_mm256_cmp_ps(abs(a).v, _mm256_set1_ps(std::numeric_limits<float>::infinity()), _CMP_EQ_OQ)}; }
inline Mask<float> mask_or(Mask<float> a, Mask<float> b) { return {_mm256_or_ps(a.m, b.m)}; }
inline Vec<float> select(Mask<float> m, Vec<float> a, Vec<float> b) { return {_mm256_blendv_ps(b.v, a.v, m.m)}; }

inline Vec<double> operator+(Vec<double> a, Vec<double> b) { return {_mm256_add_pd(a.v, b.v)}; }
inline Vec<double> operator-(Vec<double> a, Vec<double> b) { return {_mm256_sub_pd(a.v, b.v)}; }
inline Vec<double> operator*(Vec<double> a, Vec<double> b) { return {_mm256_mul_pd(a.v, b.v)}; }
inline Vec<double> operator/(Vec<double> a, Vec<double> b) { return {_mm256_div_pd(a.v, b.v)}; }
inline Vec<double> fma(Vec<double> a, Vec<double> b, Vec<double> c) { return {_mm256_fmadd_pd(a.v, b.v, c.v)}; }
inline Vec<double> abs(Vec<double> a) { return {_mm256_andnot_pd(_mm256_set1_pd(-0.0), a.v)}; }
inline Vec<double> sqrt(Vec<double> a) { return {_mm256_sqrt_pd(a.v)}; }
inline Vec<double> copy_sign(Vec<double> mag, Vec<double> sign) {
  const __m256d s = _mm256_set1_pd(-0.0);
  return {_mm256_or_pd(_mm256_andnot_pd(s, mag.v), _mm256_and_pd(s, sign.v))};
}
inline Mask<double> lt(Vec<double> a, Vec<double> b) { return {_mm256_cmp_pd(a.v, b.v, _CMP_LT_OQ)}; }
inline Mask<double> le(Vec<double> a, Vec<double> b) { return {_mm256_cmp_pd(a.v, b.v, _CMP_LE_OQ)}; }
inline Mask<double> gt(Vec<double> a, Vec<double> b) { return {_mm256_cmp_pd(a.v, b.v, _CMP_GT_OQ)}; }
inline Mask<double> ge(Vec<double> a, Vec<double> b) { return {_mm256_cmp_pd(a.v, b.v, _CMP_GE_OQ)}; }
inline Mask<double> is_nan(Vec<double> a) { return {_mm256_cmp_pd(a.v, a.v, _CMP_UNORD_Q)}; }
inline Mask<double> is_inf(Vec<double> a) { return {_mm256_cmp_pd(abs(a).v, _mm256_set1_pd(std::numeric_limits<double>::infinity()), _CMP_EQ_OQ)}; }
inline Mask<double> mask_or(Mask<double> a, Mask<double> b) { return {_mm256_or_pd(a.m, b.m)}; }
inline Vec<double> select(Mask<double> m, Vec<double> a, Vec<double> b) { return {_mm256_blendv_pd(b.v, a.v, m.m)}; }

// float32 <-> float64 lanes: Vec<double>::N floats at a time (kernels that compute float32 in double).
inline Vec<double> load_widen(const float* p) { return {_mm256_cvtps_pd(_mm_loadu_ps(p))}; }
inline void store_narrow(float* p, Vec<double> a) { _mm_storeu_ps(p, _mm256_cvtpd_ps(a.v)); }
inline Vec<double> round_nearest(Vec<double> a) { return {_mm256_round_pd(a.v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)}; }
// 2^n for integral n in [-1022, 1023], built in the exponent field.
inline Vec<double> pow2i(Vec<double> n) {
  const __m256d shifter = _mm256_set1_pd(6755399441055744.0);  // 1.5 * 2^52: n lands in the low bits
  const __m256i bits = _mm256_sub_epi64(_mm256_castpd_si256(_mm256_add_pd(n.v, shifter)), _mm256_castpd_si256(shifter));
  return {_mm256_castsi256_pd(_mm256_slli_epi64(_mm256_add_epi64(bits, _mm256_set1_epi64x(1023)), 52))};
}
// Bit i set when lane i of the mask is set.
inline unsigned lane_bits(Mask<double> m) { return static_cast<unsigned>(_mm256_movemask_pd(m.m)); }

inline Mask<double> eq(Vec<double> a, Vec<double> b) { return {_mm256_cmp_pd(a.v, b.v, _CMP_EQ_OQ)}; }

// Float lanes: round to nearest, 2^n for integral n in [-126, 127], the lane bits of a mask.
inline Vec<float> round_nearest(Vec<float> a) { return {_mm256_round_ps(a.v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)}; }
inline Vec<float> pow2i(Vec<float> n) {
  const __m256i bits = _mm256_add_epi32(_mm256_cvtps_epi32(n.v), _mm256_set1_epi32(127));
  return {_mm256_castsi256_ps(_mm256_slli_epi32(bits, 23))};
}
inline unsigned lane_bits(Mask<float> m) { return static_cast<unsigned>(_mm256_movemask_ps(m.m)); }
// About 1/a (relative error < 1.5 * 2^-12): for correction terms that need a few bits.
inline Vec<float> rcp_approx(Vec<float> a) { return {_mm256_rcp_ps(a.v)}; }

// Non-temporal stores (p aligned to the vector size) and the fence that orders them.
inline void stream(float* p, Vec<float> a) { _mm256_stream_ps(p, a.v); }
inline void stream(double* p, Vec<double> a) { _mm256_stream_pd(p, a.v); }
inline void stream_fence() { _mm_sfence(); }


// Float lanes for table-driven kernels (simd/float_tables.generated.h).
// min/max return b where either lane is NaN (the x86 rule), so min(bound, x) keeps a NaN x.
inline Vec<float> min(Vec<float> a, Vec<float> b) { return {_mm256_min_ps(a.v, b.v)}; }
inline Vec<float> max(Vec<float> a, Vec<float> b) { return {_mm256_max_ps(a.v, b.v)}; }
inline Vec<double> min(Vec<double> a, Vec<double> b) { return {_mm256_min_pd(a.v, b.v)}; }
inline Vec<double> max(Vec<double> a, Vec<double> b) { return {_mm256_max_pd(a.v, b.v)}; }
inline Vec<float> fms(Vec<float> a, Vec<float> b, Vec<float> c) { return {_mm256_fmsub_ps(a.v, b.v, c.v)}; }  // a b - c
inline Vec<float> negative_abs(Vec<float> a) { return {_mm256_or_ps(a.v, _mm256_set1_ps(-0.0f))}; }
// -min(|a|, c) for c > 0; NaN stays NaN (maxps returns its second operand when either is NaN).
inline Vec<float> negative_abs_min(Vec<float> a, float c) { return {_mm256_max_ps(_mm256_set1_ps(-c), negative_abs(a).v)}; }
// Bits of a lane as an integer: shifted right, masked, or'ed (the result reinterpreted as float lanes).
inline Vec<float> shift_right_bits(Vec<float> a, int n) { return {_mm256_castsi256_ps(_mm256_srli_epi32(_mm256_castps_si256(a.v), n))}; }
inline Vec<float> and_bits(Vec<float> a, unsigned bits) {
  return {_mm256_castsi256_ps(_mm256_and_si256(_mm256_castps_si256(a.v), _mm256_set1_epi32(static_cast<int>(bits))))};
}
inline Vec<float> or_bits(Vec<float> a, unsigned bits) {
  return {_mm256_castsi256_ps(_mm256_or_si256(_mm256_castps_si256(a.v), _mm256_set1_epi32(static_cast<int>(bits))))};
}
// table[k] per lane, k = the low 4 (lookup16) or 5 (lookup32) bits of the key lane's bit pattern:
// eight-entry permutes of each half (quarter), blended on the key's higher index bits.
inline __m256 lookup_halves(const float* table, __m256i key) {
  const __m256 lo = _mm256_permutevar8x32_ps(_mm256_load_ps(table), key);
  const __m256 hi = _mm256_permutevar8x32_ps(_mm256_load_ps(table + 8), key);
  return _mm256_blendv_ps(lo, hi, _mm256_castsi256_ps(_mm256_slli_epi32(key, 28)));  // bit 3 -> sign
}
inline Vec<float> lookup16(const float* table, Vec<float> key) { return {lookup_halves(table, _mm256_castps_si256(key.v))}; }
inline Vec<float> lookup32(const float* table, Vec<float> key) {
  const __m256i k = _mm256_castps_si256(key.v);
  return {_mm256_blendv_ps(lookup_halves(table, k), lookup_halves(table + 16, k), _mm256_castsi256_ps(_mm256_slli_epi32(k, 27)))};
}
// v rounded to a multiple of 1/16.
inline Vec<float> round_sixteenths(Vec<float> a) {
  return {_mm256_mul_ps(_mm256_round_ps(_mm256_mul_ps(a.v, _mm256_set1_ps(16.0f)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC), _mm256_set1_ps(0.0625f))};
}
// v 2^floor(m), rounded once (also into the subnormal range): two exact power-of-two factors, each
// a normal float, the second product the only rounding. floor(m) is clamped to [-252, 254].
inline Vec<float> scale_pow2(Vec<float> v, Vec<float> m) {
  const __m256 fm = _mm256_min_ps(_mm256_max_ps(_mm256_floor_ps(m.v), _mm256_set1_ps(-252.0f)), _mm256_set1_ps(254.0f));
  const __m256i n = _mm256_cvtps_epi32(fm);
  const __m256i n1 = _mm256_srai_epi32(n, 1);
  const __m256i n2 = _mm256_sub_epi32(n, n1);
  const __m256 s1 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(n1, _mm256_set1_epi32(127)), 23));
  const __m256 s2 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(n2, _mm256_set1_epi32(127)), 23));
  return {_mm256_mul_ps(_mm256_mul_ps(v.v, s1), s2)};
}

// The low and high halves of float lanes as double lanes (exact), for float64 accumulation.
inline Vec<double> widen_lo(Vec<float> a) { return {_mm256_cvtps_pd(_mm256_castps256_ps128(a.v))}; }
inline Vec<double> widen_hi(Vec<float> a) { return {_mm256_cvtps_pd(_mm256_extractf128_ps(a.v, 1))}; }
// Vec<double>::N floats from p as double lanes: one conversion with its load folded in.
inline Vec<double> widen_load(const float* p) { return {_mm256_cvtps_pd(_mm_loadu_ps(p))}; }

inline Vec<float> fnma(Vec<float> a, Vec<float> b, Vec<float> c) { return {_mm256_fnmadd_ps(a.v, b.v, c.v)}; }  // c - a b
constexpr int kRcpApproxBits = 11;  // rcp_approx's relative error is below 1.5 * 2^-12


}  // namespace ACTFN_TARGET
}  // namespace actfn
