import { describe, expect, it } from 'vitest';
import { adam, adamw, dense, rmsprop, sequential, sgd, tensor2d, type OptimizerConfig } from '../../src/index.js';
import { param } from '../../src/nn/layers/layer.js';
import { OptimizerState } from '../../src/nn/optimizers.js';
import { testedBackends, withBackend } from '../support/backends.js';

/**
 * clipNorm (each parameter array's gradient rescaled to an L2 norm of at most clipNorm, Keras'
 * clipnorm) and clipValue (each element clamped), on every optimizer, before its step.
 */
const norm = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));

/** Runs steps of `config` on a param from `start` with the given gradients; returns the values. */
function run(config: OptimizerConfig, grads: number[][], start = [0.5, -0.5, 1]): Float32Array {
  const p = param('kernel', [start.length]);
  p.value.set(start);
  const state = new OptimizerState(config);
  for (const g of grads) {
    p.grad.set(g);
    state.apply([p]);
  }
  return p.value;
}

describe('gradient clipping', () => {
  const HUGE = [[3e4, -4e4, 1e3], [-2e5, 1e5, 5e4], [7e3, 7e3, -7e3]];
  const scaled = (g: number[], limit: number) => g.map((v) => v * Math.min(1, limit / norm(g)));
  const clamped = (g: number[], limit: number) => g.map((v) => Math.min(limit, Math.max(-limit, v)));
  const optimizers: Array<[string, (clip: object) => OptimizerConfig]> = [
    ['sgd', (c) => sgd({ learningRate: 0.1, momentum: 0.9, ...c })],
    ['adam', (c) => adam({ learningRate: 0.1, ...c })],
    ['adamw', (c) => adamw({ learningRate: 0.1, ...c })],
    ['rmsprop', (c) => rmsprop({ learningRate: 0.1, ...c })],
  ];
  for (const backend of testedBackends) {
    for (const [name, make] of optimizers) {
      it(`${backend}: ${name} with clipNorm steps as it would on the rescaled gradients; with clipValue, on the clamped ones`, () => {
        withBackend(backend, () => {
          const byNorm = run(make({ clipNorm: 1 }), HUGE);
          expect(Array.from(byNorm)).toEqual(Array.from(run(make({}), HUGE.map((g) => scaled(g, 1)))));
          const byValue = run(make({ clipValue: 0.5 }), HUGE);
          expect(Array.from(byValue)).toEqual(Array.from(run(make({}), HUGE.map((g) => clamped(g, 0.5)))));
          // both: clamp, then bound the norm
          const both = run(make({ clipValue: 0.5, clipNorm: 0.6 }), HUGE);
          expect(Array.from(both)).toEqual(Array.from(run(make({}), HUGE.map((g) => scaled(clamped(g, 0.5), 0.6)))));
          expect(Array.from(byNorm)).not.toEqual(Array.from(run(make({}), HUGE)));
        });
      });
    }

    it(`${backend}: a huge gradient moves sgd's weights by at most learningRate x clipNorm per array`, async () => {
      await withBackend(backend, async () => {
        const x = tensor2d([[1e4, -2e4], [3e4, 1e4]]);
        const y = tensor2d([[1], [-1]]);
        const build = (clipNorm?: number) => sequential([dense(3, { inputDim: 2 }), dense(1)], { seed: 1 }).compile({ optimizer: sgd({ learningRate: 0.1, clipNorm }), loss: 'mse' });
        const clipped = build(1);
        const before = clipped.getWeights();
        await clipped.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
        clipped.getWeights().forEach((w, j) => expect(norm(w.map((v, k) => v - before[j][k]))).toBeLessThanOrEqual(0.1 * 1 * (1 + 1e-5)));
        const free = build();
        await free.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
        expect(norm(free.getWeights()[0].map((v, k) => v - before[0][k]))).toBeGreaterThan(1000);
      });
    });
  }

  it('refuses a clipNorm or clipValue that is not a positive number, and is saved with the optimizer', () => {
    expect(() => sgd({ clipNorm: 0 })).toThrow(/clipNorm must be a positive number/);
    expect(() => adam({ clipValue: -1 })).toThrow(/clipValue must be a positive number/);
    expect(adamw({ clipNorm: 2, weightDecay: 0.1 })).toMatchObject({ kind: 'adamw', clipNorm: 2, hyper: { weightDecay: 0.1 } });
    expect(sgd()).not.toHaveProperty('clipNorm');
    const model = sequential([dense(1, { inputDim: 1 })]).compile({ optimizer: rmsprop({ clipValue: 0.5 }), loss: 'mse' });
    expect(model.toConfig().compile?.optimizer.clipValue).toBe(0.5);
  });
});
