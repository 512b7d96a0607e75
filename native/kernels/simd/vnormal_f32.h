// The standard normal tail in float32 lanes, for float32 GELU (activation/ops/gelu.h).
//
// For t = |x|: Q(t) = Phi(-t) = e^(-t^2/2) R(t), and Q(t) - t phi(t) = e^(-t^2/2) (t - t0) S(t),
// with R and S smooth and fitted piecewise on [0, 15) (tools/gen-float-tables.py: 32 pieces, chosen
// by the bits of t + 1, coefficients fetched per lane with permutes; relative error 2^-24 for both)
// and t0 = 0.7518 the point where gelu' = 0 (x = -t0), held as hi + lo so t - t0 keeps every bit
// near it: no slow path near the root. t^2/2 is formed exactly as a pair (the rounding of t^2/2 is
// otherwise magnified ~t^2 in the tail) and carried through the exp's reduction.
//
// Both functions take nt = -min(|x|, 15) (NaN stays NaN) and return the factor before its scaling
// by 2^floor(m): callers multiply their own factors in, then scale once (scale_pow2).
#pragma once

#include "vmath_f32.h"

namespace actfn {
namespace ACTFN_TARGET {

// -min(|x|, 15): the largest t the pieces cover; Q(15) e^... is far below float32's range anyway.
ACTFN_INLINE Vec<float> negative_tail_arg(Vec<float> x) { return max(set<float>(-0x1.dffffep+3f), negative_abs(x)); }

struct NormalTail {
  ScaledExp gauss;  // e^(-t^2/2)
  Vec<float> key;   // the piece, in the low 5 bits
  Vec<float> w;     // centre of the piece - t
};

ACTFN_INLINE NormalTail normal_tail(Vec<float> nt) {
  const Vec<float> half_t = nt * set<float>(-0.5f);
  const Vec<float> h = nt * half_t;          // -t^2/2 rounded
  const Vec<float> l = fms(nt, half_t, h);   // and its rounding error
  const Vec<float> one_plus_t = set<float>(1) - nt;
  const Vec<float> key = shift_right_bits(one_plus_t, 20);
  // The piece's centre in t + 1 (exponent and top three mantissa bits, then the next bit set), minus 1: exact.
  const Vec<float> centre = or_bits(and_bits(one_plus_t, 0xfff00000u), 0x00080000u) - set<float>(1);
  return {exp_scaled_f32(h, l), key, centre + nt};
}

template <int Degree>
ACTFN_INLINE Vec<float> piece_poly(const float (&table)[Degree + 1][32], const NormalTail& n) {
  Vec<float> p = lookup32(table[Degree], n.key);
  for (int i = Degree - 1; i >= 0; --i) p = fma(p, n.w, lookup32(table[i], n.key));
  return p;
}

// e^(-t^2/2) R(t) / 2^floor(m) = Q(t) unscaled.
ACTFN_INLINE Vec<float> normal_q_unscaled(const NormalTail& n) {
  const Vec<float> r = piece_poly<float_tables::kGeluRDegree>(float_tables::kGeluR, n);
  return fma(n.gauss.hi, r, n.gauss.lo * r);
}

// e^(-t^2/2) (t - t0) S(t) / 2^floor(m) = (Q(t) - t phi(t)) unscaled.
ACTFN_INLINE Vec<float> normal_q_minus_t_pdf_unscaled(Vec<float> nt, const NormalTail& n) {
  const Vec<float> s = piece_poly<float_tables::kGeluSDegree>(float_tables::kGeluS, n);
  const Vec<float> d = (set<float>(-float_tables::kGeluRootHi) - nt) - set<float>(float_tables::kGeluRootLo);  // t - t0
  return fma(n.gauss.hi, s, n.gauss.lo * s) * d;
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
