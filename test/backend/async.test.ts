import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { getActivation, setBackend, logSoftmax, logSoftmaxAsync, softmax, softmaxAsync, softmaxBackward, softmaxBackwardAsync } from '../../src/index.js';
import { jsOnly, testedBackends } from '../support/backends.js';
import { seededRandom } from '../support/tolerance.js';

function randomArray(ctor: Float32ArrayConstructor | Float64ArrayConstructor, n: number, seed: number): Float32Array | Float64Array {
  const random = seededRandom(seed);
  return new ctor(n).map(() => (random() - 0.5) * 16);
}

const bytes = (a: Float32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
/** Bit-for-bit equality (a deep toEqual over megabytes is far too slow). */
function expectSameBytes(a: Float32Array | Float64Array, b: Float32Array | Float64Array) {
  expect(Buffer.compare(bytes(a), bytes(b))).toBe(0);
}

/** Runs fn while a 5 ms interval ticks; returns the longest gap between ticks, in ms. */
async function longestEventLoopGap(fn: () => Promise<unknown>): Promise<{ gap: number; elapsed: number }> {
  let last = performance.now();
  let gap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  await fn();
  const elapsed = performance.now() - start;
  clearInterval(timer);
  return { gap: Math.max(gap, performance.now() - last), elapsed };
}

afterAll(() => setBackend(jsOnly ? 'js' : 'native'));

describe.each(testedBackends)('async calls on the %s backend', (backend) => {
  beforeEach(() => setBackend(backend));

  for (const ctor of [Float32Array, Float64Array]) {
    it(`give exactly the sync results (${ctor.name})`, async () => {
        for (const n of [0, 1, 17, 2 ** 20 + 3]) {
        const x = randomArray(ctor, n, n + 1);
        const dy = randomArray(ctor, n, n + 2);
        for (const name of ['gelu', 'relu', 'softplus']) {
          const act = getActivation(name);
          expectSameBytes(await act.forwardAsync(x), act.forward(x));
          expectSameBytes(await act.derivativeAsync(x), act.derivative(x));
          expectSameBytes(await act.backwardAsync(x, dy), act.backward(x, dy));
        }
        const cols = n === 0 ? 3 : n === 2 ** 20 + 3 ? 1048579 : n;
        expectSameBytes(await softmaxAsync(x, cols), softmax(x, cols));
        expectSameBytes(await logSoftmaxAsync(x, cols), logSoftmax(x, cols));
        const y = softmax(x, cols);
        expectSameBytes(await softmaxBackwardAsync(y, dy, cols), softmaxBackward(y, dy, cols));
      }
    });
  }

  it('writes into out, in place too', async () => {
    const x = randomArray(Float64Array, 1000, 3) as Float64Array;
    const expected = getActivation('mish').forward(x);
    const same = await getActivation('mish').forwardAsync(x, x);
    expect(same).toBe(x);
    expectSameBytes(x, expected);
  });

  it('rejects bad input with the same errors as the sync calls, leaving arrays untouched', async () => {
    const x = new Float32Array([1, 2, 3]);
    const out = new Float32Array(2).fill(7);
    await expect(getActivation('relu').forwardAsync([1, 2] as never)).rejects.toThrow(TypeError);
    await expect(getActivation('relu').forwardAsync(x, out)).rejects.toThrow(/out must have length 3 like x, got 2/);
    await expect(getActivation('relu').backwardAsync(x, new Float64Array(3) as never)).rejects.toThrow(TypeError);
    await expect(softmaxAsync(x, 2)).rejects.toThrow(RangeError);
    expect(Array.from(out)).toEqual([7, 7]);
    expect(Array.from(x)).toEqual([1, 2, 3]);
  });

  it('keeps the event loop responsive during a long call', async () => {
    // native: 64e6 elements, the size the issue names; js: sliced, so a smaller call shows the same
    const n = backend === 'native' ? 64_000_000 : 2_000_000;
    const x = new Float64Array(n).fill(-0.3);
    const { gap, elapsed } = await longestEventLoopGap(() => getActivation('gelu').derivativeAsync(x, x));
    expect(x[n - 1]).toBeCloseTo(getActivation('gelu').derivative(new Float64Array([-0.3]))[0], 15);
    expect(elapsed).toBeGreaterThan(gap);
    expect(gap).toBeLessThan(100);
  });
});
