import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, getActivation } from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';
import { seededRandom } from '../support/tolerance.js';
import { exactProduct, ulpError, type Dtype } from '../support/ulp.js';

/**
 * backwardFromOutput(y, dy) = dy * f'(y) for the rows whose derivative is written in their output.
 * Held to the exact value of the formula at the given y and dy (double-double here): sigmoid's
 * dy (1 - y) y within 2.5 ULP, tanh's dy (1 - y^2) within 1.5 ULP (see output_derivatives.h), on
 * every backend and instruction set.
 */
const BOUND: Record<string, number> = { sigmoid: 2.5, tanh: 1.5 };

/** a + b as hi + lo (TwoSum). */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bPart = s - a;
  return [s, (a - (s - bPart)) + (b - bPart)];
}

/** The exact dy * f'(y) as hi + lo (the intermediate to ~2^-100). */
function exact(name: string, y: number, dy: number): [number, number] {
  let a: [number, number];
  if (name === 'sigmoid') {
    const [s, sl] = twoSum(1, -y);
    const [p, pl] = exactProduct(s, y);
    a = [p, pl + sl * y];
  } else {
    const [q, ql] = exactProduct(y, y);
    const [s, sl] = twoSum(1, -q);
    a = twoSum(s, sl - ql);
  }
  const [h, l] = exactProduct(a[0], dy);
  return [h, l + a[1] * dy];
}

function inputs(name: string, dtype: Dtype) {
  const random = seededRandom(7);
  const n = 4099; // not a multiple of any vector width
  const x = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  const dy = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (random() * 2 - 1) * (i % 3 === 0 ? 40 : 6);
    dy[i] = (random() < 0.5 ? -1 : 1) * 10 ** (random() * 6 - 3);
  }
  const y = getActivation(name).forward(x);
  y[0] = 0;
  y[1] = name === 'sigmoid' ? 1 : -1;
  y[2] = 0.5;
  return { y, dy };
}

const rows = ACTIVATION_TABLE.filter((row) => row.derivativeFromOutput);

describe.each(testedBackends)('backwardFromOutput on the %s backend', (backend) => {
  it('covers the manifest rows with a derivative of their output', () => {
    expect(rows.map((row) => row.name).sort()).toEqual(Object.keys(BOUND).sort());
  });

  for (const row of rows) {
    for (const dtype of ['float32', 'float64'] as const) {
      it(`${row.name} ${dtype}: within ${BOUND[row.name]} ULP of dy * (${row.derivativeFromOutput})`, () => {
        const { y, dy } = inputs(row.name, dtype);
        const out = withBackend(backend, () => getActivation(row.name).backwardFromOutput(y, dy));
        let worst = 0;
        let where = -1;
        out.forEach((v, i) => {
          const [hi, lo] = exact(row.name, y[i], dy[i]);
          const e = ulpError(v, hi, lo, dtype);
          if (e > worst) [worst, where] = [e, i];
        });
        expect(worst, `worst at y=${y[where]}, dy=${dy[where]}`).toBeLessThanOrEqual(BOUND[row.name] + 1e-9);
        expect(worst).toBeGreaterThan(0); // the check measured real roundings
      });
    }

    it(`${row.name}: NaN in y or dy gives NaN; in place on dy; async gives the same`, async () => {
      const y = new Float32Array([NaN, 0.25, 0.5, 0.75, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 0.5, 0.25]);
      const dy = new Float32Array(y.length).fill(2);
      dy[1] = NaN;
      const act = getActivation(row.name);
      const out = withBackend(backend, () => act.backwardFromOutput(y, dy));
      expect(Number.isNaN(out[0]) && Number.isNaN(out[1])).toBe(true);
      const viaAsync = await withBackend(backend, () => act.backwardFromOutputAsync(y, dy));
      expect(Array.from(viaAsync)).toEqual(Array.from(out));
      const inPlace = dy.slice();
      withBackend(backend, () => act.backwardFromOutput(y, inPlace, inPlace));
      expect(Array.from(inPlace)).toEqual(Array.from(out));
    });
  }

  it('refuses an activation whose derivative is not a function of its output, and bad arrays, before writing', () => {
    const y = new Float32Array(4);
    withBackend(backend, () => {
      expect(() => getActivation('relu').backwardFromOutput(y, y)).toThrow(TypeError);
      expect(() => getActivation('relu').backwardFromOutput(y, y)).toThrow(/use backward\(x, dy\).*sigmoid, tanh/);
      expect(() => getActivation('sigmoid').backwardFromOutput(y, new Float32Array(3))).toThrow(RangeError);
      expect(() => getActivation('sigmoid').backwardFromOutput(y, new Float64Array(4) as unknown as Float32Array)).toThrow(/dy must be a Float32Array/);
    });
  });
});
