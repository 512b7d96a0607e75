// Float64-accurate vector math in double lanes, for the float64 activation and softmax kernels
// (the float64 forms in activation/ops/, softmax/double_rows.h). Everything returns or accepts
// double-doubles (an unevaluated hi + lo), so the compensated algorithms of the scalar twins
// (activation/ops/, math/dd.h) carry over lane by lane.
//
// - Error-free transforms: sum_err (TwoSum), fast_sum_err (FastTwoSum, |a| >= |b|), prod_err (fma).
// - exp_dd(yh, yl): e^(yh + yl) as hi + lo (renormalised: hi = fl(hi + lo)): y = (8 m + j) ln2/8
//   + r, |r| <= ln2/16, ln2/8 in two parts (k * HI exact), e^r - 1 - r from a degree-7 polynomial
//   and 2^(j/8) as a double-double, both from tools/gen-f64-vector-coefficients.py
//   (f64_coefficients.generated.h); the table is looked up with in-register permutes (no gathers).
//   th * rh is split exactly, so hi + lo is good to ~2^-62 relative. Valid for yh in [-708, 709]
//   (normal results; callers send other lanes to the scalar twin) and a low word yl. Lanes outside
//   (inf, NaN) give garbage but never fault: the table index is masked to 0..7.
// - exp(y): the same core rounded to one double, ~0.55 ULP (what the twins get from std::exp).
// - expm1_dd(y): e^y - 1 as hi + lo from the same pieces: (2^m T_hi - 1) is formed with TwoSum, so
//   there is no cancellation left; relative error about 2^-58 for y in [-708, 709], y itself for
//   |y| tiny (and -0 for -0).
// - log1p_unit(t): log(1 + t) for t in [0, 1], about 0.52 ULP: 1 + t kept as a double-double
//   (exact), reduced to m in [sqrt(1/2), sqrt(2)] by 2^e, log m = 2 atanh(s), s = f/(2 + f),
//   f = m - 1 (exact by Sterbenz), with s as a double-double and the atanh series to s^21 (Taylor
//   coefficients 2/(2k+1), exact rationals: the truncation is below 2^-60 relative for |s| < 0.172),
//   e ln2 added in two parts with TwoSum.
// - Pair quotients: quot(a, al, b, bl) = (a + al)/(b + bl) as hi + lo, one division (the
//   reciprocal of b) per quotient; over_square the same for (a + al)/(b + bl)^2.
// - erfcx_dd / normal_dd: math/erfc.h's erfcx (five polynomial pieces on [0.5, 4), H(1/z^2)/z
//   beyond; generated coefficients regrouped so each coefficient is one in-register permute per
//   vector on AVX-512, two vpermd and a blend on AVX2) and the normal CDF Phi(x) with e^(-x^2/2), all pairs.
// - critical(cp, uh, ul): math/critical_points.h's expansion near a derivative's root, in lanes,
//   same arithmetic order (the same ~1.2 ULP).
#pragma once

#include <cstdint>

#include "../math/coefficients.generated.h"
#include "../math/critical_points.h"
#include "f64_coefficients.generated.h"
#include "vec.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace f64 {

using D = Vec<double>;
using M = Mask<double>;

ACTFN_INLINE D k(double c) { return set<double>(c); }
ACTFN_INLINE D zero() { return set<double>(0.0); }
ACTFN_INLINE D one() { return set<double>(1.0); }
ACTFN_INLINE D neg(D a);           // -a (sign flip), per ISA below
ACTFN_INLINE D fms(D a, D b, D c);   // a*b - c with one rounding, per ISA below
ACTFN_INLINE D fnma(D a, D b, D c);  // c - a*b with one rounding, per ISA below
ACTFN_INLINE D vmin(D a, D b) { return select(lt(b, a), b, a); }
ACTFN_INLINE D vmax(D a, D b) { return select(gt(b, a), b, a); }
ACTFN_INLINE M mask_and_not(M a, M b);  // a && !b, per ISA below

// A double-double hi + lo.
struct DD {
  D hi, lo;
};

ACTFN_INLINE D sum_err(D a, D b, D s) {
  const D bb = s - a;
  return (a - (s - bb)) + (b - bb);
}
ACTFN_INLINE D fast_sum_err(D a, D b, D s) { return b - (s - a); }
ACTFN_INLINE D prod_err(D a, D b, D p) { return fms(a, b, p); }
// hi + lo renormalised so that hi = fl(hi + lo).
ACTFN_INLINE DD renorm(D hi, D lo) {
  const D s = hi + lo;
  return {s, fast_sum_err(hi, lo, s)};
}

// ---- per-ISA pieces: an 8-entry table lookup by a lane index 0..7 (in-register permutes, no
// gathers) and the exp reduction's integers.
#if defined(ACTFN_TARGET_AVX512)
ACTFN_INLINE D neg(D a) { return {_mm512_xor_pd(a.v, _mm512_set1_pd(-0.0))}; }
ACTFN_INLINE D fms(D a, D b, D c) { return {_mm512_fmsub_pd(a.v, b.v, c.v)}; }
ACTFN_INLINE D fnma(D a, D b, D c) { return {_mm512_fnmadd_pd(a.v, b.v, c.v)}; }
ACTFN_INLINE M mask_and_not(M a, M b) { return {static_cast<__mmask8>(a.m & ~b.m)}; }
ACTFN_INLINE M mask_and(M a, M b) { return {static_cast<__mmask8>(a.m & b.m)}; }
ACTFN_INLINE bool none(M a) { return a.m == 0; }
struct Index8 {
  __m512i i;
};
// From doubles holding small integers 0..7.
ACTFN_INLINE Index8 index8(D index) { return {_mm512_cvttpd_epi64(index.v)}; }
ACTFN_INLINE D lookup8(const double* table, Index8 index) { return {_mm512_permutexvar_pd(index.i, _mm512_loadu_pd(table))}; }
// From kd + kShifter (kd integral, |kd| < 2^51): {2^m, j} for kd = 8 m + j, j in 0..7.
struct ExpIndex {
  D scale;
  Index8 j;
};
ACTFN_INLINE ExpIndex exp_index(D shifted) {
  const __m512i kk = _mm512_sub_epi64(_mm512_castpd_si512(shifted.v), _mm512_castpd_si512(_mm512_set1_pd(6755399441055744.0)));
  const __m512i j = _mm512_and_si512(kk, _mm512_set1_epi64(7));
  const __m512i bits = _mm512_add_epi64(_mm512_slli_epi64(_mm512_sub_epi64(kk, j), 49), _mm512_set1_epi64(1023LL << 52));
  return {{_mm512_castsi512_pd(bits)}, {j}};
}
#elif defined(ACTFN_TARGET_AVX2)
ACTFN_INLINE D neg(D a) { return {_mm256_xor_pd(a.v, _mm256_set1_pd(-0.0))}; }
ACTFN_INLINE D fms(D a, D b, D c) { return {_mm256_fmsub_pd(a.v, b.v, c.v)}; }
ACTFN_INLINE D fnma(D a, D b, D c) { return {_mm256_fnmadd_pd(a.v, b.v, c.v)}; }
ACTFN_INLINE M mask_and_not(M a, M b) { return {_mm256_andnot_pd(b.m, a.m)}; }
ACTFN_INLINE M mask_and(M a, M b) { return {_mm256_and_pd(a.m, b.m)}; }
ACTFN_INLINE bool none(M a) { return _mm256_movemask_pd(a.m) == 0; }
// An index 0..7 as vpermd dword pairs (2j, 2j + 1) (each half of the table is 4 doubles = 8
// dwords) and a blend mask (bit 2 of j moved to the sign bit) choosing the upper half.
struct Index8 {
  __m256i pairs;
  __m256d upper;
};
ACTFN_INLINE Index8 index8_int(__m256i j) {
  const __m256i j2 = _mm256_slli_epi64(j, 1);
  const __m256i pairs = _mm256_or_si256(j2, _mm256_slli_epi64(_mm256_add_epi64(j2, _mm256_set1_epi64x(1)), 32));
  return {pairs, _mm256_castsi256_pd(_mm256_slli_epi64(j, 61))};
}
ACTFN_INLINE Index8 index8(D index) {
  const __m256d shifter = _mm256_set1_pd(6755399441055744.0);  // 1.5 * 2^52: the integer in the low bits
  return index8_int(_mm256_and_si256(_mm256_castpd_si256(_mm256_add_pd(index.v, shifter)), _mm256_set1_epi64x(7)));
}
ACTFN_INLINE D lookup8(const double* table, Index8 index) {
  const __m256 lo4 = _mm256_permutevar8x32_ps(_mm256_castpd_ps(_mm256_loadu_pd(table)), index.pairs);
  const __m256 hi4 = _mm256_permutevar8x32_ps(_mm256_castpd_ps(_mm256_loadu_pd(table + 4)), index.pairs);
  return {_mm256_blendv_pd(_mm256_castps_pd(lo4), _mm256_castps_pd(hi4), index.upper)};
}
struct ExpIndex {
  D scale;
  Index8 j;
};
ACTFN_INLINE ExpIndex exp_index(D shifted) {
  const __m256d shifter = _mm256_set1_pd(6755399441055744.0);
  const __m256i kk = _mm256_sub_epi64(_mm256_castpd_si256(shifted.v), _mm256_castpd_si256(shifter));
  const __m256i j = _mm256_and_si256(kk, _mm256_set1_epi64x(7));
  const __m256i bits = _mm256_add_epi64(_mm256_slli_epi64(_mm256_sub_epi64(kk, j), 49), _mm256_set1_epi64x(1023LL << 52));
  return {{_mm256_castsi256_pd(bits)}, index8_int(j)};
}
#elif defined(ACTFN_TARGET_NEON)
ACTFN_INLINE D neg(D a) { return {vnegq_f64(a.v)}; }
ACTFN_INLINE D fms(D a, D b, D c) { return {vfmaq_f64(vnegq_f64(c.v), a.v, b.v)}; }  // a b + (-c), as x86's fmsub
ACTFN_INLINE D fnma(D a, D b, D c) { return {vfmsq_f64(c.v, a.v, b.v)}; }
ACTFN_INLINE M mask_and_not(M a, M b) { return {vbicq_u64(a.m, b.m)}; }
ACTFN_INLINE M mask_and(M a, M b) { return {vandq_u64(a.m, b.m)}; }
ACTFN_INLINE bool none(M a) { return (vgetq_lane_u64(a.m, 0) | vgetq_lane_u64(a.m, 1)) == 0; }
// Two lanes: the index as integers, and the lookup as two loads (no permute wide enough to pay).
struct Index8 {
  uint64x2_t i;
};
ACTFN_INLINE Index8 index8(D index) {
  const float64x2_t shifter = vdupq_n_f64(6755399441055744.0);  // 1.5 * 2^52: the integer in the low bits
  return {vandq_u64(vreinterpretq_u64_f64(vaddq_f64(index.v, shifter)), vdupq_n_u64(7))};
}
ACTFN_INLINE D lookup8(const double* table, Index8 index) {
  return {vcombine_f64(vld1_f64(table + vgetq_lane_u64(index.i, 0)), vld1_f64(table + vgetq_lane_u64(index.i, 1)))};
}
struct ExpIndex {
  D scale;
  Index8 j;
};
ACTFN_INLINE ExpIndex exp_index(D shifted) {
  const int64x2_t kk = vsubq_s64(vreinterpretq_s64_f64(shifted.v), vreinterpretq_s64_f64(vdupq_n_f64(6755399441055744.0)));
  const int64x2_t j = vandq_s64(kk, vdupq_n_s64(7));
  const int64x2_t bits = vaddq_s64(vshlq_n_s64(vsubq_s64(kk, j), 49), vdupq_n_s64(1023LL << 52));
  return {{vreinterpretq_f64_s64(bits)}, {vreinterpretq_u64_s64(j)}};
}
#else
ACTFN_INLINE D neg(D a) { return {-a.v}; }
ACTFN_INLINE D fms(D a, D b, D c) { return {std::fma(a.v, b.v, -c.v)}; }
ACTFN_INLINE D fnma(D a, D b, D c) { return {std::fma(-a.v, b.v, c.v)}; }
ACTFN_INLINE M mask_and_not(M a, M b) { return {a.m && !b.m}; }
ACTFN_INLINE M mask_and(M a, M b) { return {a.m && b.m}; }
ACTFN_INLINE bool none(M a) { return !a.m; }
struct Index8 {
  int i;
};
ACTFN_INLINE Index8 index8(D index) { return {static_cast<int>(index.v) & 7}; }
ACTFN_INLINE D lookup8(const double* table, Index8 index) { return {table[index.i]}; }
struct ExpIndex {
  D scale;
  Index8 j;
};
ACTFN_INLINE ExpIndex exp_index(D shifted) {
  const double c = shifted.v - 6755399441055744.0;
  const long long kk = c == c && c > -1e6 && c < 1e6 ? static_cast<long long>(c) : 0;
  const int j = static_cast<int>(kk & 7);
  return {{std::ldexp(1.0, static_cast<int>((kk - j) / 8))}, {j}};
}
#endif

// ---- exp and expm1

// e^(yh + yl) = scale * (hi + lo): hi = fl(2^(j/8) (1 + rh)), lo the rest (|lo| < 2^-9 hi).
struct ExpParts {
  D scale, hi, lo;
};
ACTFN_INLINE ExpParts exp_parts(D yh, D yl) {
  namespace c = ::actfn::f64_coefficients;
  // yh * 8/ln2 rounded to an integer by adding 1.5 * 2^52 (the integer lands in the low bits)
  const D shifted = fma(yh, k(c::INV_LN2_X8), k(6755399441055744.0));
  const D kd = shifted - k(6755399441055744.0);
  const D rh = fma(kd, k(-c::LN2_DIV8_HI), yh);  // exact (36-bit constant, Sterbenz)
  const D rl = fma(kd, k(-c::LN2_DIV8_LO), yl);
  const D r = rh + rl;  // for the polynomial only: the linear term takes rh and rl apart
  const double* t = c::EXPM1_TAIL8;
  const D r2 = r * r;
  D tail = fma(k(t[7]), r, k(t[6]));
  const D tail_lo = fma(k(t[1]), r, k(t[0]));
  tail = fma(tail, r, k(t[5]));
  tail = fma(tail, r, k(t[4]));
  tail = fma(tail, r, k(t[3]));
  tail = fma(tail, r, k(t[2]));
  const D q = fma(r2, fma(tail, r2, tail_lo), rl);  // e^(rh + rl) - 1 - rh, to ~2^-64 relative
  const ExpIndex e = exp_index(shifted);
  const D th = lookup8(c::EXP2_EIGHTHS_HI, e.j);
  const D tl = lookup8(c::EXP2_EIGHTHS_LO, e.j);
  // (th + tl)(1 + rh + q) = th + th rh + [th q + tl (1 + r)], th rh split exactly
  const D a = th * rh;
  const D hi = th + a;
  const D lo = fast_sum_err(th, a, hi) + (fma(th, q, fma(tl, r, tl)) + prod_err(th, rh, a));
  return {e.scale, hi, lo};
}

ACTFN_INLINE DD exp_dd(D yh, D yl) {
  const ExpParts e = exp_parts(yh, yl);
  return renorm(e.hi * e.scale, e.lo * e.scale);
}
ACTFN_INLINE DD exp_dd(D y) { return exp_dd(y, zero()); }
// e^y rounded once more: within ~0.55 ULP (the final addition's 0.5, and the rounding of
// th p + tl, which is ~0.05 of an ULP of the result). For y in [-708, 709]; what the scalar twins get
// from std::exp, at ~60% of exp_dd's cost.
ACTFN_INLINE D exp(D y) {
  namespace c = ::actfn::f64_coefficients;
  const D shifted = fma(y, k(c::INV_LN2_X8), k(6755399441055744.0));
  const D kd = shifted - k(6755399441055744.0);
  D r = fma(kd, k(-c::LN2_DIV8_HI), y);
  r = fma(kd, k(-c::LN2_DIV8_LO), r);
  const double* t = c::EXPM1_TAIL8;
  const D r2 = r * r;
  D tail = fma(k(t[7]), r, k(t[6]));
  const D tail_lo = fma(k(t[1]), r, k(t[0]));
  tail = fma(tail, r, k(t[5]));
  tail = fma(tail, r, k(t[4]));
  tail = fma(tail, r, k(t[3]));
  tail = fma(tail, r, k(t[2]));
  const D p = fma(r2, fma(tail, r2, tail_lo), r);  // e^r - 1
  const ExpIndex e = exp_index(shifted);
  const D th = lookup8(c::EXP2_EIGHTHS_HI, e.j);
  const D tl = lookup8(c::EXP2_EIGHTHS_LO, e.j);
  return (th + fma(th, p, tl)) * e.scale;
}

ACTFN_INLINE DD expm1_dd(D y) {
  const ExpParts e = exp_parts(y, zero());
  const D a = e.hi * e.scale;  // exact
  const D s = a - one();
  const D lo = sum_err(a, k(-1.0), s) + e.lo * e.scale;
  const DD r = renorm(s, lo);
  const M z = eq(y, zero());  // keeps expm1(-0) = -0
  return {select(z, y, r.hi), select(z, zero(), r.lo)};
}

// ---- pair quotients

// (a + al) / (b + bl) as hi + lo: q from one reciprocal, then the remainder (a - q b exact by fma)
// divided the same way; hi + lo is good to ~2^-100 relative, hi itself within ~1 ULP.
// The remainder a - q b is one fma: exact when q is within an ULP or so of a / b, and otherwise off
// by 2^-53 of a remainder that is itself ~2^-52 of a.
ACTFN_INLINE DD quot_r(D a, D al, D b, D bl, D rb) {
  const D q = a * rb;
  return {q, fnma(q, bl, fnma(q, b, a) + al) * rb};
}
ACTFN_INLINE DD quot(D a, D al, D b, D bl) { return quot_r(a, al, b, bl, one() / b); }
// (a + al) / (b + bl)^2: the shape of sigmoid', tanh' and the compensated derivatives.
ACTFN_INLINE DD over_square(D a, D al, D b, D bl) {
  const D qq = b * b;
  return quot(a, al, qq, prod_err(b, b, qq) + k(2.0) * b * bl);
}
ACTFN_INLINE D round(DD a) { return a.hi + a.lo; }
// x * (hi + lo) rounded once.
ACTFN_INLINE D times(D x, DD s) {
  const D p = x * s.hi;
  return p + fma(x, s.lo, prod_err(x, s.hi, p));
}

// ---- log1p on [0, 1]

constexpr double kLn2Hi = 0.69314718055994530942;
constexpr double kLn2Lo = 2.3190468138462996e-17;

// log((yh + yl)) for yh in [1, 2] (a double-double, |yl| <= ulp(yh)).
ACTFN_INLINE D log_unit_dd(D yh, D yl) {
  const M upper = gt(yh, k(1.4142135623730951));
  const D m = select(upper, yh * k(0.5), yh);
  const D ml = select(upper, yl * k(0.5), yl);
  const D e = select(upper, one(), zero());
  const D f = m - one();  // exact: m in [sqrt(1/2), sqrt(2)]
  const D den = k(2.0) + f;
  const D denl = fast_sum_err(k(2.0), f, den);
  const DD s = quot(f, zero(), den, denl);
  const D s2 = s.hi * s.hi;
  // 2 atanh(s) - 2s = s^3 (2/3 + 2 s^2/5 + ... + 2 s^18/21)
  D r = k(2.0 / 21);
  r = fma(r, s2, k(2.0 / 19));
  r = fma(r, s2, k(2.0 / 17));
  r = fma(r, s2, k(2.0 / 15));
  r = fma(r, s2, k(2.0 / 13));
  r = fma(r, s2, k(2.0 / 11));
  r = fma(r, s2, k(2.0 / 9));
  r = fma(r, s2, k(2.0 / 7));
  r = fma(r, s2, k(2.0 / 5));
  r = fma(r, s2, k(2.0 / 3));
  const D two_s = k(2.0) * s.hi;
  const D head = fma(e, k(kLn2Hi), two_s);  // e in {0, 1}: one rounding
  const D head_err = sum_err(e * k(kLn2Hi), two_s, head);
  // ml / m to first order: log(m + ml) = log m + ml/m
  const D rest = fma(s2 * s.hi, r, fma(e, k(kLn2Lo), k(2.0) * s.lo + ml / m)) + head_err;
  return head + rest;
}
ACTFN_INLINE D log1p_unit(D t) {
  const D y = one() + t;
  return log_unit_dd(y, fast_sum_err(one(), t, y));
}

// ---- polynomials

// c[start] + c[start+1] v + ... + c[count-1] v^(count-1-start): the two-chain order of math/dd.h's
// polynomial_from, so the vector and scalar expansions round alike.
ACTFN_INLINE D polynomial_from(const double* c, int count, int start, D v) {
  const D v2 = v * v;
  int i = count - 1;
  D top = k(c[i]);
  D other = k(c[i - 1]);
  for (i -= 2; i > start; i -= 2) {
    top = fma(top, v2, k(c[i]));
    other = fma(other, v2, k(c[i - 1]));
  }
  if (i == start) return fma(v, other, fma(top, v2, k(c[start])));
  return fma(v, top, other);
}

// math::critical_expansion in lanes (see critical_points.h for the derivation and its error).
ACTFN_INLINE D critical(const math::CriticalPoint& cp, D uh, D ul) {
  const D x0h = k(cp.x0_hi), x0l = k(cp.x0_lo);
  const D d0 = uh - x0h;
  const D t = ul - x0l;
  const D s = d0 + t;
  const D rest = sum_err(d0, t, s) + ((sum_err(uh, neg(x0h), d0) + sum_err(ul, neg(x0l), t)) - k(cp.x0_tail));
  const D d = s + rest;
  const D dl = sum_err(s, rest, d);
  const double* c = cp.coefficients;
  const D p1 = polynomial_from(c, cp.count, 2, d) * d;
  const D s1 = k(c[1]) + p1;
  const D s1l = sum_err(k(c[1]), p1, s1) + k(cp.coefficient1_lo);
  const D p0 = s1 * d;
  const D p0l = fma(s1l, d, prod_err(s1, d, p0));
  const D q = k(c[0]) + p0;
  const D ql = sum_err(k(c[0]), p0, q) + (k(cp.coefficient0_lo) + p0l);
  const D g = d * q;
  return g + (prod_err(d, q, g) + fma(d, ql, dl * q));
}


// ---- erfcx and the normal CDF (math/erfc.h's algorithm in lanes)

// The five erfcx pieces of [0.5, 4) and the asymptotic H(1/z^2) beyond, regrouped per coefficient
// (row k holds coefficient k of piece 0..4, then of the asymptotic form, zero-padded), so that one
// lookup per coefficient serves every lane. Built by the compiler from coefficients.generated.h.
struct ErfcxTable {
  static constexpr int kCount = 17;
  double c[kCount][8];
  double mid[8], scale[8], c0_lo[8];
  constexpr ErfcxTable() : c(), mid(), scale(), c0_lo() {
    namespace g = ::actfn::math::generated;
    for (int piece = 0; piece < 5; ++piece) {
      const g::ErfcxPiece& p = g::ERFCX_PIECES[piece];
      for (int i = 0; i < p.count; ++i) c[i][piece] = p.coefficients[i];
      mid[piece] = p.mid;
      scale[piece] = p.scale;
      c0_lo[piece] = p.c0_lo;
    }
    for (int i = 0; i < kCount; ++i) c[i][5] = g::ERFCX_ASYMPTOTIC[i];
    c0_lo[5] = g::ERFCX_ASYMPTOTIC_C0_LO;
  }
};
inline constexpr ErfcxTable kErfcxTable{};
static_assert(sizeof(::actfn::math::generated::ERFCX_ASYMPTOTIC) / sizeof(double) == ErfcxTable::kCount,
              "erfcx table rows");

// erfcx(zh + zl) as hi + lo for zh in [0.5, 1e300) (zl a low word): ~0.4 ULP like the scalar.
ACTFN_INLINE DD erfcx_dd(D zh, D zl) {
  namespace g = ::actfn::math::generated;
  const D piece = ((select(ge(zh, k(1.0)), one(), zero()) + select(ge(zh, k(1.5)), one(), zero())) +
                   (select(ge(zh, k(2.0)), one(), zero()) + select(ge(zh, k(3.0)), one(), zero()))) +
                  select(ge(zh, k(4.0)), one(), zero());
  const Index8 ix = index8(piece);
  const M asym = ge(zh, k(g::ERFCX_ASYMPTOTIC_START));
  const D rz = one() / zh;
  const D t = (zh - lookup8(kErfcxTable.mid, ix)) * lookup8(kErfcxTable.scale, ix);  // exact
  const D v = select(asym, rz * rz, t);
  // c[1] + c[2] v + ... + c[16] v^15 in two chains of v^2, then times v
  const D v2 = v * v;
  D top = lookup8(kErfcxTable.c[16], ix);
  D other = lookup8(kErfcxTable.c[15], ix);
  for (int i = 14; i >= 2; i -= 2) {
    top = fma(top, v2, lookup8(kErfcxTable.c[i], ix));
    other = fma(other, v2, lookup8(kErfcxTable.c[i - 1], ix));
  }
  const D p = fma(v, top, other) * v;
  const D c0 = lookup8(kErfcxTable.c[0], ix);
  const D h = c0 + p;
  const D hl = sum_err(c0, p, h) + lookup8(kErfcxTable.c0_lo, ix);
  // asymptotic lanes: H / z with its remainder; pieces: divided by 1
  const D r = select(asym, rz, one());
  const D div = select(asym, zh, one());
  const D hi = h * r;
  const D lo = (fma(neg(hi), div, h) + hl) * r;
  return {hi, fma(zl, fma(k(2.0) * zh, hi, k(-g::TWO_OVER_SQRT_PI_HI)), lo)};
}

// Phi(x) and e^(-x^2/2) as pairs, for x in [-37, 9] (finite): the branches of math::normal_cdf
// (the series below |x| = 0.7071068, erfc through erfcx above), all computed, selected per lane.
struct NormalDD {
  DD cdf, gauss;  // gauss = e^(-x^2/2)
};
ACTFN_INLINE NormalDD normal_dd(D x) {
  namespace g = ::actfn::math::generated;
  const D a = abs(x);
  const D sh = a * a;
  const D sl = prod_err(a, a, sh);
  const DD e = exp_dd(k(-0.5) * sh, k(-0.5) * sl);
  // erfc(z) = e^(-z^2) erfcx(z), z = |x|/sqrt2 as a pair (clamped to the erfcx range)
  const D ac = vmax(a, k(0.7071067811865476));
  const D zh = ac * k(g::INV_SQRT2_HI);
  const D zl = fma(ac, k(g::INV_SQRT2_LO), prod_err(ac, k(g::INV_SQRT2_HI), zh));
  const DD f = erfcx_dd(zh, zl);
  const D th = e.hi * f.hi;
  const D tl = prod_err(e.hi, f.hi, th) + fma(e.hi, f.lo, e.lo * f.hi);
  // x < 0: erfc/2; x > 0: (2 - erfc)/2
  const D dh = k(2.0) - th;
  const D dl = sum_err(k(2.0), neg(th), dh) - tl;
  const M negative = lt(x, zero());
  const D big_hi = k(0.5) * select(negative, th, dh);
  const D big_lo = k(0.5) * select(negative, tl, dl);
  // |x| < 0.7071068: 1/2 + w (1 + R(x^2/2)), w = x / (2 sqrt2) as a pair
  const D w = x * k(g::INV_2SQRT2_HI);
  const D wl = fma(x, k(g::INV_2SQRT2_LO), prod_err(x, k(g::INV_2SQRT2_HI), w));
  const D s2 = k(0.5) * sh;
  const double* c = g::ERF_SMALL;
  constexpr int n = static_cast<int>(sizeof(g::ERF_SMALL) / sizeof(double));
  D r = k(c[n - 1]);
  for (int i = n - 2; i >= 0; --i) r = fma(r, s2, k(c[i]));
  const D s = k(0.5) + w;
  const D small_lo = sum_err(k(0.5), w, s) + fma(w, r, wl);
  const M small = lt(a, k(0.7071068));
  return {{select(small, s, big_hi), select(small, small_lo, big_lo)}, e};
}

}  // namespace f64
}  // namespace ACTFN_TARGET
}  // namespace actfn
