/**
 * Error-free transformations of float64 arithmetic and the small double-double steps built on them,
 * plus the two plain float64 building blocks the math kernels share (polynomial evaluation, ldexp).
 *
 * A double-double is an unevaluated sum hi + lo of two float64 values. Nothing here allocates: each
 * helper takes scalars and returns one number (the error term, or a rounded result), so the callers
 * keep their hi/lo pairs in locals. JavaScript has no fused multiply-add, so the exact product error
 * uses Veltkamp's split (the C++ twin in native/kernels/math/dd.h uses std::fma and gets the same
 * values bit for bit).
 */

/** 2^27 + 1: multiplying by it splits a float64 into two 26-bit halves (Veltkamp). */
const SPLITTER = 134217729;

/**
 * The exact rounding error of s = fl(a + b): returns (a + b) - s, exactly (Knuth's TwoSum).
 * Valid for any finite a, b with no ordering requirement; s must be fl(a + b) itself.
 * Returns NaN when a + b overflows.
 */
export function sumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

/**
 * The exact rounding error of s = fl(a + b) when |a| >= |b| (or a is 0): (a + b) - s
 * (Dekker's FastTwoSum, three operations cheaper than sumError). The ordering is the caller's proof
 * obligation; with it reversed the result is not exact.
 */
export function fastSumError(a: number, b: number, s: number): number {
  return b - (s - a);
}

/**
 * The exact rounding error of p = fl(a * b): returns a*b - p, exactly (Dekker's product with
 * Veltkamp splitting). Exact when |a|, |b| < 2^995 (the split overflows above) and |a*b| >= 2^-969
 * (below that the error itself is not representable and this returns an approximation of it).
 */
export function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** Index of the high 32-bit word of a float64 on this platform. */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** Scratch for building 2^n from its bit pattern (created once, never per call). */
const powBits = new Float64Array(1);
const powWords = new Uint32Array(powBits.buffer);

/** 2^n for an integer n in [-1022, 1023], exactly. */
function powerOfTwo(n: number): number {
  powWords[HIGH_WORD] = (n + 1023) << 20;
  powWords[1 - HIGH_WORD] = 0;
  return powBits[0];
}

const TWO_POW_1023 = powerOfTwo(1023);
const TWO_POW_MINUS_969 = powerOfTwo(-969);

/**
 * x * 2^n for an integer n, like C's ldexp: one rounding (so a result entering the subnormal range
 * is rounded once, not twice) whenever |x| >= 2^-53 or the result is normal; overflows to
 * +-Infinity and underflows to +-0 like the exact product would. The C++ kernels use std::ldexp.
 */
export function scaleByPowerOfTwo(x: number, n: number): number {
  if (n >= -1022 && n <= 1023) return x * powerOfTwo(n);
  return scaleByLargePowerOfTwo(x, n); // kept out of line so that the common case inlines
}

function scaleByLargePowerOfTwo(x: number, n: number): number {
  if (n > 1023) {
    x *= TWO_POW_1023;
    n -= 1023;
    if (n > 1023) {
      x *= TWO_POW_1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else {
    // Steps of 2^-969 keep x normal (hence exact) for |x| >= 2^-53; only the last product rounds.
    x *= TWO_POW_MINUS_969;
    n += 969;
    if (n < -1022) {
      x *= TWO_POW_MINUS_969;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return x * powerOfTwo(n);
}

/**
 * c[start] + c[start+1] v + c[start+2] v^2 + ... + c[n-1] v^(n-1-start), for n - start >= 2.
 * Horner's rule run as two interleaved chains in v^2 (even and odd powers), joined at the end: the
 * same rounding behaviour as one chain for the fast-decaying coefficients used here, at half the
 * latency. The generator (tools/gen-math-coefficients.py) measures the accuracy with this exact order.
 */
export function polynomialFrom(c: readonly number[], start: number, v: number): number {
  const v2 = v * v;
  let i = c.length - 1;
  let top = c[i]; // the chain holding the highest coefficient
  let other = c[i - 1];
  for (i -= 2; i > start; i -= 2) {
    top = top * v2 + c[i];
    other = other * v2 + c[i - 1];
  }
  if (i === start) return top * v2 + c[start] + v * other; // top chain has the even powers
  return other + v * top;
}

/**
 * The correction c that makes q + c the double-double quotient (a + al) / (b + bl) for
 * q = fl(a / b), to first order in al and bl: rounding the sum once leaves ~0.5 ULP. Needs
 * |q|, |b| < 2^995 (productError's range).
 */
export function quotientError(a: number, al: number, b: number, bl: number, q: number): number {
  const p = q * b;
  return (a - p - productError(q, b, p) + al - q * bl) / b;
}
