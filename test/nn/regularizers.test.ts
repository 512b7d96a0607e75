import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dense, l1, l1l2, l2, loadModel, makeMoons, sequential, sgd, tensor2d, type Dense, type RegularizerArg } from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';

/** Dense kernel regularizers: the loss includes the penalty, the gradient its derivative, and training shrinks the weights. */
const X = tensor2d([[0.5, -1, 0.25], [1.5, 0.3, -0.7], [-0.2, 0.8, 1.1], [0.9, -0.4, 0.05]]);
const Y = tensor2d([[0.3], [1], [-0.5], [2]]);

function model(kernelRegularizer?: RegularizerArg, learningRate = 0.1) {
  return sequential([dense(4, { inputDim: 3, activation: 'tanh', kernelRegularizer }), dense(1, { kernelRegularizer })], { seed: 3 })
    .compile({ optimizer: sgd({ learningRate }), loss: 'mse' });
}

const kernels = (m: ReturnType<typeof model>) => m.params().filter((p) => p.name === 'kernel');

describe('kernel regularizers', () => {
  it("spell as Keras': l1(f), l2(f), l1l2({ l1, l2 }), { l1, l2 }, 'l2'", () => {
    expect(l2(0.01)).toEqual({ l1: 0, l2: 0.01 });
    expect(l1()).toEqual({ l1: 0.01, l2: 0 });
    expect(l1l2({ l1: 0.1 })).toEqual({ l1: 0.1, l2: 0 });
    expect(dense(2, { kernelRegularizer: { l2: 0.5 } }).kernelRegularizer).toEqual({ l1: 0, l2: 0.5 });
    expect(dense(2, { kernelRegularizer: 'l2' }).kernelRegularizer).toEqual({ l1: 0, l2: 0.01 });
    expect(() => l2(-1)).toThrow(/l2 must be a finite number >= 0/);
    expect(() => dense(2, { kernelRegularizer: 'l3' as never })).toThrow(TypeError);
  });

  for (const backend of testedBackends) {
    it(`${backend}: evaluate and fit report the loss plus l1 sum|w| + l2 sum w^2 (kernels only)`, async () => {
      await withBackend(backend, async () => {
        const plain = model(undefined, 1e-30);
        const regularized = model(l1l2({ l1: 0.05, l2: 0.1 }), 1e-30);
        const penalty = kernels(regularized).reduce((s, p) => s + p.value.reduce((t, w) => t + 0.05 * Math.abs(w) + 0.1 * w * w, 0), 0);
        expect(penalty).toBeGreaterThan(0.05);
        expect(regularized.evaluate(X, Y).loss).toBeCloseTo(plain.evaluate(X, Y).loss + penalty, 5);
        const fitted = await regularized.fit(X, Y, { epochs: 1, batchSize: 4, shuffle: false, verbose: 0, validationData: [X, Y] });
        const unregularized = await plain.fit(X, Y, { epochs: 1, batchSize: 4, shuffle: false, verbose: 0, validationData: [X, Y] });
        expect(fitted.loss[0]).toBeCloseTo(unregularized.loss[0] + penalty, 5);
        expect(fitted.valLoss[0]).toBeCloseTo(unregularized.valLoss[0] + penalty, 5);
      });
    });

    it(`${backend}: the kernel's gradient gains l1 sign(w) + 2 l2 w; the bias's does not`, () => {
      withBackend(backend, () => {
        const plain = model().computeGradients(X, Y).params;
        const regularized = model(l1l2({ l1: 0.05, l2: 0.1 })).computeGradients(X, Y).params;
        regularized.forEach((p, j) => {
          p.grad.forEach((g, k) => {
            const w = p.value[k];
            const extra = p.name === 'kernel' ? 0.05 * Math.sign(w) + 2 * 0.1 * w : 0;
            expect(g).toBeCloseTo(plain[j].grad[k] + extra, 5);
          });
        });
      });
    });

    it(`${backend}: training with l2 ends with smaller kernels than without`, async () => {
      await withBackend(backend, async () => {
        const { x, y } = makeMoons(80, { noise: 0.1, seed: 1 });
        const norm = (m: ReturnType<typeof model>) => Math.sqrt(kernels(m).reduce((s, p) => s + p.value.reduce((t, w) => t + w * w, 0), 0));
        const build = (r?: RegularizerArg) => sequential([dense(16, { inputDim: 2, activation: 'relu', kernelRegularizer: r }), dense(1, { activation: 'sigmoid', kernelRegularizer: r })], { seed: 2 })
          .compile({ optimizer: sgd({ learningRate: 0.2 }), loss: 'binaryCrossentropy' });
        const plain = build();
        const shrunk = build(l2(0.01));
        const options = { epochs: 30, batchSize: 16, seed: 4, verbose: 0 } as const;
        await plain.fit(x, y, options);
        await shrunk.fit(x, y, options);
        expect(norm(shrunk)).toBeLessThan(0.9 * norm(plain));
      });
    });
  }

  it('is saved with the model and comes back with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actfn-reg-'));
    try {
      const m = model(l2(0.02));
      m.save(dir);
      const loaded = loadModel(dir);
      expect((loaded.layers[0] as Dense).kernelRegularizer).toEqual({ l1: 0, l2: 0.02 });
      expect(loaded.evaluate(X, Y).loss).toBeCloseTo(m.evaluate(X, Y).loss, 6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
