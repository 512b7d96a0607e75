/**
 * erf, erfc, erfcx and the standard normal CDF/PDF in float64, accurate to about one ULP everywhere,
 * including the deep tails (erfc and normalCdf down into the subnormal range).
 *
 * How (and why):
 * - |z| < 0.5: erf(z) = z + z R(z^2) and erfc(z) = (1 - z) - z R(z^2), with 1 - z split exactly, so
 *   the only large rounding is the last addition.
 * - z >= 0.5: erfc(z) = e^(-z^2) erfcx(z). erfcx is a polynomial in t = (z - mid) * scale on five
 *   pieces of [0.5, 4) (t exact), and H(1/z^2)/z beyond, with the quotient carried as a
 *   double-double. z^2 is carried exactly as a double-double into our own exp, which returns
 *   (hi + lo) * 2^m; the product is rounded once and scaled last, so subnormal results are rounded
 *   once too. Math.exp is not used: its own error (engine-dependent, up to ~1 ULP) would eat the
 *   budget, and e^(-z^2) alone underflows well before erfc(z) does.
 * - z <= -0.5: 2 - erfc(-z), the subtraction done with the double-double erfc.
 * - normalCdf: erfc(-x/sqrt2)/2 with z = -x/sqrt2 as a double-double (the erfcx part takes the low
 *   word as a first-order correction) and e^(-z^2) computed as e^(-x^2/2) from x itself, so the
 *   rounding of x/sqrt2 is never multiplied by 2 z^2.
 *
 * Coefficients: tools/gen-math-coefficients.py (coefficients.generated.ts). The C++ twin
 * native/kernels/math/erfc.h runs the same algorithm on the same coefficients.
 */
import { polynomialFrom, productError, scaleByPowerOfTwo, sumError } from './dd.js';
import {
  ERF_SMALL,
  ERFCX_ASYMPTOTIC,
  ERFCX_ASYMPTOTIC_C0_LO,
  ERFCX_ASYMPTOTIC_START,
  ERFCX_PIECES,
  EXP2_FRACTION_HI,
  EXP2_FRACTION_LO,
  EXPM1_TAIL,
  INV_2SQRT2_HI,
  INV_2SQRT2_LO,
  INV_LN2_X64,
  INV_SQRT2_HI,
  INV_SQRT2_LO,
  INV_SQRT_2PI_HI,
  INV_SQRT_2PI_LO,
  INV_SQRT_PI_HI,
  LN2_DIV64_HI,
  LN2_DIV64_LO,
  TWO_OVER_SQRT_PI_HI,
} from './coefficients.generated.js';

/** Below this |z|, erf and erfc come from the odd series z (1 + R(z^2)). */
const SMALL = 0.5;
/** Below this |x|, normalCdf uses the same series at z = x/sqrt2 (just above sqrt2/2, so z >= 0.5 past it). */
const CDF_SMALL = 0.7071068;
/** erfc(6) < 2^-54: from here on erf is +-1 and erfc(-z) is 2 after rounding. */
const ERF_SATURATION = 6;
/** erfc(z) < 2^-1075 for z >= 27.3: rounds to 0. */
const ERFC_UNDERFLOW = 28;
/** e^(-x^2/2) / sqrt(2 pi) < 2^-1075 and Phi(-x) < 2^-1075 for x >= 38.6. */
const NORMAL_UNDERFLOW = 40;
/** 2 e^(x^2) overflows for |x| > 26.629. */
const ERFCX_OVERFLOW = -26.7;
/** Past this, 1/z^2 is negligible and the double-double quotient would overflow its split. */
const ERFCX_HUGE = 1e299;

/**
 * c[0] + c[1] v + ... by plain Horner, for the short series whose terms cancel (R(s) falls from 0.128
 * to 0.041 over its range): one chain rounds less there than the two of polynomialFrom.
 */
function horner(c: readonly number[], v: number): number {
  let r = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) r = r * v + c[i];
  return r;
}

// Outputs of the internal kernels below. They return nothing and write here: V8 boxes a double that
// a function returns (unless the call is inlined) or that is stored to a module-level variable, one
// heap allocation each, but not a double stored to a typed array.
const scratch = new Float64Array(8);
const EXP_HI = 0; // expSplit
const EXP_LO = 1;
const EXP_EXPONENT = 2;
const ERFCX_HI = 3; // erfcxSplit
const ERFCX_LO = 4;
const TAIL_HI = 5; // erfcSplit
const TAIL_LO = 6;
const TAIL_EXPONENT = 7;

/**
 * e^(yh + yl) = (hi + lo) * 2^m into scratch[EXP_HI, EXP_LO, EXP_EXPONENT], hi = 2^(j/64) in [1, 2),
 * |lo| < 2^-7 hi, hi + lo good to ~2^-59 relative. For |yh| <= 1400 and |yl| <= 2^-40 (a
 * double-double's low word).
 */
function expSplit(yh: number, yl: number): void {
  const k = Math.floor(yh * INV_LN2_X64 + 0.5);
  // k * LN2_DIV64_HI is exact (36-bit constant) and the subtraction is exact (Sterbenz)
  const rh = yh - k * LN2_DIV64_HI;
  const rl = yl - k * LN2_DIV64_LO;
  const r = rh + rl;
  const p = r + (r * r * horner(EXPM1_TAIL, r) + sumError(rh, rl, r)); // e^(rh + rl) - 1
  const j = k & 63;
  const hi = EXP2_FRACTION_HI[j];
  scratch[EXP_HI] = hi;
  scratch[EXP_LO] = hi * p + EXP2_FRACTION_LO[j] * (1 + p);
  scratch[EXP_EXPONENT] = (k - j) / 64;
}

/**
 * erfcx(zh + zl) = hi + lo into scratch[ERFCX_HI, ERFCX_LO], for zh >= 0.5 (zh <= ERFCX_HUGE),
 * |zl| <= ulp(zh); the pair is good to ~0.4 ULP.
 */
function erfcxSplit(zh: number, zl: number): void {
  let hi: number;
  let lo: number;
  if (zh < ERFCX_ASYMPTOTIC_START) {
    let i = 0;
    while (zh >= ERFCX_PIECES[i].end) i++;
    const piece = ERFCX_PIECES[i];
    const c = piece.coefficients;
    const t = (zh - piece.mid) * piece.scale; // exact: Sterbenz, and a power-of-two scale
    const p = polynomialFrom(c, 1, t) * t;
    hi = c[0] + p;
    lo = sumError(c[0], p, hi) + piece.c0Lo;
  } else {
    // erfcx(z) = H(s)/z with s = 1/z^2; the quotient keeps its remainder
    const s = 1 / (zh * zh);
    const c = ERFCX_ASYMPTOTIC;
    const p = polynomialFrom(c, 1, s) * s;
    const h = c[0] + p;
    const hl = sumError(c[0], p, h) + ERFCX_ASYMPTOTIC_C0_LO;
    hi = h / zh;
    const m = hi * zh;
    lo = (h - m - productError(hi, zh, m) + hl) / zh; // h - m is exact (Sterbenz)
  }
  // first order in zl: erfcx'(z) = 2 z erfcx(z) - 2/sqrt(pi)
  scratch[ERFCX_HI] = hi;
  scratch[ERFCX_LO] = lo + zl * (2 * zh * hi - TWO_OVER_SQRT_PI_HI);
}

/**
 * erfc(z) = (hi + lo) * 2^m into scratch[TAIL_HI, TAIL_LO, TAIL_EXPONENT], for z = zh + zl >= 0.5,
 * zh < ERFC_UNDERFLOW, where sh + sl = z^2 (a double-double).
 */
function erfcSplit(zh: number, zl: number, sh: number, sl: number): void {
  expSplit(-sh, -sl);
  erfcxSplit(zh, zl);
  const e = scratch[EXP_HI];
  const f = scratch[ERFCX_HI];
  const p = e * f;
  scratch[TAIL_HI] = p;
  scratch[TAIL_LO] = productError(e, f, p) + (e * scratch[ERFCX_LO] + scratch[EXP_LO] * f);
  scratch[TAIL_EXPONENT] = scratch[EXP_EXPONENT];
}

/**
 * erf(x), the error function, for all float64 x (erf(+-Infinity) = +-1, erf(-0) = -0, NaN -> NaN).
 * Max error 0.78 ULP over 1,000,924 points ([-7, 7] and [-1, 1] uniform, |x| log-uniform in
 * [2^-1074, 7], 16 floats either side of every branch point), against mpmath (tools/check-math.py).
 * Coefficients: tools/gen-math-coefficients.py.
 */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a < SMALL) return x + x * horner(ERF_SMALL, x * x);
  if (!(a < ERF_SATURATION)) return x !== x ? x : x > 0 ? 1 : -1;
  const sh = a * a;
  erfcSplit(a, 0, sh, productError(a, a, sh));
  const th = scaleByPowerOfTwo(scratch[TAIL_HI], scratch[TAIL_EXPONENT]); // exact: erfc(a) > 2^-60 here
  const tl = scaleByPowerOfTwo(scratch[TAIL_LO], scratch[TAIL_EXPONENT]);
  const d = 1 - th;
  const r = d + (sumError(1, -th, d) - tl);
  return x < 0 ? -r : r;
}

/**
 * erfc(x) = 1 - erf(x), for all float64 x: erfc(-Infinity) = 2, erfc(Infinity) = 0, NaN -> NaN;
 * results are subnormal for x in about [26.55, 27.3] and 0 beyond.
 * Max error 0.81 ULP (2^-1074 units in the subnormal range) over 1,000,924 points ([-7, 28] and the
 * subnormal range [26.3, 27.5] uniform, |x| log-uniform in [1e-30, 0.5], 16 floats either side of
 * every branch point), against mpmath (tools/check-math.py). Coefficients:
 * tools/gen-math-coefficients.py.
 */
export function erfc(x: number): number {
  if (Math.abs(x) < SMALL) {
    const r = x * horner(ERF_SMALL, x * x);
    const d = 1 - x;
    return d + (sumError(1, -x, d) - r);
  }
  if (x > 0) {
    if (x >= ERFC_UNDERFLOW) return 0;
    const sh = x * x;
    erfcSplit(x, 0, sh, productError(x, x, sh));
    return scaleByPowerOfTwo(scratch[TAIL_HI] + scratch[TAIL_LO], scratch[TAIL_EXPONENT]);
  }
  if (x <= -ERF_SATURATION) return 2;
  if (x !== x) return x;
  const a = -x;
  const sh = a * a;
  erfcSplit(a, 0, sh, productError(a, a, sh));
  const th = scaleByPowerOfTwo(scratch[TAIL_HI], scratch[TAIL_EXPONENT]); // exact: erfc(a) > 2^-60 here
  const tl = scaleByPowerOfTwo(scratch[TAIL_LO], scratch[TAIL_EXPONENT]);
  const d = 2 - th;
  return d + (sumError(2, -th, d) - tl);
}

/**
 * erfcx(x) = e^(x^2) erfc(x), the scaled complementary error function, for all float64 x:
 * ~1/(x sqrt(pi)) for large x (erfcx(Infinity) = 0), Infinity for x < -26.63 (overflow), NaN -> NaN.
 * Max error 0.74 ULP over 1,000,792 points ([-26.6, 6] and [0, 40] uniform, x log-uniform in
 * [30, 1e300], |x| log-uniform in [1e-30, 0.5], 16 floats either side of every branch point), against
 * mpmath (tools/check-math.py). Coefficients: tools/gen-math-coefficients.py.
 */
export function erfcx(x: number): number {
  if (x >= SMALL) {
    if (x > ERFCX_HUGE) return INV_SQRT_PI_HI / x;
    erfcxSplit(x, 0);
    return scratch[ERFCX_HI] + scratch[ERFCX_LO];
  }
  if (x > -SMALL) {
    // e^(x^2) ((1 - x) - x R(x^2)), both factors as double-doubles
    const s = x * x;
    const d = 1 - x;
    const dl = sumError(1, -x, d) - x * horner(ERF_SMALL, s);
    const f = d + dl; // renormalised: dl is up to 0.07 d
    const fl = sumError(d, dl, f);
    expSplit(s, productError(x, x, s));
    const e = scratch[EXP_HI];
    const p = e * f;
    return scaleByPowerOfTwo(p + (productError(e, f, p) + (e * fl + scratch[EXP_LO] * f)), scratch[EXP_EXPONENT]);
  }
  if (x !== x) return x;
  if (x < ERFCX_OVERFLOW) return Infinity;
  // 2 e^(x^2) - erfcx(-x), worked in units of 2^(m + 1) so that e^(x^2) never overflows early
  const a = -x;
  erfcxSplit(a, 0);
  const f = scratch[ERFCX_HI];
  const fl = scratch[ERFCX_LO];
  const s = a * a;
  expSplit(s, productError(a, a, s));
  const e = scratch[EXP_HI];
  const m = scratch[EXP_EXPONENT] + 1;
  const fs = scaleByPowerOfTwo(f, -m);
  const d = e - fs;
  return scaleByPowerOfTwo(d + (sumError(e, -fs, d) + (scratch[EXP_LO] - scaleByPowerOfTwo(fl, -m))), m);
}

/**
 * normalCdf(x) = Phi(x) = erfc(-x/sqrt2)/2, the standard normal CDF, for all float64 x:
 * Phi(-Infinity) = 0, Phi(Infinity) = 1, NaN -> NaN; subnormal for x in about [-38.5, -37.5].
 * Max error 0.79 ULP (2^-1074 units in the subnormal range) over 1,000,924 points ([-39, 9], [-2, 2]
 * and the subnormal range [-38.6, -37.3] uniform, |x| log-uniform in [1e-30, 0.8], 16 floats either
 * side of every branch point), against mpmath (tools/check-math.py). Coefficients:
 * tools/gen-math-coefficients.py.
 */
export function normalCdf(x: number): number {
  const a = Math.abs(x);
  if (a < CDF_SMALL) {
    // Phi = 1/2 + w (1 + R(x^2/2)), w = x/(2 sqrt2) as a double-double
    const w = x * INV_2SQRT2_HI;
    const wl = productError(x, INV_2SQRT2_HI, w) + x * INV_2SQRT2_LO;
    const s = 0.5 + w;
    return s + (sumError(0.5, w, s) + (wl + w * horner(ERF_SMALL, 0.5 * (x * x))));
  }
  if (!(a < NORMAL_UNDERFLOW)) return x !== x ? x : x > 0 ? 1 : 0;
  const zh = a * INV_SQRT2_HI;
  const zl = productError(a, INV_SQRT2_HI, zh) + a * INV_SQRT2_LO;
  const sh = a * a;
  erfcSplit(zh, zl, 0.5 * sh, 0.5 * productError(a, a, sh));
  if (x < 0) return scaleByPowerOfTwo(scratch[TAIL_HI] + scratch[TAIL_LO], scratch[TAIL_EXPONENT] - 1);
  const th = scaleByPowerOfTwo(scratch[TAIL_HI], scratch[TAIL_EXPONENT]); // exact where erfc(z) matters (z < 6)
  const tl = scaleByPowerOfTwo(scratch[TAIL_LO], scratch[TAIL_EXPONENT]);
  const d = 2 - th;
  return 0.5 * (d + (sumError(2, -th, d) - tl));
}

/**
 * normalPdf(x) = e^(-x^2/2) / sqrt(2 pi), the standard normal density, for all float64 x:
 * normalPdf(+-Infinity) = 0, NaN -> NaN; subnormal for |x| in about [37.6, 38.6].
 * x^2/2 goes into exp as an exact double-double. Max error 0.75 ULP (2^-1074 units in the subnormal
 * range) over 1,000,924 points ([-39, 39], [-2, 2] and the subnormal ranges +-[37.3, 38.7] uniform,
 * |x| log-uniform in [1e-30, 1]), against mpmath (tools/check-math.py). Coefficients:
 * tools/gen-math-coefficients.py.
 */
export function normalPdf(x: number): number {
  const a = Math.abs(x);
  if (!(a < NORMAL_UNDERFLOW)) return x !== x ? x : 0;
  const sh = a * a;
  expSplit(-0.5 * sh, -0.5 * productError(a, a, sh));
  const e = scratch[EXP_HI];
  const p = e * INV_SQRT_2PI_HI;
  const lo = productError(e, INV_SQRT_2PI_HI, p) + (e * INV_SQRT_2PI_LO + scratch[EXP_LO] * INV_SQRT_2PI_HI);
  return scaleByPowerOfTwo(p + lo, scratch[EXP_EXPONENT]);
}
