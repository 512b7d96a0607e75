import { absError, ulpError, type Dtype } from './ulp.js';

/**
 * The accuracy contract (issue: foundation):
 * - within `ulps` of the exact value (4 for forward, 8 for derivative and backward);
 * - float64 beyond |x| > 4: relative error <= 2^-40 also passes;
 * - derivatives where |f'| < 2^-20: an absolute error <= 2^-44 (times |dy| for backward) also passes.
 */
export interface Check {
  computed: number;
  hi: number;
  lo: number;
  x: number;
  dtype: Dtype;
  ulps: number;
  /** For derivative/backward: the scale of the small-derivative absolute rule (|dy|, or 1). */
  derivativeScale?: number;
}

export function withinContract(c: Check): boolean {
  const err = ulpError(c.computed, c.hi, c.lo, c.dtype);
  if (err <= c.ulps) return true;
  if (!Number.isFinite(err)) return false;
  const abs = absError(c.computed, c.hi, c.lo);
  if (c.dtype === 'float64' && Math.abs(c.x) > 4 && abs <= 2 ** -40 * Math.abs(c.hi)) return true;
  if (c.derivativeScale !== undefined) {
    const scale = c.derivativeScale;
    if (Math.abs(c.hi) < 2 ** -20 * scale && abs <= 2 ** -44 * scale) return true;
  }
  return false;
}

/** Deterministic pseudo-random numbers for test data (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
