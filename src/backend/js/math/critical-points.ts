/**
 * Derivatives of activations near the one point where they vanish.
 *
 * gelu', silu', mish' and geluTanh' are each a sum of two terms that cancel at a negative root x0,
 * so the textbook formula loses all relative accuracy there (1e-17 values from 0.2-sized terms).
 * Near x0 we instead write g(x0 + d) = d q(d), with x0 as a double-double and q a polynomial fitted
 * to g(x0 + d)/d, so the relative error no longer depends on how close to the root the input is.
 *
 * Coefficients: tools/gen-math-coefficients.py (coefficients.generated.ts); the radius of each
 * expansion is chosen there from a measured error profile of the straightforward formula. The C++
 * twin is native/kernels/math/critical_points.h.
 */
import { polynomialFrom, productError, sumError } from './dd.js';
import * as generated from './coefficients.generated.js';

/** A root x0 of a derivative g and the expansion g(x0 + d) = d q(d) valid for |d| <= radius. */
export interface CriticalPoint {
  /** x0 = x0Hi + x0Lo (double-double), to ~2^-106 relative. */
  readonly x0Hi: number;
  readonly x0Lo: number;
  /** A third word, x0 = x0Hi + x0Lo + x0Tail to ~2^-160: for double-double inputs closer than 2^-100. */
  readonly x0Tail: number;
  /** Use the expansion for |u - x0Hi| <= radius; outside, the straightforward formula is accurate. */
  readonly radius: number;
  /** q(d) = coefficients[0] + coefficients[1] d + ...; coefficients[0] = g'(x0). */
  readonly coefficients: readonly number[];
  /** Low words of coefficients[0] and [1]: those two are double-doubles. */
  readonly coefficient0Lo: number;
  readonly coefficient1Lo: number;
}

/** GELU'(x) = Phi(x) + x phi(x); root x0 = -0.75179152469356446. */
export const GELU_ROOT: CriticalPoint = {
  x0Hi: generated.GELU_ROOT_X0_HI,
  x0Lo: generated.GELU_ROOT_X0_LO,
  x0Tail: generated.GELU_ROOT_X0_TAIL,
  radius: generated.GELU_ROOT_RADIUS,
  coefficients: generated.GELU_ROOT_COEFFICIENTS,
  coefficient0Lo: generated.GELU_ROOT_C0_LO,
  coefficient1Lo: generated.GELU_ROOT_C1_LO,
};

/** SiLU'(u) = sigma(u) (1 + u (1 - sigma(u))); root u0 = -1.2784645427610738. */
export const SILU_ROOT: CriticalPoint = {
  x0Hi: generated.SILU_ROOT_X0_HI,
  x0Lo: generated.SILU_ROOT_X0_LO,
  x0Tail: generated.SILU_ROOT_X0_TAIL,
  radius: generated.SILU_ROOT_RADIUS,
  coefficients: generated.SILU_ROOT_COEFFICIENTS,
  coefficient0Lo: generated.SILU_ROOT_C0_LO,
  coefficient1Lo: generated.SILU_ROOT_C1_LO,
};

/** Mish'(x) = tanh(sp(x)) + x (1 - tanh(sp(x))^2) sigma(x), sp = softplus; root x0 = -1.1924312145154952. */
export const MISH_ROOT: CriticalPoint = {
  x0Hi: generated.MISH_ROOT_X0_HI,
  x0Lo: generated.MISH_ROOT_X0_LO,
  x0Tail: generated.MISH_ROOT_X0_TAIL,
  radius: generated.MISH_ROOT_RADIUS,
  coefficients: generated.MISH_ROOT_COEFFICIENTS,
  coefficient0Lo: generated.MISH_ROOT_C0_LO,
  coefficient1Lo: generated.MISH_ROOT_C1_LO,
};

/**
 * geluTanh'(x) = s + x s (1 - s) c (1 + 3k x^2), s = sigma(c (x + k x^3)), c = 2 sqrt(2/pi),
 * k = 0.044715 (exact decimal); root x0 = -0.75246142207101626.
 */
export const GELU_TANH_ROOT: CriticalPoint = {
  x0Hi: generated.GELU_TANH_ROOT_X0_HI,
  x0Lo: generated.GELU_TANH_ROOT_X0_LO,
  x0Tail: generated.GELU_TANH_ROOT_X0_TAIL,
  radius: generated.GELU_TANH_ROOT_RADIUS,
  coefficients: generated.GELU_TANH_ROOT_COEFFICIENTS,
  coefficient0Lo: generated.GELU_TANH_ROOT_C0_LO,
  coefficient1Lo: generated.GELU_TANH_ROOT_C1_LO,
};

/**
 * g(u) for the derivative g that cp describes, at u = uHi + uLo (a double-double; pass uLo = 0 for a
 * plain float64), valid for |uHi - cp.x0Hi| <= cp.radius. d = u - x0 is formed as a double-double
 * from error-free steps (x0 carried to three words), q(d) has its two leading steps compensated, and
 * d q(d) is rounded once, so the result is relatively accurate even at the float nearest the root.
 * Max error 1.24 ULP (relative; 0.86 to 1.24 across the four) over 4 x 202,000 points: uniform in
 * |d| <= radius with and without a random low word, the 20,000 floats nearest each root, log-spaced
 * distances out to the radius, and double-doubles within 2^-60 .. 2^-160 of the root; against mpmath
 * (tools/check-math.py). Coefficients: tools/gen-math-coefficients.py.
 */
export function criticalExpansion(cp: CriticalPoint, uHi: number, uLo: number): number {
  // d = u - x0 = (uHi - x0Hi) + (uLo - x0Lo) - x0Tail as a double-double. Every step that can cancel
  // is error-free, so d keeps its relative accuracy even when u is a double-double within 2^-150 of x0.
  const d0 = uHi - cp.x0Hi;
  const t = uLo - cp.x0Lo;
  const s = d0 + t;
  const rest = sumError(d0, t, s) + (sumError(uHi, -cp.x0Hi, d0) + sumError(uLo, -cp.x0Lo, t) - cp.x0Tail);
  const d = s + rest;
  const dl = sumError(s, rest, d);
  const c = cp.coefficients;
  // q = c0 + d (c1 + d r(d)), with c0, c1 double-doubles and both outer steps compensated
  const p1 = polynomialFrom(c, 2, d) * d;
  const s1 = c[1] + p1;
  const s1l = sumError(c[1], p1, s1) + cp.coefficient1Lo;
  const p0 = s1 * d;
  const p0l = productError(s1, d, p0) + s1l * d;
  const q = c[0] + p0;
  const ql = sumError(c[0], p0, q) + (cp.coefficient0Lo + p0l);
  const g = d * q;
  return g + (productError(d, q, g) + (d * ql + dl * q));
}
