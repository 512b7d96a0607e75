/**
 * Scalar float64 kernels of every activation, the reference the native backend is held to.
 * Float32 arrays use the same code: the float64 result is rounded once on store, so float32
 * outputs are within 1 ULP wherever the float64 value is accurate to ~2^-40.
 *
 * Accuracy notes (why the code is not the textbook formula):
 * - x * g(x) with g(x) -> 0 exponentially (silu, gelu, mish, geluTanh) is evaluated in the deep
 *   negative tail as (x * g(x) * e^700) * e^-700, so the only rounding into the subnormal range is
 *   the last one.
 * - Products with a parameter that feed exp (beta * x) are carried as double-doubles, since exp
 *   turns the product's rounding error into |beta * x| ULPs of relative error.
 * - The derivatives of gelu, geluTanh, silu/swish and mish vanish at one negative point; near it
 *   they come from a fitted expansion in (x - x0) with x0 as a double-double (critical-points.ts).
 * - After exp, the chain of roundings in sigmoid, tanh(softplus) and the (1 + e)^2 quotients is
 *   recovered exactly (sumError, productError, quotientError) and applied once at the end: each
 *   rounding left in would add up to half an ULP.
 */
import { SELU_SCALE, SELU_SCALE_ALPHA } from '../../selu-constants.js';
import { fastSumError, productError, quotientError, sumError } from './math/dd.js';
import { erfcx, normalCdf, normalPdf } from './math/erfc.js';
import { criticalExpansion, GELU_ROOT, GELU_TANH_ROOT, MISH_ROOT, SILU_ROOT, type CriticalPoint } from './math/critical-points.js';

export interface ScalarActivation {
  forward(x: number, a: number, b: number): number;
  derivative(x: number, a: number, b: number): number;
}

const { exp, expm1, log1p, abs } = Math;

/** e^-700 rounded to nearest: the scale for deep-tail products (see the file comment). */
const E_MINUS_700 = 9.85967654375977e-305;
const SQRT_HALF_PI = 1.2533141373155003;
const INV_SQRT_2PI = 0.3989422804014327;
/** 2*sqrt(2/pi) and 0.044715 as double-doubles (hi + lo), from mpmath. */
const GELU_TANH_C = 1.5957691216057308;
const GELU_TANH_C_LO = -9.96930880911092e-17;
const GELU_TANH_K = 0.044715;
const GELU_TANH_K_LO = 2.1960211427085595e-18;

const isNaN = (x: number) => x !== x;

/** Low part of the last sigmoidSplit result. */
let sigmoidLo = 0;

/** sigmoid(h + l) for a double-double argument, as hi (returned) + sigmoidLo. */
function sigmoidSplit(h: number, l: number): number {
  if (h < 0) {
    const e = exp(h);
    const el = e * l;
    const d = 1 + e;
    const q = e / d;
    sigmoidLo = quotientError(e, el, d, fastSumError(1, e, d) + el, q);
    return q;
  }
  const t = exp(-h);
  const d = 1 + t;
  const q = 1 / d;
  sigmoidLo = quotientError(1, 0, d, fastSumError(1, t, d) - t * l, q);
  return q;
}

/** sigmoid(h + l) rounded once. */
function sigmoid2(h: number, l: number): number {
  return sigmoidSplit(h, l) + sigmoidLo;
}

/** x * (hi + lo) rounded once; past SPLIT_LIMIT the plain product (lo is then irrelevant). */
function timesSplit(x: number, hi: number, lo: number): number {
  const p = x * hi;
  if (!(abs(x) < SPLIT_LIMIT)) return p;
  return p + (productError(x, hi, p) + x * lo);
}

/** (a + al) / (d + dl)^2 rounded once: the shape of sigmoid', tanh', softsign' and silu'. */
function overSquare(a: number, al: number, d: number, dl: number): number {
  const q = d * d;
  const r = a / q;
  return r + quotientError(a, al, q, productError(d, d, q) + 2 * d * dl, r);
}

/**
 * celu below 0: alpha expm1(t), t = x / alpha. For |t| < 2^-27 that is x (1 + t/2) to 2^-55
 * relative, a form that survives x / alpha underflowing (tiny x, large alpha); the sign keeps -0.
 */
function celuNegative(x: number, alpha: number): number {
  const t = x / alpha;
  if (abs(t) >= 2 ** -27 || Number.isNaN(t)) return alpha * expm1(t);
  const small = x + x * (0.5 * t);
  return small === 0 ? x : small;
}

/**
 * e^(x / alpha) with the rounding error of the quotient carried: the exponential magnifies its
 * argument's relative error by |x / alpha| (celu' lost 55 ULP at alpha = 0.05 without it).
 */
function expOfQuotient(x: number, alpha: number): number {
  const t = x / alpha;
  const e = exp(t);
  const tLo = quotientError(x, 0, alpha, 0, t);
  return Number.isFinite(tLo) ? e + e * tLo : e;
}

function sigmoid(x: number): number {
  return sigmoidSplit(x, 0) + sigmoidLo;
}

/** Below this magnitude productError is exact (its Veltkamp split overflows above 2^995). */
const SPLIT_LIMIT = 1e290;

/**
 * beta * x as a double-double (hi returned, lo in scaledLo). Past SPLIT_LIMIT the low part cannot
 * matter (exp of such a product is 0, 1 or infinite) and is taken as 0.
 */
let scaledLo = 0;
function scaled(beta: number, x: number): number {
  const u = beta * x;
  scaledLo = Math.abs(x) < SPLIT_LIMIT && Math.abs(beta) < SPLIT_LIMIT ? productError(beta, x, u) : 0;
  return u;
}

function nearRoot(cp: CriticalPoint, u: number): boolean {
  return abs(u - cp.x0Hi) <= cp.radius;
}

/** swish(x; beta) = x * sigmoid(beta x); silu is beta = 1. */
function swishForward(x: number, beta: number): number {
  const u = scaled(beta, x);
  const ul = scaledLo;
  if (u < -700) {
    const g = exp(u + 700) * (1 + ul); // u + 700 is exact (Sterbenz) wherever g is not 0
    return g === 0 ? 0 : x * g * E_MINUS_700;
  }
  return timesSplit(x, sigmoidSplit(u, ul), sigmoidLo);
}

/** swish'(x; beta) = silu'(u), u = beta x. */
function swishDerivative(x: number, beta: number): number {
  const u = scaled(beta, x);
  const ul = scaledLo;
  if (nearRoot(SILU_ROOT, u)) return criticalExpansion(SILU_ROOT, u, ul);
  if (u === Infinity) return 1;
  if (u < -700) {
    const g = exp(u + 700) * (1 + ul);
    return g === 0 ? 0 : (1 + u) * g * E_MINUS_700;
  }
  if (u >= 0) return sigmoid2(u, ul) * (1 + u * sigmoid2(-u, -ul));
  return silu2Negative(u, ul);
}

/**
 * silu'(u + ul) for u < 0 as e (1 + u + e) / (1 + e)^2 with e = e^u. The textbook
 * sigmoid(u) (1 + u sigmoid(-u)) cancels for u in [-3, -1]; here 1 + u is exact near the
 * cancellation (Sterbenz) and only e's rounding is amplified, by e / |1 + u + e| < 1. geluTanh'
 * has the same shape with x v'(x) in place of u.
 */
function silu2Negative(u: number, ul: number): number {
  return onePlusOverSquare(u, ul, exp(u), ul);
}

/**
 * E (1 + S + E) / (1 + E)^2 for S = s + sl and E = e (1 + eRel), with every rounding after exp
 * recovered.
 */
function onePlusOverSquare(s: number, sl: number, e: number, eRel: number): number {
  const el = e * eRel;
  const d = 1 + e;
  const dl = fastSumError(1, e, d) + el;
  const m = 1 + s;
  const ml = sumError(1, s, m) + sl;
  const n = m + e;
  const nl = sumError(m, e, n) + ml + el;
  const a = e * n;
  return overSquare(a, productError(e, n, a) + e * nl + el * n, d, dl);
}

/** exp(-x^2/2) * e^700 for x^2/2 in [350, 1400], with x^2 carried exactly. */
function halfSquareExpScaled(x: number): number {
  const h = x * x;
  const l = productError(x, x, h);
  return exp(700 - 0.5 * h) * (1 - 0.5 * l);
}

/** Below this, gelu and gelu' take the scaled path; x^2/2 stays in the exact-subtraction range. */
const GELU_TAIL = -27;
/** Below this, |gelu| and |gelu'| < 2^-1075: they round to -0. */
const GELU_UNDERFLOW = -40;

function geluForward(x: number): number {
  if (x < GELU_TAIL) {
    if (x < GELU_UNDERFLOW) return -0;
    // x Phi(x) = x erfcx(-x/sqrt2) exp(-x^2/2) / 2
    return x * 0.5 * erfcx(-x * Math.SQRT1_2) * halfSquareExpScaled(x) * E_MINUS_700;
  }
  return x * normalCdf(x);
}

function geluDerivative(x: number): number {
  if (nearRoot(GELU_ROOT, x)) return criticalExpansion(GELU_ROOT, x, 0);
  if (x < GELU_TAIL) {
    if (x < GELU_UNDERFLOW) return -0;
    // Phi + x phi = phi (x + Phi/phi), and Phi/phi = sqrt(pi/2) erfcx(-x/sqrt2) does not cancel here
    return (x + SQRT_HALF_PI * erfcx(-x * Math.SQRT1_2)) * INV_SQRT_2PI * halfSquareExpScaled(x) * E_MINUS_700;
  }
  if (x === Infinity) return 1;
  return normalCdf(x) + x * normalPdf(x);
}

/**
 * v = c (x + k x^3) and w = c k x^3 as double-doubles (c = 2 sqrt(2/pi), k = 0.044715): v feeds
 * exp, and x v'(x) = v + 2 w is the term that cancels in the derivative. Results in the module
 * scratch below (no allocation per element).
 */
let vHi = 0;
let vLo = 0;
let wHi = 0;
let wLo = 0;
function geluTanhParts(x: number): void {
  const x2 = x * x;
  const x2l = productError(x, x, x2);
  const kx2 = GELU_TANH_K * x2;
  const kx2l = productError(GELU_TANH_K, x2, kx2) + GELU_TANH_K * x2l + GELU_TANH_K_LO * x2;
  const t = 1 + kx2;
  const tl = sumError(1, kx2, t) + kx2l;
  const cx = GELU_TANH_C * x;
  const cxl = productError(GELU_TANH_C, x, cx) + GELU_TANH_C_LO * x;
  vHi = cx * t;
  vLo = productError(cx, t, vHi) + cx * tl + cxl * t;
  wHi = cx * kx2;
  wLo = productError(cx, kx2, wHi) + cx * kx2l + cxl * kx2;
}

/** Past these, geluTanh is x (above) or underflows to 0 (below) in float64. */
const GELU_TANH_UPPER = 20;
const GELU_TANH_LOWER = -25;

function geluTanhForward(x: number): number {
  if (x > GELU_TANH_UPPER) return x;
  if (x < GELU_TANH_LOWER) return isNaN(x) ? x : 0;
  geluTanhParts(x);
  if (vHi < -700) return x * (exp(vHi + 700) * (1 + vLo)) * E_MINUS_700;
  return timesSplit(x, sigmoidSplit(vHi, vLo), sigmoidLo);
}

function geluTanhDerivative(x: number): number {
  if (nearRoot(GELU_TANH_ROOT, x)) return criticalExpansion(GELU_TANH_ROOT, x, 0);
  if (x > GELU_TANH_UPPER) return 1;
  if (x < GELU_TANH_LOWER) return isNaN(x) ? x : 0;
  geluTanhParts(x);
  // x v'(x) = v + 2w, as a double-double
  const s = vHi + 2 * wHi;
  const sl = sumError(vHi, 2 * wHi, s) + vLo + 2 * wLo;
  if (vHi < -700) return (1 + s) * (exp(vHi + 700) * (1 + vLo)) * E_MINUS_700;
  if (x >= 0) return sigmoid2(vHi, vLo) * (1 + sigmoid2(-vHi, -vLo) * s);
  // sigmoid(v) (1 + x v' sigmoid(-v)) = e (1 + x v' + e) / (1 + e)^2 with e = e^v, as in swish'
  return onePlusOverSquare(s, sl, exp(vHi), vLo);
}

/**
 * tanh(softplus(x)) = n / (n + 2) with n = e^x (e^x + 2), or (1 + 2t) / (1 + 2t (1 + t)) with
 * t = e^-x for x > 0; hi returned, low part in tanhSoftplusLo.
 */
let tanhSoftplusLo = 0;
function tanhSoftplusSplit(x: number): number {
  if (x > 0) {
    const t = exp(-x);
    const tt = 2 * t;
    const num = 1 + tt;
    const b = 1 + t;
    const c = tt * b;
    const cl = productError(tt, b, c) + tt * fastSumError(1, t, b);
    const den = 1 + c;
    const q = num / den;
    tanhSoftplusLo = quotientError(num, sumError(1, tt, num), den, sumError(1, c, den) + cl, q);
    return q;
  }
  const e = exp(x);
  const a = 2 + e;
  const n = e * a;
  const nl = productError(e, a, n) + e * fastSumError(2, e, a);
  const d = n + 2;
  const q = n / d;
  tanhSoftplusLo = quotientError(n, nl, d, sumError(n, 2, d) + nl, q);
  return q;
}

/** Above this, mish'(x) = 1 - (4x - 2) e^-2x + ... rounds to 1 in float64. */
const MISH_DERIVATIVE_ONE = 40;

function mishForward(x: number): number {
  if (x === 0) return x; // mish(-0) = -0 * tanh(ln 2) = -0; the split product below would round it to +0
  if (x < -700) {
    if (x === -Infinity) return 0;
    return x * exp(x + 700) * E_MINUS_700; // tanh(softplus(x)) = e^x (1 + O(e^x))
  }
  return timesSplit(x, tanhSoftplusSplit(x), tanhSoftplusLo);
}

function mishDerivative(x: number): number {
  if (nearRoot(MISH_ROOT, x)) return criticalExpansion(MISH_ROOT, x, 0);
  if (x < -700) {
    if (x === -Infinity) return 0;
    return (1 + x) * exp(x + 700) * E_MINUS_700;
  }
  if (x > MISH_DERIVATIVE_ONE) return 1;
  if (x > 0) {
    // tanh(sp) + x sech^2(sp) sigmoid(x), all terms positive; in t = e^-x to avoid overflow
    const t = exp(-x);
    const d = 1 + 2 * t * (1 + t);
    const q = ((1 + t) * t) / d;
    return (1 + 2 * t) / d + x * 4 * q * q * sigmoid(x);
  }
  return mishDerivativeNegative(x);
}

/**
 * mish'(x) for x <= 0 as e N / d^2 with e = e^x, d = 2 + e (2 + e) and
 * N = 4 (1 + x)(1 + e) + e (2 + e (4 + e)). The textbook sum cancels for x in [-3, -2] too; N
 * cancels only at the root (handled by the expansion). Every rounding after exp is recovered.
 */
function mishDerivativeNegative(x: number): number {
  const e = exp(x);
  const a = 2 + e;
  const m = e * a;
  const ml = productError(e, a, m) + e * fastSumError(2, e, a);
  const d = 2 + m;
  const dl = sumError(2, m, d) + ml;
  const g = 1 + x;
  const gl = sumError(1, x, g);
  const b = 1 + e;
  const gb = g * b;
  const gbl = productError(g, b, gb) + g * fastSumError(1, e, b) + gl * b;
  const f1 = 4 + e;
  const f2 = e * f1;
  const f2l = productError(e, f1, f2) + e * fastSumError(4, e, f1);
  const f3 = 2 + f2;
  const f3l = sumError(2, f2, f3) + f2l;
  const t2 = e * f3;
  const t2l = productError(e, f3, t2) + e * f3l;
  const n = 4 * gb + t2;
  const nl = sumError(4 * gb, t2, n) + 4 * gbl + t2l;
  const num = e * n;
  return overSquare(num, productError(e, n, num) + e * nl, d, dl);
}

function softplusForward(x: number, beta: number): number {
  const u = scaled(beta, x);
  const ul = scaledLo;
  let sp: number;
  if (u > 0) {
    // u + log1p(e^-u), with the low part of u entering through d/du softplus = sigmoid(u)
    const t = exp(-u);
    sp = u + (log1p(t) + ul / (1 + t));
  } else {
    const e = exp(u);
    sp = log1p(e) + (e / (1 + e)) * ul;
  }
  if (u === Infinity) return x; // beta x overflowed; softplus(u) / beta = x to double precision
  return beta === 1 ? sp : sp / beta;
}

function logSigmoidForward(x: number): number {
  if (x >= 0) return -log1p(exp(-x));
  return x - log1p(exp(x));
}

/** tanh'(x) = 4t / (1 + t)^2, t = e^-2|x| (no cancellation, unlike 1 - tanh^2). */
function tanhDerivative(x: number): number {
  const t = exp(-2 * abs(x));
  const d = 1 + t;
  return overSquare(4 * t, 0, d, fastSumError(1, t, d));
}

/** sigmoid'(x) = t / (1 + t)^2, t = e^-|x|. */
function sigmoidDerivative(x: number): number {
  const t = exp(-abs(x));
  const d = 1 + t;
  return overSquare(t, 0, d, fastSumError(1, t, d));
}

/** softsign'(x) = 1 / (1 + |x|)^2; past 1e150 the square would overflow, and 1/s squared is exact enough. */
function softsignDerivative(x: number): number {
  const a = abs(x);
  const s = 1 + a;
  if (!(a < 1e150)) {
    const d = 1 / s;
    return d * d;
  }
  return overSquare(1, 0, s, sumError(1, a, s));
}

/**
 * tanhShrink(x) = x - tanh(x), odd; on a = |x| with tanh(a) alongside (the derivative is tanh^2),
 * both as hi + lo in the scratch below:
 * - a < 1/2: a^3 P(a^2), P the Taylor series of (a - tanh a) / a^3 (terms below 2^-62 dropped),
 *   its coefficients from the recurrence (2n+1) t_(2n+1) = -sum t_i t_j of tanh' = 1 - tanh^2
 *   (all terms of one sign: no cancellation), 1/3 carried as hi + lo.
 * - 1/2 <= a < 1: from y = a/2 by tanh(2y) = 2T / (1 + T^2): a - tanh a = 2 (g + y T^2) / (1 + T^2)
 *   with g = y - T, a sum of positive terms where a - tanh a itself would cancel.
 * - 1 <= a <= 40: (a - 1) + 2e / (1 + e), e = e^-2a, both terms >= 0 (a - 1 is exact).
 * - a > 40: a - 1 (2e / (1 + e) < 2^-114); tanh = 1. Infinities give +-Infinity and 1, NaN gives NaN.
 */
const TANH_SHRINK_TERMS = 19;
const TANH_SHRINK_P: number[] = (() => {
  const t = [1]; // t[n]: the Taylor coefficient of x^(2n+1) in tanh x
  for (let n = 1; n <= TANH_SHRINK_TERMS; n++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += t[i] * t[n - 1 - i];
    t.push(-sum / (2 * n + 1));
  }
  return t.slice(1).map((c) => -c); // P's coefficients, 1/3 first
})();
const ONE_THIRD = 1 / 3;
/** 1/3 - ONE_THIRD exactly: ONE_THIRD = (2^54 - 1) / (3 * 2^54). */
const ONE_THIRD_LO = 2 ** -54 / 3;

let shrinkLo = 0;
let shrinkTanh = 0;
let shrinkTanhLo = 0;

/** a - tanh a for 0 <= a < 1/2 as hi (returned) + shrinkLo. */
function tanhShrinkSeries(a: number): number {
  const s = a * a;
  const sl = productError(a, a, s);
  let q = TANH_SHRINK_P[TANH_SHRINK_TERMS - 1];
  for (let k = TANH_SHRINK_TERMS - 2; k >= 1; k--) q = q * s + TANH_SHRINK_P[k];
  const sq = s * q;
  const p = ONE_THIRD + sq;
  const pl = sumError(ONE_THIRD, sq, p) + ONE_THIRD_LO + productError(s, q, sq) + sl * q;
  const c = a * s;
  const cl = productError(a, s, c) + a * sl;
  const f = c * p;
  shrinkLo = productError(c, p, f) + c * pl + cl * p;
  return f;
}

/** a - tanh a for a >= 0 (or NaN) as hi (returned) + shrinkLo, and tanh a in shrinkTanh + shrinkTanhLo. */
function tanhShrinkSplit(a: number): number {
  if (a < 0.5) {
    const f = tanhShrinkSeries(a);
    const fl = shrinkLo;
    shrinkTanh = a - f;
    shrinkTanhLo = sumError(a, -f, shrinkTanh) - fl;
    return f;
  }
  if (a < 1) {
    const y = 0.5 * a;
    const g = tanhShrinkSeries(y);
    const gl = shrinkLo;
    const t = y - g;
    const tl = sumError(y, -g, t) - gl;
    const t2 = t * t;
    const t2l = productError(t, t, t2) + 2 * t * tl;
    const yt2 = y * t2;
    const yt2l = productError(y, t2, yt2) + y * t2l;
    const n = g + yt2;
    const nl = sumError(g, yt2, n) + gl + yt2l;
    const d = 1 + t2;
    const dl = fastSumError(1, t2, d) + t2l;
    const q = n / d;
    const f = 2 * q;
    shrinkLo = 2 * quotientError(n, nl, d, dl, q);
    shrinkTanh = a - f;
    shrinkTanhLo = sumError(a, -f, shrinkTanh) - shrinkLo;
    return f;
  }
  if (a <= 40) {
    const e = exp(-2 * a);
    const d = 1 + e;
    const q = (2 * e) / d;
    const ql = quotientError(2 * e, 0, d, fastSumError(1, e, d), q);
    const s = a - 1;
    const f = s + q;
    shrinkLo = sumError(s, q, f) + ql;
    shrinkTanh = 1 - q;
    shrinkTanhLo = fastSumError(1, -q, shrinkTanh) - ql;
    return f;
  }
  shrinkLo = 0;
  shrinkTanh = a === a ? 1 : a;
  shrinkTanhLo = 0;
  return a - 1;
}

function tanhShrinkForward(x: number): number {
  const a = abs(x);
  const f = tanhShrinkSplit(a) + shrinkLo;
  return x < 0 ? -f : isNaN(x) ? x : f;
}

/** tanh(x)^2 from tanh |x| as hi + lo. */
function tanhShrinkDerivative(x: number): number {
  tanhShrinkSplit(abs(x));
  const t = shrinkTanh;
  const t2 = t * t;
  return t2 + (productError(t, t, t2) + 2 * t * shrinkTanhLo);
}

/** 1 inside the open interval, 0 outside or on its ends, NaN for NaN. */
function indicator(x: number, lo: number, hi: number): number {
  return x > lo && x < hi ? 1 : isNaN(x) ? x : 0;
}

export const JS_ACTIVATIONS: Readonly<Record<string, ScalarActivation>> = {
  sigmoid: { forward: sigmoid, derivative: sigmoidDerivative },
  tanh: { forward: Math.tanh, derivative: tanhDerivative },
  relu: {
    forward: (x) => (x > 0 ? x : isNaN(x) ? x : 0),
    derivative: (x) => (x > 0 ? 1 : isNaN(x) ? x : 0),
  },
  leakyRelu: {
    forward: (x, a) => (x > 0 ? x : a * x),
    derivative: (x, a) => (x > 0 ? 1 : isNaN(x) ? x : a),
  },
  elu: {
    forward: (x, a) => (x > 0 ? x : a * expm1(x)),
    derivative: (x, a) => (x > 0 ? 1 : a * exp(x)),
  },
  selu: {
    forward: (x) => (x > 0 ? SELU_SCALE * x : SELU_SCALE_ALPHA * expm1(x)),
    derivative: (x) => (x > 0 ? SELU_SCALE : SELU_SCALE_ALPHA * exp(x)),
  },
  celu: {
    forward: (x, a) => (x > 0 ? x : celuNegative(x, a)),
    derivative: (x, a) => (x > 0 ? 1 : expOfQuotient(x, a)),
  },
  gelu: { forward: geluForward, derivative: geluDerivative },
  geluTanh: { forward: geluTanhForward, derivative: geluTanhDerivative },
  silu: { forward: (x) => swishForward(x, 1), derivative: (x) => swishDerivative(x, 1) },
  swish: { forward: swishForward, derivative: swishDerivative },
  softplus: {
    forward: softplusForward,
    derivative: (x, beta) => {
      const u = scaled(beta, x);
      return sigmoid2(u, scaledLo);
    },
  },
  mish: { forward: mishForward, derivative: mishDerivative },
  softsign: {
    forward: (x) => (x === Infinity ? 1 : x === -Infinity ? -1 : x / (1 + abs(x))),
    derivative: softsignDerivative,
  },
  hardSigmoid: {
    forward: (x) => (x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6),
    derivative: (x) => indicator(x, -3, 3) / 6,
  },
  hardSwish: {
    forward: (x) => (x <= -3 ? 0 : x >= 3 ? x : (x * (x + 3)) / 6),
    derivative: (x) => (x < -3 ? 0 : x > 3 ? 1 : (2 * x + 3) / 6),
  },
  hardTanh: {
    forward: (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x),
    derivative: (x, lo, hi) => indicator(x, lo, hi),
  },
  relu6: {
    forward: (x) => (x <= 0 ? 0 : x >= 6 ? 6 : x),
    derivative: (x) => indicator(x, 0, 6),
  },
  // lambd >= 0; PyTorch's conventions: f'(+-lambd) = 0, and NaN stays NaN
  softShrink: {
    forward: (x, lambd) => (x > lambd ? x - lambd : x < -lambd ? x + lambd : isNaN(x) ? x : 0),
    derivative: (x, lambd) => (abs(x) > lambd ? 1 : isNaN(x) ? x : 0),
  },
  hardShrink: {
    forward: (x, lambd) => (abs(x) > lambd ? x : isNaN(x) ? x : 0),
    derivative: (x, lambd) => (abs(x) > lambd ? 1 : isNaN(x) ? x : 0),
  },
  tanhShrink: { forward: tanhShrinkForward, derivative: tanhShrinkDerivative },
  logSigmoid: { forward: logSigmoidForward, derivative: (x) => sigmoid(-x) },
  linear: { forward: (x) => x, derivative: (x) => (isNaN(x) ? x : 1) },
};
