import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, getActivation } from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';

/** PyTorch's derivative values at kinks (issue: foundation). */
const KINKS: Array<[string, Record<string, number>, number, number]> = [
  ['relu', {}, 0, 0],
  ['leakyRelu', { alpha: 0.01 }, 0, 0.01],
  ['leakyRelu', { alpha: 0.2 }, 0, 0.2],
  ['elu', { alpha: 1 }, 0, 1],
  ['elu', { alpha: 0.5 }, 0, 0.5],
  ['relu6', {}, 0, 0],
  ['relu6', {}, 6, 0],
  ['hardTanh', {}, -1, 0],
  ['hardTanh', {}, 1, 0],
  ['hardTanh', { min: -2, max: 0.5 }, 0.5, 0],
  ['hardSigmoid', {}, -3, 0],
  ['hardSigmoid', {}, 3, 0],
  ['hardSwish', {}, -3, -0.5],
  ['hardSwish', {}, 3, 1.5],
];

/** Limits the issue names explicitly, on top of each row's `limits`. */
const NAMED_LIMITS: Array<[string, number, number]> = [
  ['gelu', -Infinity, 0],
  ['softsign', Infinity, 1],
  ['hardSwish', -Infinity, 0],
  ['elu', -Infinity, -1],
];

const repeat = <T>(pattern: readonly T[], times: number): T[] => Array.from({ length: times }, () => pattern).flat();

describe.each(testedBackends)('conventions on the %s backend', (backend) => {
  for (const dtype of [Float32Array, Float64Array]) {
    describe(dtype.name, () => {
      it.each(KINKS)("gives %s %j the derivative PyTorch gives at its kink x=%d", (name, params, x, expected) => {
        const d = withBackend(backend, () => getActivation(name, params).derivative(new dtype([x])));
        expect(d[0]).toBe(new dtype([expected])[0]);
      });

      for (const row of ACTIVATION_TABLE) {
        for (const params of row.test.paramSets) {
          const act = getActivation(row.name, params);
          // Long enough (23 repeats) for every vector width and a tail, so vector kernels are covered too.
          it(`propagates NaN through ${row.name} ${JSON.stringify(params)} forward, derivative and backward`, () => {
            const x = new dtype(repeat([NaN, 1, NaN], 23));
            const dy = new dtype(repeat([1, NaN, 1], 23));
            withBackend(backend, () => {
              expect([...act.forward(x)].map(Number.isNaN)).toEqual(repeat([true, false, true], 23));
              expect([...act.derivative(x)].map(Number.isNaN)).toEqual(repeat([true, false, true], 23));
              expect([...act.backward(x, dy)].every(Number.isNaN)).toBe(true);
            });
          });
          it(`gives ${row.name} ${JSON.stringify(params)} its limits at -Infinity and +Infinity`, () => {
            const x = new dtype(repeat([-Infinity, Infinity], 23));
            const { forward, derivative } = row.limits(act.params);
            const [f, d] = withBackend(backend, () => [act.forward(x), act.derivative(x)]);
            // +0 and -0 both count as the limit 0 (logSigmoid(Infinity) is -0, as in PyTorch)
            const values = (a: ArrayLike<number>) => Array.from(a, (v) => (v === 0 ? 0 : v));
            expect(values(f)).toEqual(values(new dtype(repeat(forward, 23))));
            expect(values(d)).toEqual(values(new dtype(repeat(derivative, 23))));
          });
        }
      }

      it.each(NAMED_LIMITS)('gives %s(%d) = %d', (name, x, expected) => {
        // -0 counts as 0: gelu(-Infinity) is the limit from below
        expect(withBackend(backend, () => getActivation(name).forward(new dtype([x])))[0] + 0).toBe(expected);
      });

      it('keeps named tails finite and right: gelu(-9), softplus(1e4), sigmoid(-100)', () => {
        withBackend(backend, () => {
          expect(getActivation('softplus').forward(new dtype([1e4]))[0]).toBe(1e4);
          const g = getActivation('gelu').forward(new dtype([-9]))[0];
          expect(g).toBeLessThan(0);
          expect(g / -1.01572956535845658e-18).toBeCloseTo(1, 6);
          const s = getActivation('sigmoid').forward(new dtype([-100]))[0];
          expect(s / 3.720075976020836e-44).toBeCloseTo(1, dtype === Float32Array ? 1 : 12);
        });
      });

      it('computes in place when out is x', () => {
        const x = new dtype([-2, -0.5, 0, 0.5, 2]);
        const expected = withBackend(backend, () => getActivation('gelu').forward(x));
        const same = withBackend(backend, () => getActivation('gelu').forward(x, x));
        expect(same).toBe(x);
        expect([...x]).toEqual([...expected]);
      });
    });
  }
});
