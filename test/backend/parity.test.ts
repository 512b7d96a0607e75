import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, getActivation, logSoftmax, softmax, softmaxBackward, type Activation } from '../../src/index.js';
import { jsOnly, withBackend } from '../support/backends.js';
import { seededRandom, withinContract } from '../support/tolerance.js';
import type { Dtype } from '../support/ulp.js';

/**
 * The native kernels against the TypeScript reference, on edge values and random data at lengths
 * that cross every vector width and tail, and on subarray views at odd element offsets.
 */
// The large length splits a call across threads. Under emulation (.ci/arm64 sets
// ACTFN_TEST_EMULATED=1) it is 2^16 + 3, still past every grain that splits a call across threads, so
// the lane stays within minutes.
const LARGE = process.env.ACTFN_TEST_EMULATED === '1' ? 2 ** 16 + 3 : 2 ** 20 + 3;
const LENGTHS = [0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1000, LARGE];
const EDGES = [
  NaN, Infinity, -Infinity, 0, -0, 1, -1, 3, -3, 6, -6, 0.5, -0.5, 2, -2, 1e-30, -1e-30, 1e-300, -1e-300,
  20, -20, 40, -40, 100, -100, 700, -700, 750, -750, 1e4, -1e4, 1e30, -1e30, 3e38, -3e38, 1e300, -1e300,
  -0.7517915246935645, -1.2784645427610737, -1.1924312145154952, -0.7524614220710163,
];
const DTYPES: Array<[Dtype, Float32ArrayConstructor | Float64ArrayConstructor]> = [
  ['float32', Float32Array],
  ['float64', Float64Array],
];

function data(ctor: Float32ArrayConstructor | Float64ArrayConstructor, length: number, seed: number) {
  const random = seededRandom(seed);
  const x = new ctor(length);
  for (let i = 0; i < length; i++) {
    x[i] = i < EDGES.length && length < LARGE ? EDGES[i] : (random() - 0.5) * (random() < 0.2 ? 200 : 16);
  }
  return x;
}

function mismatches(dtype: Dtype, x: ArrayLike<number>, native: ArrayLike<number>, js: ArrayLike<number>, ulps: number, derivative: boolean) {
  const bad: string[] = [];
  for (let i = 0; i < native.length; i++) {
    const a = native[i];
    const b = js[i];
    const same = Object.is(a, b) || a === b || (Number.isNaN(a) && Number.isNaN(b));
    if (same) continue;
    const ok = Number.isFinite(a) && Number.isFinite(b) &&
      withinContract({ computed: a, hi: b, lo: 0, x: x[i], dtype, ulps, derivativeScale: derivative ? 1 : undefined });
    if (!ok && bad.length < 5) bad.push(`x=${x[i]}: native ${a}, js ${b}`);
  }
  return bad;
}

type Kind = 'forward' | 'derivative' | 'backward';
function run(act: Activation, kind: Kind, x: Float32Array | Float64Array, dy: Float32Array | Float64Array, out?: Float32Array | Float64Array) {
  return kind === 'backward' ? act.backward(x, dy, out) : act[kind](x, out);
}

describe.skipIf(jsOnly)('native and js backends agree', () => {
  for (const row of ACTIVATION_TABLE) {
    for (const params of row.test.paramSets) {
      const act = getActivation(row.name, params);
      for (const [dtype, ctor] of DTYPES) {
        for (const kind of ['forward', 'derivative', 'backward'] as const) {
          const ulps = kind === 'forward' ? row.test.forwardUlp : row.test.derivativeUlp;
          it(`${row.name} ${JSON.stringify(params)} ${kind} ${dtype} at every length`, () => {
            for (const length of LENGTHS) {
              const x = data(ctor, length, length + 1);
              const dy = data(ctor, length, length + 2).map((v) => (Number.isFinite(v) ? Math.tanh(v) : v));
              const native = withBackend('native', () => run(act, kind, x, dy));
              const js = withBackend('js', () => run(act, kind, x, dy));
              expect(native.length).toBe(length);
              expect(mismatches(dtype, x, native, js, ulps, kind !== 'forward'), `length ${length}`).toEqual([]);
            }
          });
        }
        it(`${row.name} ${JSON.stringify(params)} ${dtype} gives the same on subarray views at odd offsets as on copies`, () => {
          const buffer = data(ctor, 300, 7);
          const dyBuffer = data(ctor, 300, 8).map((v) => (Number.isFinite(v) ? Math.tanh(v) : v));
          for (const [offset, length] of [[1, 17], [3, 64], [5, 65], [7, 200]]) {
            const inputBefore = buffer.slice(); // copies: the calls must leave x and dy untouched
            const dyBefore = dyBuffer.slice();
            const view = buffer.subarray(offset, offset + length);
            const dyView = dyBuffer.subarray(offset + 2, offset + 2 + length);
            const outBacking = new ctor(length + 9);
            const outView = outBacking.subarray(9 - (offset % 4), 9 - (offset % 4) + length);
            for (const backend of ['native', 'js'] as const) {
              for (const kind of ['forward', 'derivative', 'backward'] as const) {
                const copy = withBackend(backend, () => run(act, kind, view.slice(), dyView.slice()));
                const viaView = withBackend(backend, () => run(act, kind, view, dyView, outView));
                expect(viaView).toBe(outView);
                expect(Array.from(outView), `${backend} ${kind} offset ${offset}`).toEqual(Array.from(copy));
              }
            }
            expect(Array.from(buffer), 'x after the calls').toEqual(Array.from(inputBefore));
            expect(Array.from(dyBuffer), 'dy after the calls').toEqual(Array.from(dyBefore));
          }
        });
      }
    }
  }

  for (const [dtype, ctor] of DTYPES) {
    it(`softmax, logSoftmax and softmaxBackward agree (${dtype})`, () => {
      for (const cols of [1, 2, 3, 7, 8, 16, 17, 33, 100, 1000]) {
        const rows = 5;
        const random = seededRandom(cols);
        const x = new ctor(rows * cols).map(() => (random() - 0.5) * 40);
        x[0] = -Infinity;
        if (cols > 1) x[cols + 1] = 1e30;
        const dy = new ctor(rows * cols).map(() => random() - 0.5);
        for (const [name, fn] of [['softmax', softmax], ['logSoftmax', logSoftmax]] as const) {
          const native = withBackend('native', () => fn(x, cols));
          const js = withBackend('js', () => fn(x, cols));
          expect(mismatches(dtype, x, native, js, 4, false), `${name} cols ${cols}`).toEqual([]);
        }
        const y = withBackend('js', () => softmax(x, cols));
        const native = withBackend('native', () => softmaxBackward(y, dy, cols));
        const js = withBackend('js', () => softmaxBackward(y, dy, cols));
        expect(mismatches(dtype, x, native, js, 4, true), `softmaxBackward cols ${cols}`).toEqual([]);
      }
    });
  }
});
