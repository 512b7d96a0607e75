/**
 * Error measures for the accuracy and parity tests. An exact value is given as hi + lo (two
 * doubles, ~106 bits), so float64 results can be measured to a fraction of an ULP.
 */
export type Dtype = 'float32' | 'float64';

const view = new DataView(new ArrayBuffer(8));

/** floor(log2(|v|)) for a finite non-zero double, read from its bits. */
function binade(v: number): number {
  view.setFloat64(0, v);
  const biased = (view.getUint16(0) >> 4) & 0x7ff;
  if (biased !== 0) return biased - 1023;
  return Math.floor(Math.log2(Math.abs(v))); // subnormal double: only reached for float64 ulps
}

/** The spacing of dtype values around the real number v (subnormal spacing near 0). */
export function ulpOf(v: number, dtype: Dtype): number {
  const [mant, minExp] = dtype === 'float32' ? [23, -149] : [52, -1074];
  if (v === 0) return 2 ** minExp;
  return 2 ** Math.max(binade(v) - mant, minExp);
}

/** |computed - (hi + lo)| without losing the low part. */
export function absError(computed: number, hi: number, lo: number): number {
  return Math.abs(computed - hi - lo);
}

/** Error in ULPs of the dtype; Infinity for a wrong NaN, infinity or overflow. */
export function ulpError(computed: number, hi: number, lo: number, dtype: Dtype): number {
  const rounded = dtype === 'float32' ? Math.fround(hi) : hi;
  if (!Number.isFinite(rounded) || Number.isNaN(computed)) {
    return Object.is(computed, rounded) || computed === rounded ? 0 : Infinity;
  }
  if (!Number.isFinite(computed)) return Infinity;
  return absError(computed, hi, lo) / ulpOf(hi, dtype);
}

/** Exact product a*b as hi + lo (Veltkamp split; independent of the library's own helpers). */
export function exactProduct(a: number, b: number): [number, number] {
  const p = a * b;
  if (!Number.isFinite(p) || p === 0) return [p, 0];
  const split = (v: number): [number, number] => {
    const c = 134217729 * v;
    const h = c - (c - v);
    return [h, v - h];
  };
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}
