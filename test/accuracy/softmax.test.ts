import { describe, expect, it } from 'vitest';
import { logSoftmax, softmax, softmaxBackward } from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';
import { readFixture, typedArray, type SoftmaxCase } from '../support/fixtures.js';
import { absError, ulpError } from '../support/ulp.js';

/**
 * softmax and logSoftmax within 4 ULP wherever softmax >= 1e-30 (issue: foundation); smaller
 * probabilities within 2^-20 of 1e-30 absolutely. softmaxBackward's y * (dy - sum(y dy)) cancels
 * by nature, so it is held to 8 eps of the magnitudes it is built from.
 */
const cases = readFixture<{ cases: SoftmaxCase[] }>('softmax.json').cases;
const SMALL = 1e-30;

describe.each(testedBackends)('softmax family against mpmath on the %s backend', (backend) => {
  for (const c of cases) {
    const label = `${c.dtype} cols ${c.cols}${c.note ? ` (${c.note})` : ''}`;
    const x = typedArray(c.dtype, c.x);

    it(`keeps softmax within 4 ULP: ${label}`, () => {
      const y = withBackend(backend, () => softmax(x, c.cols));
      const bad: string[] = [];
      y.forEach((v, i) => {
        const { hi, lo } = { hi: c.softmax.hi[i], lo: c.softmax.lo[i] };
        const ok = hi >= SMALL ? ulpError(v, hi, lo, c.dtype) <= 4 : absError(v, hi, lo) <= SMALL * 2 ** -20;
        if (!ok && bad.length < 5) bad.push(`[${i}] x=${x[i]}: got ${v}, exact ${hi}`);
      });
      expect(bad).toEqual([]);
    });

    it(`keeps logSoftmax within 4 ULP, dominant entries included: ${label}`, () => {
      const y = withBackend(backend, () => logSoftmax(x, c.cols));
      const bad: string[] = [];
      y.forEach((v, i) => {
        if (c.softmax.hi[i] < SMALL && Number.isFinite(c.logSoftmax.hi[i])) return;
        if (ulpError(v, c.logSoftmax.hi[i], c.logSoftmax.lo[i], c.dtype) > 4 && bad.length < 5) {
          bad.push(`[${i}] x=${x[i]}: got ${v}, exact ${c.logSoftmax.hi[i]}`);
        }
      });
      expect(bad).toEqual([]);
    });

    it(`keeps softmaxBackward within 8 eps of its terms: ${label}`, () => {
      // the fixture's backward is built from y rounded to the dtype: use the same y
      const yRef = typedArray(c.dtype, c.softmax.hi);
      const dy = typedArray(c.dtype, c.dy);
      const dx = withBackend(backend, () => softmaxBackward(yRef, dy, c.cols));
      const eps = c.dtype === 'float32' ? 2 ** -24 : 2 ** -53;
      const tiniest = c.dtype === 'float32' ? 2 ** -149 : 2 ** -1074; // a subnormal output rounds to this spacing
      const bad: string[] = [];
      for (let r = 0; r < x.length; r += c.cols) {
        let scale = 0;
        for (let j = r; j < r + c.cols; j++) scale += Math.abs(yRef[j] * dy[j]);
        for (let j = r; j < r + c.cols; j++) {
          const bound = 8 * eps * Math.abs(yRef[j]) * (Math.abs(dy[j]) + scale) + tiniest;
          const err = absError(dx[j], c.backward.hi[j], c.backward.lo[j]);
          if (!(err <= bound) && bad.length < 5) bad.push(`[${j}] got ${dx[j]}, exact ${c.backward.hi[j]}`);
        }
      }
      expect(dx.length).toBe(x.length);
      expect(bad).toEqual([]);
    });
  }
});
