import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, getActivation, type Params } from '../../src/index.js';
import { jsOnly, withBackend } from '../support/backends.js';
import { withinContract } from '../support/tolerance.js';

/**
 * The float32-lane kernels hand a whole vector to the double-lane form when any lane leaves their
 * domain (|x|, |beta x| or |x / alpha| beyond 40 or 80, NaN, infinities). These inputs sit on both
 * sides of those edges and of float32's normal and subnormal limits for exp (87.3, 103.9), mixed
 * with ordinary values in the same vectors, in every position of a 16-lane vector. One-parameter
 * rows run again with the parameter far below and above 1 and the edges scaled by it both ways
 * (fuzzing found celu with alpha = 0.05 giving NaN near x = -4.4: its domain used 80 / alpha).
 */
const EDGES = [40, 47, 47.05, 79.99, 80, 80.01, 87.3, 88.7, 89, 103.9, 104, 160, 266.6, 267];
const ORDINARY = [0.25, -1.5, 3, -7];
const PARAM_SCALES = [0.05, 20];

function inputs(scale = 1): Float32Array {
  const edges = scale === 1 ? EDGES : [...EDGES, ...EDGES.map((e) => e * scale), ...EDGES.map((e) => e / scale)];
  const values: number[] = [];
  for (const e of edges) {
    for (const sign of [1, -1]) {
      for (let position = 0; position < 16; position++) {
        for (let lane = 0; lane < 16; lane++) values.push(lane === position ? sign * e : ORDINARY[lane % 4]);
      }
    }
  }
  for (const e of edges) values.push(e, -e, Math.fround(e * (1 + 2 ** -20)), -Math.fround(e * (1 - 2 ** -20)));
  return Float32Array.from(values);
}

/** The table's parameter sets, then, for one-parameter rows, that parameter at each PARAM_SCALES. */
function cases(row: (typeof ACTIVATION_TABLE)[number]): { params: Params; scale: number }[] {
  const listed = row.test.paramSets.map((params) => ({ params, scale: 1 }));
  if (row.params.length !== 1) return listed;
  const [spec] = row.params;
  const legal = (v: number) => (spec.min === undefined || v > spec.min || (v === spec.min && !spec.minExclusive)) && (spec.max === undefined || v <= spec.max);
  return [...listed, ...PARAM_SCALES.filter(legal).map((scale) => ({ params: { [spec.name]: scale }, scale }))];
}

describe.skipIf(jsOnly)('float32 kernels at the edges of their fast domain', () => {
  for (const row of ACTIVATION_TABLE) {
    for (const { params, scale } of cases(row)) {
      it(`${row.name} ${JSON.stringify(params)}`, () => {
        const x = inputs(scale);
        const dy = Float32Array.from(x, (_, i) => 0.5 + (i % 7) / 8);
        const act = getActivation(row.name, params);
        const bad: string[] = [];
        for (const kind of ['forward', 'derivative', 'backward'] as const) {
          const run = () => (kind === 'backward' ? act.backward(x, dy) : act[kind](x));
          const native = withBackend('native', run);
          const exact = withBackend('js', () =>
            kind === 'backward' ? act.backward(Float64Array.from(x), Float64Array.from(dy)) : act[kind](Float64Array.from(x)));
          const ulps = kind === 'forward' ? row.test.forwardUlp : row.test.derivativeUlp;
          for (let i = 0; i < x.length; i++) {
            const want = exact[i];
            const rounded = Math.fround(want);
            const ok = Object.is(native[i], rounded) || native[i] === rounded ||
              (Number.isFinite(native[i]) && Number.isFinite(rounded) && withinContract({
                computed: native[i], hi: want, lo: 0, x: x[i], dtype: 'float32', ulps,
                derivativeScale: kind === 'forward' ? undefined : kind === 'backward' ? Math.abs(dy[i]) : 1,
              }));
            if (!ok && bad.length < 5) bad.push(`${kind} x=${x[i]}: native ${native[i]}, exact ${want}`);
          }
        }
        expect(bad).toEqual([]);
      });
    }
  }
});
