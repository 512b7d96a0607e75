import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE } from '../../src/index.js';
import { LOSS_KINDS, OPTIMIZER_KINDS } from '../../src/backend/contract.js';
import { jsOnly, loadedAddon } from '../support/backends.js';

/**
 * The addon re-checks what memory safety depends on, so even a caller that skips the TypeScript
 * layer gets an exception, never a crash or a write out of bounds.
 */
describe.skipIf(jsOnly)('the native addon called directly', () => {
  const addon = loadedAddon();
  const x = new Float32Array(4);

  it('throws TypeError for non-float arrays and mixed dtypes', () => {
    expect(() => addon.elementwise(0, 0, [1, 2], x, 0, 0)).toThrow(TypeError);
    expect(() => addon.elementwise(0, 0, new Int32Array(4), x, 0, 0)).toThrow(/x must be a Float32Array or Float64Array/);
    expect(() => addon.elementwise(0, 0, x, new Float64Array(4), 0, 0)).toThrow(/out must have the same element type as x/);
    expect(() => addon.backward(0, x, new Float64Array(4), x, 0, 0)).toThrow(TypeError);
    expect(() => addon.softmax(x, 2, new Int8Array(4))).toThrow(TypeError);
  });

  it('throws RangeError for lengths that differ, a bad cols, kind or activation index', () => {
    const before = Array.from(x);
    expect(() => addon.elementwise(0, 0, x, new Float32Array(3), 0, 0)).toThrow(/out must have the same length as x \(4\), got 3/);
    expect(() => addon.backward(0, x, new Float32Array(5), x, 0, 0)).toThrow(RangeError);
    expect(() => addon.softmax(x, 3, x)).toThrow(/cols must be a positive integer that divides the length 4/);
    expect(() => addon.softmax(x, 0, x)).toThrow(RangeError);
    expect(() => addon.softmaxBackward(x, x, -1, x)).toThrow(RangeError);
    expect(() => addon.elementwise(0, 2, x, x, 0, 0)).toThrow(/kind must be 0/);
    expect(() => addon.elementwise(999, 0, x, x, 0, 0)).toThrow(/activation must be an index below/);
    expect(() => addon.elementwise(-1, 0, x, x, 0, 0)).toThrow(RangeError);
    expect(() => addon.elementwise(0.5, 0, x, x, 0, 0)).toThrow(RangeError);
    expect(() => addon.elementwise(0, 0, x, x)).toThrow(/a must be a number/);
    expect(Array.from(x)).toEqual(before);
  });

  it('lists its activations and reports its instruction set', () => {
    expect(addon.activationNames).toContain('gelu');
    expect(addon.info()).toMatchObject({ simd: expect.any(String), napiVersion: 8 });
  });
});

describe.skipIf(jsOnly)('what the native addon lists', () => {
  const addon = loadedAddon();

  it('names its losses and optimizers as the manifests do (the loader looks them up by name)', () => {
    expect([...addon.lossNames].sort()).toEqual([...LOSS_KINDS].sort());
    expect([...addon.optimizerNames].sort()).toEqual([...OPTIMIZER_KINDS].sort());
    expect([...addon.activationNames].sort()).toEqual(ACTIVATION_TABLE.map((row) => row.name).sort());
  });

  it('reports no dead fields in info()', () => {
    expect(Object.keys(addon.info()).sort()).toEqual(['cpuSimd', 'napiVersion', 'openmp', 'simd', 'threads']);
  });

  it('checks the optimizer slot count from the manifest', () => {
    const p = new Float32Array(3);
    const adam = addon.optimizerNames.indexOf('adam');
    expect(() => addon.optimizerStep(adam, p, p, [p], 0.1, 0.9, 0.999, 1e-7, 0, false, 1)).toThrow(/slots must hold 2 arrays/);
  });
});
