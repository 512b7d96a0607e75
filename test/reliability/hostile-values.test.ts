import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_TABLE, activation, batchNormalization, dense, dropout, getActivation, logSoftmax, prelu, sequential, softmax, softmaxBackward, tensor2d,
} from '../../src/index.js';
import { jsOnly, testedBackends, withBackend } from '../support/backends.js';
import { fuzzRuns } from '../support/fuzz.js';

/** Numbers from outside: whole arrays of NaN, infinities, subnormals and -0 through every op; detached buffers; random small models on both backends. */
const SPECIALS: Array<[string, number]> = [['NaN', Number.NaN], ['+Inf', Infinity], ['-Inf', -Infinity], ['-0', -0], ['subnormal', 1e-310], ['float32 subnormal', 1e-40]];

describe('hostile values through every op', () => {
  for (const backend of testedBackends) {
    it(`${backend}: arrays made of one special value give what the scalar definition gives`, () => {
      withBackend(backend, () => {
        for (const row of ACTIVATION_TABLE) {
          const act = getActivation(row.name, row.test.paramSets[0]);
          for (const [label, v] of SPECIALS) {
            for (const Ctor of [Float32Array, Float64Array]) {
              const x = new Ctor(37).fill(v);
              const dy = new Ctor(37).fill(1);
              const expect1 = (out: Float32Array | Float64Array, kind: string) => {
                const first = out[0];
                for (const value of out) expect(Object.is(value, first) || (Number.isNaN(value) && Number.isNaN(first)), `${row.name} ${kind} ${label}`).toBe(true);
                if (Number.isNaN(v)) expect(Number.isNaN(first), `${row.name} ${kind}: NaN in gives NaN out`).toBe(true);
                if (!Number.isNaN(v)) expect(Number.isNaN(first), `${row.name} ${kind} of ${label} is not NaN`).toBe(false);
              };
              expect1(act.forward(x), 'forward');
              expect1(act.derivative(x), 'derivative');
              expect1(act.backward(x, dy), 'backward');
            }
          }
        }
        for (const [label, v] of SPECIALS) {
          const x = new Float64Array(12).fill(v);
          const s = softmax(x, 4);
          const l = logSoftmax(x, 4);
          const b = softmaxBackward(s, new Float64Array(12).fill(1), 4);
          if (Number.isFinite(v)) {
            s.forEach((p) => expect(p, label).toBeCloseTo(0.25, 15));
            b.forEach((g) => expect(Math.abs(g), label).toBeLessThan(1e-15));
          } else {
            [s, l].forEach((out) => out.forEach((p) => expect(Number.isNaN(p), `softmax of all ${label}`).toBe(true)));
          }
        }
      });
    });
  }

  it('a detached buffer is a TypeError that says so, for every entry point', () => {
    const x = new Float32Array(8);
    structuredClone(x.buffer, { transfer: [x.buffer] });
    const message = /detached ArrayBuffer/;
    expect(() => getActivation('gelu').forward(x)).toThrow(message);
    expect(() => getActivation('gelu').backward(new Float32Array(0), x)).toThrow(message);
    expect(() => softmax(x, 1)).toThrow(message);
    return expect(getActivation('gelu').forwardAsync(x)).rejects.toThrow(message);
  });
});

describe.skipIf(jsOnly)('random small models train one step the same on both backends', () => {
  const layerKinds = ['dense', 'activation', 'dropout', 'batchNormalization', 'prelu'] as const;
  const names = ACTIVATION_TABLE.map((r) => r.name);
  it('fast-check over architectures, activations, losses and batch sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...layerKinds), fc.integer({ min: 1, max: 8 }), fc.constantFrom(...names)), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('mse', 'binaryCrossentropy', 'huber'), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 1000 }),
        async (spec, loss, batch, seed) => {
          const build = () => {
            const layers = [dense(3, { inputDim: 4, activation: 'tanh' }), ...spec.map(([kind, units, act]) =>
              kind === 'dense' ? dense(units, { activation: act }) : kind === 'activation' ? activation(act) : kind === 'dropout' ? dropout(0.25) : kind === 'batchNormalization' ? batchNormalization() : prelu({ alphaInitial: 0.1 })),
            dense(1, { activation: loss === 'binaryCrossentropy' ? 'sigmoid' : 'linear' })];
            return sequential(layers, { seed }).compile({ optimizer: 'adam', loss });
          };
          const x = tensor2d(Array.from({ length: batch }, (_, r) => [r / batch, Math.sin(r), -0.5, 1]));
          const y = tensor2d(Array.from({ length: batch }, (_, r) => (r % 2)));
          const run = (backend: 'native' | 'js') => withBackend(backend, async () => {
            const model = build();
            const h = await model.fit(x, y, { epochs: 1, batchSize: batch, shuffle: false, verbose: 0 });
            return { loss: h.loss[0], weights: model.getWeights() };
          });
          const native = await run('native');
          const js = await run('js');
          // one step: the backends' GEMMs round differently (float32 FMA blocks vs float64 sums), and a
          // batch norm over a unit with a tiny batch variance magnifies that by 1/sigma; 2e-3 covers it
          expect(Math.abs(native.loss - js.loss)).toBeLessThanOrEqual(2e-3 * Math.max(1, Math.abs(js.loss)));
          native.weights.forEach((w, i) => w.forEach((v, j) => expect(Math.abs(v - js.weights[i][j])).toBeLessThanOrEqual(2e-3 * Math.max(1, Math.abs(v)))));
        },
      ),
      fuzzRuns(60, 11),
    );
  }, 120_000);
});
