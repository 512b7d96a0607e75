// A thin vector wrapper, one definition per instruction-set target (Highway-style, much smaller):
// Vec<T> holds N lanes of T, Mask<T> the result of a comparison. Kernels are written once against
// this interface and compiled once per target. Everything lives in actfn::<target>, and nothing
// here runs at static-initialisation time (no SIMD instruction may execute before dispatch).
//
// Interface (per T in {float, double}):
//   Vec<T>::N; load(p), store(p, v), set(T), operators + - * /, fma(a, b, c) = a*b + c,
//   abs(v), lt/le/gt/ge(a, b) (ordered: false on NaN), is_nan(v), is_inf(v), mask_or(m, m),
//   select(m, a, b) = m ? a : b, copy_sign(magnitude, sign).
// Both: round_nearest(v), pow2i(n) = 2^n for integral n in the type's normal exponent range,
//   lane_bits(mask) (bit i = lane i).
// For float lanes also: rcp_approx(v) (1/v to at least 11 bits, for correction terms).
// For double lanes also: load_widen(const float*) / store_narrow(float*, v) (Vec<double>::N floats),
//   eq(a, b).
// Both also: min/max (b where either is NaN, as on x86).
// For table-driven float kernels (simd/float_tables.generated.h): fms(a, b, c) = a*b - c, negative_abs, negative_abs_min(a, c) = -min(|a|, c) (NaN kept), shift_right_bits/and_bits/or_bits (integer
//   operations on a lane's bit pattern), lookup16/lookup32(table, key) (table[low 4 or 5 bits of
//   key's bits], table 64-byte aligned), round_sixteenths, scale_pow2(v, m) = v 2^floor(m) rounded once,
//   widen_lo/widen_hi(v) (the low and high half of the lanes as Vec<double>; the high half is 0 on
//   one-lane targets).
// stream(p, v) is a non-temporal store to a vector-aligned p; stream_fence() orders them.
// add_via_fma(a, b) = a + b (the same rounding) issued as a * 1 + b.
#pragma once

#include "../compiler.h"  // ACTFN_INLINE, ACTFN_INLINE_LAMBDA

#if defined(ACTFN_TARGET_AVX512)
#include "vec_avx512.h"
#elif defined(ACTFN_TARGET_AVX2)
#include "vec_avx2.h"
#elif defined(ACTFN_TARGET_NEON)
#include "vec_neon.h"
#else
#include "vec_scalar.h"
#endif

namespace actfn {
namespace ACTFN_TARGET {

// a + b issued as a * 1 + b: the same rounding, but on the multiply-add pipes. On Zen 4 the FMA
// pipes and the add pipes each take one 512-bit operation per cycle (tools/port-throughput.c), so a
// loop whose additions, comparisons and rounding outnumber its multiplies moves some of them across.
// A target without fused multiply-add in hardware adds.
template <class T>
ACTFN_INLINE Vec<T> add_via_fma(Vec<T> a, Vec<T> b) {
  if constexpr (Vec<T>::N > 1) {
    return fma(a, set<T>(1), b);
  } else {
    return a + b;
  }
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
