import { describe, expect, it } from 'vitest';
import { activation, dense, sequential, tensor2d } from '../../src/index.js';

/**
 * A model whose first layer has no inputDim learns its input width at build() or the first fit;
 * until then summary() and the weight accessors have nothing to show, and say so and how to fix
 * it (they used to fail deep inside: "Cannot read properties of undefined (reading 'value')").
 */
describe('a model without an input size yet', () => {
  const unbuilt = () => sequential([dense(16, { activation: 'relu' }), dense(1)]);
  const calls: Array<[string, (m: ReturnType<typeof unbuilt>) => unknown]> = [
    ['summary()', (m) => m.summary(false)],
    ['getWeights()', (m) => m.getWeights()],
    ['setWeights()', (m) => m.setWeights([])],
    ['params()', (m) => m.params()],
    ['save()', (m) => m.save('/nonexistent/never-written')],
  ];

  it.each(calls)('%s says it has no input size and how to give it one', (name, call) => {
    const m = unbuilt();
    let error: unknown;
    try {
      call(m);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
    const message = (error as Error).message;
    expect(message).toContain(`${name}: the model has no input size yet`);
    expect(message).toMatch(/inputDim/);
    expect(message).toMatch(/inputShape: \[n\]/);
    expect(message).toMatch(/build\(n\) or fit\(\)/);
  });

  it('works once built, by build(n) or by fit', async () => {
    const m = unbuilt();
    m.build(4);
    expect(m.summary(false)).toMatch(/Total params: 97/);
    expect(m.getWeights()).toHaveLength(4);
    const fitted = unbuilt().compile({ optimizer: 'sgd', loss: 'mse' });
    await fitted.fit(tensor2d([[1, 2, 3]]), tensor2d([[1]]), { verbose: 0 });
    expect(fitted.summary(false)).toMatch(/Total params: 81/);
  });

  it('holds for a model with no weights at all', () => {
    expect(() => sequential([activation('relu')]).summary(false)).toThrow(/no input size yet/);
  });
});
