import { describe, expect, it, vi } from 'vitest';
import { getBackendImpl } from '../../src/backend/select.js';
import { OPTIMIZER_KINDS } from '../../src/backend/contract.js';
import { adam, adamw, dense, rmsprop, sequential, sgd, type OptimizerConfig } from '../../src/index.js';
import { param, type Param } from '../../src/nn/layers/layer.js';
import { OptimizerState } from '../../src/nn/optimizers.js';
import { packParams, SpanFinder } from '../../src/nn/param-arena.js';
import { testedBackends, withBackend } from '../support/backends.js';
import { seededRandom } from '../support/tolerance.js';

/**
 * A model's parameters live side by side (param-arena.ts) so that one optimizer call updates them
 * all; that call must give exactly what one call per parameter array gives.
 */
function params(seed: number): Param[] {
  const random = seededRandom(seed);
  const list = [param('kernel', [5, 7]), param('bias', [7]), param('kernel', [7, 1]), param('bias', [1])];
  for (const p of list) p.value.forEach((_, i) => (p.value[i] = random() * 2 - 1));
  return list;
}

const CONFIGS: Record<string, OptimizerConfig> = {
  sgd: sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true }),
  adam: adam({ learningRate: 0.01, clipNorm: 0.5 }),
  adamw: adamw({ learningRate: 0.01, clipValue: 0.05 }),
  rmsprop: rmsprop({ learningRate: 0.01 }),
};

describe('the parameter arena', () => {
  it('keeps values and gradients, as views in list order', () => {
    const list = params(1);
    const before = list.map((p) => Array.from(p.value));
    packParams(list);
    list.forEach((p, i) => expect(Array.from(p.value)).toEqual(before[i]));
    for (let i = 1; i < list.length; i++) {
      expect(list[i].value.buffer).toBe(list[0].value.buffer);
      expect(list[i].value.byteOffset).toBe(list[i - 1].value.byteOffset + list[i - 1].value.byteLength);
      expect(list[i].grad.buffer).toBe(list[0].grad.buffer);
    }
  });

  it('finds the span of arrays that lie back to back, and only those', () => {
    const whole = new Float32Array(10);
    const finder = new SpanFinder();
    const parts = [whole.subarray(2, 5), whole.subarray(5, 9)];
    const span = finder.find(2, (i) => parts[i])!;
    expect([span.byteOffset, span.length]).toEqual([8, 7]);
    expect(finder.find(2, (i) => parts[i])).toBe(span); // the same view again
    expect(finder.find(2, (i) => [parts[1], parts[0]][i])).toBeNull();
    expect(finder.find(2, (i) => parts[i])).toBe(span);
    expect(finder.find(2, (i) => [whole.subarray(0, 2), whole.subarray(3, 4)][i])).toBeNull();
    expect(finder.find(2, (i) => [parts[0], new Float32Array(4)][i])).toBeNull();
    expect(finder.find(0, () => whole)).toBeNull();
  });

  for (const backend of testedBackends) {
    for (const kind of OPTIMIZER_KINDS) {
      it(`${backend}: ${kind} over the arena in one call equals one call per array, over 4 steps`, () => {
        withBackend(backend, () => {
          const packed = params(2);
          packParams(packed);
          const apart = params(2);
          const one = new OptimizerState(CONFIGS[kind]);
          const each = new OptimizerState(CONFIGS[kind]);
          const random = seededRandom(3);
          const calls = vi.spyOn(getBackendImpl(), 'optimizerStep');
          for (let step = 0; step < 4; step++) {
            packed.forEach((p, i) => p.grad.forEach((_, j) => (p.grad[j] = apart[i].grad[j] = random() * 2 - 1)));
            one.apply(packed);
            expect(calls).toHaveBeenCalledTimes(5 * step + 1);
            each.apply(apart);
            expect(calls).toHaveBeenCalledTimes(5 * step + 5);
          }
          calls.mockRestore();
          packed.forEach((p, i) => expect(Array.from(p.value)).toEqual(Array.from(apart[i].value)));
        });
      });
    }
  }

  it('is where a model keeps its parameters, also after layers are added to a built model', () => {
    const model = sequential([dense(4, { inputDim: 3 })], { seed: 1 });
    model.add(dense(2));
    const list = model.params();
    for (let i = 1; i < list.length; i++) expect(list[i].value.buffer).toBe(list[0].value.buffer);
  });
});
