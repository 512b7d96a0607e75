import { describe, expect, it } from 'vitest';
import { getActivation, logSoftmax, setNumThreads, softmax, softmaxBackward } from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';

/** Asserts fn throws `type` with a message matching `message`, and that no array changed. */
function rejects(fn: () => unknown, type: typeof TypeError | typeof RangeError, message: RegExp, ...arrays: ArrayLike<number>[]) {
  const before = arrays.map((a) => Array.from(a));
  expect(fn).toThrow(type);
  expect(fn).toThrow(message);
  arrays.forEach((a, i) => expect(Array.from(a)).toEqual(before[i]));
}

describe.each(testedBackends)('bad input on the %s backend', (backend) => {
  const relu = getActivation('relu');
  const run = (fn: () => unknown) => () => withBackend(backend, fn);

  it('refuses plain arrays, integer arrays and non-arrays for x', () => {
    rejects(run(() => relu.forward([1, 2] as never)), TypeError, /x must be a Float32Array or Float64Array, got Array/);
    rejects(run(() => relu.forward(new Int32Array(2) as never)), TypeError, /got Int32Array/);
    rejects(run(() => relu.derivative('1' as never)), TypeError, /got string/);
    rejects(run(() => relu.forward(undefined as never)), TypeError, /got undefined/);
  });

  it('refuses an out of the wrong type or length and leaves it untouched', () => {
    const x = new Float32Array([-1, 1, 2]);
    const out64 = new Float64Array(3).fill(7);
    const short = new Float32Array(2).fill(7);
    rejects(run(() => relu.forward(x, out64 as never)), TypeError, /out must be a Float32Array like x, got Float64Array/, x, out64);
    rejects(run(() => relu.forward(x, short)), RangeError, /out must have length 3 like x, got 2/, x, short);
    rejects(run(() => relu.forward(x, [0, 0, 0] as never)), TypeError, /out must be a Float32Array or Float64Array/, x);
  });

  it('refuses a dy of another dtype or length in backward', () => {
    const x = new Float64Array([-1, 1, 2]);
    const out = new Float64Array(3).fill(7);
    rejects(run(() => relu.backward(x, new Float32Array(3) as never, out)), TypeError, /dy must be a Float64Array like x/, x, out);
    rejects(run(() => relu.backward(x, new Float64Array(4), out)), RangeError, /dy must have length 3 like x, got 4/, x, out);
  });

  it('refuses an out that partially overlaps its input', () => {
    const buffer = new Float64Array([1, 2, 3, 4, 5]);
    const x = buffer.subarray(0, 4);
    const out = buffer.subarray(1, 5);
    rejects(run(() => relu.forward(x, out)), RangeError, /out must be x itself or not overlap it/, buffer);
  });

  it('refuses a bad cols for the softmax family', () => {
    const x = new Float32Array([1, 2, 3, 4, 5, 6]);
    const out = new Float32Array(6).fill(7);
    rejects(run(() => softmax(x, 4, out)), RangeError, /cols \(4\) must divide the array length \(6\)/, x, out);
    rejects(run(() => softmax(x, 0, out)), RangeError, /cols must be a positive integer, got 0/, x, out);
    rejects(run(() => logSoftmax(x, -3, out)), RangeError, /cols must be a positive integer, got -3/, x, out);
    rejects(run(() => logSoftmax(x, 1.5, out)), RangeError, /got 1.5/, x, out);
    rejects(run(() => softmax(x, '3' as never, out)), TypeError, /cols must be a number, got string/, x, out);
    rejects(run(() => softmaxBackward(x, new Float32Array(5), 3, out)), RangeError, /dy must have length 6 like y/, x, out);
    rejects(run(() => softmaxBackward(x, new Float64Array(6) as never, 3, out)), TypeError, /dy must be a Float32Array like y/, x, out);
  });
});

describe('bad parameters', () => {
  it.each([
    ['leakyRelu', { alpha: NaN }, RangeError, /leakyRelu parameter 'alpha' must be finite, got NaN/],
    ['leakyRelu', { alpha: -0.1 }, RangeError, /'alpha' must be >= 0, got -0.1/],
    ['elu', { alpha: Infinity }, RangeError, /must be finite, got Infinity/],
    ['elu', { alpha: 0 }, RangeError, /'alpha' must be > 0, got 0/],
    ['celu', { alpha: 0 }, RangeError, /'alpha' must be > 0/],
    ['softplus', { beta: 0 }, RangeError, /softplus parameter 'beta' must be > 0, got 0/],
    ['softplus', { beta: -1 }, RangeError, /'beta' must be > 0, got -1/],
    ['swish', { beta: '2' }, TypeError, /swish parameter 'beta' must be a number, got string/],
    ['hardTanh', { min: 1, max: 1 }, RangeError, /min \(1\) must be less than max \(1\)/],
    ['hardTanh', { min: 2 }, RangeError, /min \(2\) must be less than max \(1\)/],
    ['relu', { alpha: 1 }, TypeError, /relu has no parameter 'alpha'; it takes no parameters/],
    ['leakyRelu', { slope: 1 }, TypeError, /leakyRelu has no parameter 'slope'; expected alpha/],
    ['elu', 5, TypeError, /params for elu must be an object, got number/],
  ] as const)('rejects %s with %j', (name, params, type, message) => {
    expect(() => getActivation(name, params as never)).toThrow(type);
    expect(() => getActivation(name, params as never)).toThrow(message);
  });

  it('rejects a non-string name with a TypeError', () => {
    expect(() => getActivation(3 as never)).toThrow(TypeError);
  });

  it('rejects a thread count that is not a positive integer', () => {
    expect(() => setNumThreads(0)).toThrow(RangeError);
    expect(() => setNumThreads(1.5)).toThrow(/n must be an integer from 1 to 1024, got 1.5/);
    expect(() => setNumThreads('2' as never)).toThrow(TypeError);
  });
});
