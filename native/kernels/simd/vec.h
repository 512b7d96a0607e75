// A thin vector wrapper, one definition per instruction-set target (Highway-style, much smaller):
// Vec<T> holds N lanes of T, Mask<T> the result of a comparison. Kernels are written once against
// this interface and compiled once per target. Everything lives in actfn::<target>, and nothing
// here runs at static-initialisation time (no SIMD instruction may execute before dispatch).
//
// Interface (per T in {float, double}):
//   Vec<T>::N; load(p), store(p, v), set(T), operators + - * /, fma(a, b, c) = a*b + c,
//   abs(v), lt/le/gt/ge(a, b) (ordered: false on NaN), is_nan(v), is_inf(v), mask_or(m, m),
//   select(m, a, b) = m ? a : b, copy_sign(magnitude, sign).
// For double lanes also: load_widen(const float*) / store_narrow(float*, v) (Vec<double>::N floats),
//   round_nearest(v), pow2i(n) = 2^n for integral n in [-1022, 1023], lane_bits(mask), eq(a, b).
// stream(p, v) is a non-temporal store to a vector-aligned p; stream_fence() orders them.
#pragma once

#if defined(ACTFN_TARGET_AVX512)
#include "vec_avx512.h"
#elif defined(ACTFN_TARGET_AVX2)
#include "vec_avx2.h"
#else
#include "vec_scalar.h"
#endif
