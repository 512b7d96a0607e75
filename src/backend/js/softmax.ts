/**
 * Row-wise softmax family in float64 arithmetic.
 *
 * Each row subtracts its max m. x - m is carried as a double-double, since exp turns its rounding
 * error into |x - m| ULPs. The row sum leaves out one arg-max entry (whose exp is exactly 1) and is
 * compensated (Neumaier), so logSoftmax of a dominant entry is -log1p(sum of the others) and does
 * not cancel. `out` may be `x`: each pass reads an element before it writes the same index.
 */
import type { FloatArray } from '../contract.js';
import { sumError } from './math/dd.js';

/** The rounding error of s = a - m; 0 where s is not finite (a -Infinity entry). */
function lowPart(a: number, m: number, s: number): number {
  return Number.isFinite(s) ? sumError(a, -m, s) : 0;
}

/** Neumaier-compensated sum of exp(x[j] - m) over the row, leaving out index `skip`. */
function sumOfOthers(x: FloatArray, start: number, cols: number, m: number, skip: number, out: FloatArray | null): number {
  let sum = 0;
  let comp = 0;
  for (let j = start; j < start + cols; j++) {
    const s = x[j] - m;
    const e = Math.exp(s) * (1 + lowPart(x[j], m, s));
    if (out !== null) out[j] = e;
    if (j === skip) continue;
    const t = sum + e;
    comp += Math.abs(sum) >= Math.abs(e) ? sum - t + e : e - t + sum;
    sum = t;
  }
  return sum + comp;
}

function argMax(x: FloatArray, start: number, cols: number): number {
  let k = start;
  for (let j = start + 1; j < start + cols; j++) {
    if (x[j] > x[k] || x[j] !== x[j]) k = j; // a NaN wins, so the row becomes NaN
  }
  return k;
}

export function softmax(x: FloatArray, cols: number, out: FloatArray): void {
  for (let start = 0; start < x.length; start += cols) {
    const k = argMax(x, start, cols);
    const m = x[k];
    // Exact exps are stored first; they are re-read below, so a float32 out rounds them twice
    // (<= 1 ULP extra), which the float32 bound absorbs. float64 stores them exactly.
    const total = 1 + sumOfOthers(x, start, cols, m, k, out);
    for (let j = start; j < start + cols; j++) out[j] = out[j] / total;
  }
}

export function logSoftmax(x: FloatArray, cols: number, out: FloatArray): void {
  for (let start = 0; start < x.length; start += cols) {
    const k = argMax(x, start, cols);
    const m = x[k];
    const logTotal = Math.log1p(sumOfOthers(x, start, cols, m, k, null));
    for (let j = start; j < start + cols; j++) {
      const s = x[j] - m;
      out[j] = s - logTotal + lowPart(x[j], m, s);
    }
  }
}

export function softmaxBackward(y: FloatArray, dy: FloatArray, cols: number, out: FloatArray): void {
  for (let start = 0; start < y.length; start += cols) {
    let dot = 0;
    let comp = 0;
    for (let j = start; j < start + cols; j++) {
      const p = y[j] * dy[j];
      const t = dot + p;
      comp += Math.abs(dot) >= Math.abs(p) ? dot - t + p : p - t + dot;
      dot = t;
    }
    dot += comp;
    for (let j = start; j < start + cols; j++) out[j] = y[j] * (dy[j] - dot);
  }
}
