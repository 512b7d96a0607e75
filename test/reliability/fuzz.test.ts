import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, getActivation, logSoftmax, softmax, type ActivationSpec } from '../../src/index.js';
import { getBackendImpl } from '../../src/backend/select.js';
import { jsOnly, withBackend } from '../support/backends.js';
import { fuzzRuns } from '../support/fuzz.js';
import { withinContract } from '../support/tolerance.js';

/**
 * Property-based fuzzing (fast-check): native against js on random activations, legal params,
 * dtypes, lengths, offsets, in-place or not, SharedArrayBuffer or not; illegal calls throw without
 * writing; GEMM on random shapes. Counts and seed: test/support/fuzz.ts.
 */
const runs = (n: number) => fuzzRuns(n, 20261202);

/** Legal params for a row: its test sets, or random values inside each param's bounds. */
function paramsFor(spec: ActivationSpec): fc.Arbitrary<Record<string, number>> {
  if (spec.params.length === 0) return fc.constant({});
  const random = fc.record(Object.fromEntries(spec.params.map((p) => {
    const lo = p.min === undefined ? -20 : p.min + (p.minExclusive ? 0.05 : 0);
    const moderate = fc.double({ min: Math.max(lo, -20), max: p.max ?? 20, noNaN: true });
    const extreme = fc.constantFrom(1e-6, 1e-3, 1e3, 1e6, -1e6, -1e-3).filter((v) => v >= lo && v <= (p.max ?? Infinity));
    return [p.name, fc.oneof({ arbitrary: moderate, weight: 4 }, { arbitrary: extreme, weight: 1 })];
  })));
  const valid = random.filter((params) => {
    try {
      getActivation(spec.name, params);
      return true;
    } catch {
      return false;
    }
  });
  return fc.oneof(fc.constantFrom(...spec.test.paramSets.map((p) => ({ ...p }))), valid);
}

const lengths = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(65535, 65536, 65537, (1 << 20) + 5));
const values = fc.double({ noNaN: false, min: -120, max: 120 });

function makeArray(dtype: 'float32' | 'float64', length: number, offset: number, shared: boolean, fill: (i: number) => number) {
  const Ctor = dtype === 'float32' ? Float32Array : Float64Array;
  const bytes = (length + offset) * Ctor.BYTES_PER_ELEMENT;
  const buffer = (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes)) as ArrayBuffer; // the API takes both
  const array = new Ctor(buffer, offset * Ctor.BYTES_PER_ELEMENT, length);
  for (let i = 0; i < length; i++) array[i] = fill(i);
  return array;
}

describe.skipIf(jsOnly)('fuzz: native agrees with js', () => {
  it('every activation, kind, dtype, length, offset, in place or not, shared or not', () => {
    const rows = ACTIVATION_TABLE.map((spec) => fc.tuple(fc.constant(spec), paramsFor(spec)));
    fc.assert(
      fc.property(
        fc.oneof(...rows), fc.constantFrom('forward', 'derivative', 'backward'), fc.constantFrom('float32', 'float64'),
        lengths, fc.integer({ min: 0, max: 7 }), fc.boolean(), fc.boolean(), fc.array(values, { minLength: 1, maxLength: 64 }),
        ([spec, params], kind, dtype, length, offset, inPlace, shared, pool) => {
          const act = getActivation(spec.name, params);
          const x = makeArray(dtype, length, offset, shared, (i) => pool[(i * 7919) % pool.length]);
          const dy = makeArray(dtype, length, 0, false, (i) => Math.tanh(pool[(i * 31) % pool.length] || 0.5));
          const reference = withBackend('js', () => (kind === 'backward' ? act.backward(x, dy) : act[kind](x)));
          const input = inPlace ? x : x.slice();
          const result = withBackend('native', () => (kind === 'backward' ? act.backward(input, dy, inPlace ? input : undefined) : act[kind](input, inPlace ? input : undefined)));
          const ulps = kind === 'forward' ? spec.test.forwardUlp : spec.test.derivativeUlp;
          for (let i = 0; i < length; i++) {
            const a = result[i];
            const b = reference[i];
            if (Object.is(a, b) || a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
            const ok = Number.isFinite(a) && Number.isFinite(b) && withinContract({
              computed: a, hi: b, lo: 0, x: x[i], dtype, ulps,
              derivativeScale: kind === 'forward' ? undefined : kind === 'backward' ? Math.abs(dy[i]) : 1,
            });
            if (!ok) throw new Error(`${spec.name} ${JSON.stringify(params)} ${kind} ${dtype} x=${x[i]}: native ${a}, js ${b}`);
          }
        },
      ),
      runs(300),
    );
  });

  it('softmax and logSoftmax on random shapes and values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 300 }), fc.constantFrom('float32', 'float64'), fc.array(values, { minLength: 1, maxLength: 50 }), (rows, cols, dtype, pool) => {
        const x = makeArray(dtype, rows * cols, 0, false, (i) => pool[(i * 13) % pool.length]);
        for (const f of [softmax, logSoftmax]) {
          const native = withBackend('native', () => f(x, cols));
          const js = withBackend('js', () => f(x, cols));
          native.forEach((v, i) => {
            const w = js[i];
            const bad = !(Object.is(v, w) || (Number.isNaN(v) && Number.isNaN(w)) || Math.abs(v - w) <= 8 * (dtype === 'float32' ? 2 ** -23 : 2 ** -52) * Math.max(Math.abs(w), 1e-30));
            if (bad && !(Math.abs(w) < 1e-30 && Math.abs(v) < 1e-30)) throw new Error(`${f.name} ${dtype} [${rows}, ${cols}] at ${i}: native ${v}, js ${w}`);
          });
        }
      }),
      runs(100),
    );
  });

  it('GEMM on random shapes (1 and odd sizes), transposes, alpha, beta, epilogues', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 300 }),
        fc.boolean(), fc.boolean(), fc.constantFrom(1, -0.5, 2), fc.constantFrom(0, 1, -1.5), fc.boolean(), fc.constantFrom(null, 'relu', 'tanh', 'sigmoid'),
        (m, n, k, transA, transB, alpha, beta, useBias, activation) => {
          const a = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i * 1.3));
          const b = Float32Array.from({ length: k * n }, (_, i) => Math.cos(i * 0.7));
          const c0 = Float32Array.from({ length: m * n }, (_, i) => Math.sin(i));
          const bias = useBias ? Float32Array.from({ length: n }, (_, i) => i / n) : null;
          const shape = { m, n, k, transA, transB, alpha, beta };
          const run = (backend: 'native' | 'js') => withBackend(backend, () => {
            const c = c0.slice();
            const pre = activation ? new Float32Array(m * n) : null;
            getBackendImpl().gemm(shape, a, b, c, { bias, activation, params: [0, 0], preActivation: pre });
            return { c, pre };
          });
          const native = run('native');
          const js = run('js');
          // both round a sum of k products in float32 differently: (k + 4) ulp of the absolute sum
          const bound = (k + 4) * 2 ** -23 * (Math.abs(alpha) * k + Math.abs(beta) + 1) + 1e-6;
          native.c.forEach((v, i) => {
            if (!(Math.abs(v - js.c[i]) <= bound)) throw new Error(`gemm ${JSON.stringify(shape)} ${activation} c[${i}]: native ${v}, js ${js.c[i]}`);
          });
        },
      ),
      runs(150),
    );
  });
});

describe('fuzz: illegal calls throw the documented error and write nothing', () => {
  it('wrong lengths, mixed dtypes, partial overlaps, non-arrays, bad params', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIVATION_TABLE.map((s) => s.name)), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 4 }), (name, length, mistake) => {
        const act = getActivation(name);
        const x = Float32Array.from({ length }, (_, i) => i - length / 2);
        const out = new Float32Array(length + 1).fill(7);
        const before = out.slice();
        const calls: Array<[() => unknown, ErrorConstructor]> = [
          [() => act.forward(x, out), RangeError], // out one longer
          [() => act.forward(x, new Float64Array(length) as unknown as Float32Array), TypeError], // dtype mismatch
          [() => act.forward(x, x.subarray(1) as Float32Array), RangeError], // length mismatch (and overlap)
          [() => act.forward(Array.from(x) as unknown as Float32Array), TypeError],
          [() => act.backward(x, out.subarray(0, length - 1 >= 0 ? Math.max(0, length - 1) : 0)), RangeError],
        ];
        const [call, type] = calls[mistake];
        expect(call).toThrow(type);
        expect(Buffer.compare(Buffer.from(out.buffer), Buffer.from(before.buffer))).toBe(0);
      }),
      runs(200),
    );
    expect(() => getActivation('elu', { alpha: Number.NaN })).toThrow(RangeError);
    expect(() => getActivation('softplus', { beta: 0 })).toThrow(RangeError);
    expect(() => getActivation('hardTanh', { min: 1, max: 1 })).toThrow(RangeError);
  });
});
