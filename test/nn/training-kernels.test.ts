import { describe, expect, it } from 'vitest';
import { LOSS_KINDS, OPTIMIZER_KINDS, type LossKind } from '../../src/backend/contract.js';
import { getBackendImpl } from '../../src/backend/select.js';
import { jsOnly, withBackend } from '../support/backends.js';
import { seededRandom } from '../support/tolerance.js';

/** Losses and optimizer steps: native against js, and the loss gradients against finite differences. */
const rows = 5;
const cols = 3;
const options = { epsilon: 1e-7, delta: 0.7 };

function inputs(kind: LossKind) {
  const random = seededRandom(kind.length * 7 + 1);
  const probabilities = kind === 'binaryCrossentropy' || kind === 'categoricalCrossentropy';
  const prediction = Float32Array.from({ length: rows * cols }, () => (probabilities ? 0.05 + 0.9 * random() : 4 * random() - 2));
  const sparse = kind === 'sparseCategoricalCrossentropyFromLogits';
  const target = sparse
    ? Float32Array.from({ length: rows }, (_, r) => r % cols)
    : kind.includes('ategorical')
      ? Float32Array.from({ length: rows * cols }, (_, i) => (i % cols === Math.floor(i / cols) % cols ? 1 : 0))
      : kind.includes('inary')
        ? Float32Array.from({ length: rows * cols }, () => (random() < 0.5 ? 0 : 1))
        : Float32Array.from({ length: rows * cols }, () => 2 * random() - 1);
  return { prediction, target };
}

describe('losses', () => {
  for (const kind of LOSS_KINDS) {
    it(`${kind}: gradient matches finite differences; native equals js`, () => {
      const { prediction, target } = inputs(kind);
      const grad = new Float32Array(rows * cols);
      const value = withBackend('js', () => getBackendImpl().loss(kind, prediction, target, rows, cols, grad, options));
      expect(Number.isFinite(value)).toBe(true);
      const p = Float64Array.from(prediction);
      for (let i = 0; i < p.length; i++) {
        const h = 1e-3;
        const at = (v: number) => {
          const q = Float32Array.from(p);
          q[i] = v;
          return withBackend('js', () => getBackendImpl().loss(kind, q, target, rows, cols, null, options));
        };
        const numeric = (at(p[i] + h) - at(p[i] - h)) / (2 * h);
        expect(Math.abs(numeric - grad[i]), `${kind} grad[${i}]`).toBeLessThanOrEqual(2e-3 * Math.abs(numeric) + 1e-4);
      }
      if (!jsOnly) {
        const nativeGrad = new Float32Array(rows * cols);
        const nativeValue = withBackend('native', () => getBackendImpl().loss(kind, prediction, target, rows, cols, nativeGrad, options));
        expect(Math.abs(nativeValue - value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
        nativeGrad.forEach((g, i) => expect(Math.abs(g - grad[i])).toBeLessThanOrEqual(2 ** -22 * Math.abs(grad[i]) + 1e-30));
      }
    });
  }
});

describe.skipIf(jsOnly)('optimizer steps', () => {
  for (const kind of OPTIMIZER_KINDS) {
    for (const nesterov of kind === 'sgd' ? [false, true] : [false]) {
      it(`${kind}${nesterov ? ' (Nesterov)' : ''}: native and js give the same parameters and state over 5 steps`, () => {
        const random = seededRandom(3);
        const n = 37;
        const start = Float32Array.from({ length: n }, () => random() * 2 - 1);
        const grads = Array.from({ length: 5 }, () => Float32Array.from({ length: n }, () => random() * 2 - 1));
        const hyper = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0.01, nesterov };
        const run = (backend: 'native' | 'js') => withBackend(backend, () => {
          const params = start.slice();
          const slots = [new Float32Array(n), new Float32Array(n)];
          grads.forEach((g, t) => getBackendImpl().optimizerStep(kind, params, g, slots, hyper, t + 1));
          return { params, slots };
        });
        const native = run('native');
        const js = run('js');
        native.params.forEach((v, i) => expect(Math.abs(v - js.params[i])).toBeLessThanOrEqual(2 ** -22 * Math.abs(v)));
        native.slots.forEach((s, k) => s.forEach((v, i) => expect(Math.abs(v - js.slots[k][i])).toBeLessThanOrEqual(2 ** -22 * Math.abs(v))));
        expect(native.params.some((v, i) => v !== start[i])).toBe(true);
      });
    }
  }
});
