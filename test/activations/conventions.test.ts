import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, getActivation } from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';

/** PyTorch's derivative values at kinks, as each manifest row declares them (kinkDerivatives). */
const KINKS: Array<[string, Record<string, number>, number, number]> = ACTIVATION_TABLE.flatMap((row) =>
  row.test.paramSets.flatMap((params) => {
    const p = getActivation(row.name, params).params;
    return (row.kinkDerivatives?.(p) ?? []).map(([x, d]) => [row.name, { ...params }, x, d] as [string, Record<string, number>, number, number]);
  }),
);

/** Limits the issue names explicitly, on top of each row's `limits`. */
const NAMED_LIMITS: Array<[string, number, number]> = [
  ['gelu', -Infinity, 0],
  ['softsign', Infinity, 1],
  ['hardSwish', -Infinity, 0],
  ['elu', -Infinity, -1],
];

const repeat = <T>(pattern: readonly T[], times: number): T[] => Array.from({ length: times }, () => pattern).flat();

describe('the kink conventions the manifest declares', () => {
  it("include PyTorch's at the familiar kinks", () => {
    const has = (name: string, params: Record<string, number>, x: number, d: number) =>
      KINKS.some(([n, p, kx, kd]) => n === name && JSON.stringify(p) === JSON.stringify(params) && kx === x && kd === d);
    expect(has('relu', {}, 0, 0)).toBe(true);
    expect(has('leakyRelu', { alpha: 0.2 }, 0, 0.2)).toBe(true);
    expect(has('hardSwish', {}, -3, -0.5)).toBe(true);
    expect(has('hardSwish', {}, 3, 1.5)).toBe(true);
    expect(has('hardTanh', { min: -2, max: 0.5 }, 0.5, 0)).toBe(true);
    expect(has('softShrink', { lambd: 0.5 }, 0.5, 0)).toBe(true);
    expect(has('hardShrink', { lambd: 0.1 }, -0.1, 0)).toBe(true);
  });

  it('cover every row that is not smooth', () => {
    for (const row of ACTIVATION_TABLE) {
      const defaults = getActivation(row.name).params;
      if (!row.properties(defaults).smooth) {
        expect(row.kinkDerivatives, `${row.name} declares no kink derivatives`).toBeDefined();
      }
    }
  });
});

describe.each(testedBackends)('conventions on the %s backend', (backend) => {
  for (const dtype of [Float32Array, Float64Array]) {
    describe(dtype.name, () => {
      // a kink that the dtype cannot represent (lambd = 0.1 in float32) has no input to test at
      const kinks = KINKS.filter(([, , x]) => new dtype([x])[0] === x);
      it.each(kinks)("gives %s %j the derivative PyTorch gives at its kink x=%d", (name, params, x, expected) => {
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
