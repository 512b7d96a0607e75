import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, activationNames, activations, getActivation, getBackend } from '../../src/index.js';
import { getBackendImpl } from '../../src/backend/select.js';
import { testedBackends, withBackend } from '../support/backends.js';

/** The manifest's rows, by name: everything else is derived from them. */
const EXPECTED = ACTIVATION_TABLE.map((row) => row.name);

describe('the activation registry', () => {
  it('has every row of the manifest, once, in the public API', () => {
    expect(new Set(EXPECTED).size).toBe(EXPECTED.length);
    expect([...activationNames]).toEqual(EXPECTED);
    expect(Object.keys(activations)).toEqual(EXPECTED);
  });

  it.each(testedBackends)('has a kernel for every row on the %s backend, and none beyond them', (backend) => {
    const names = withBackend(backend, () => [getBackend(), [...getBackendImpl().activationNames]] as const);
    expect(names[0]).toBe(backend);
    expect([...names[1]].sort()).toEqual([...EXPECTED].sort());
  });

  it('gives no two rows the same name or alias', () => {
    const keys = ACTIVATION_TABLE.flatMap((row) => [row.name, ...row.aliases]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("includes PyTorch's softShrink and hardShrink with lambd = 0.5 by default", () => {
    expect(getActivation('soft_shrink').params).toEqual({ lambd: 0.5 });
    expect(Array.from(getActivation('softShrink').forward(new Float64Array([-2, -0.5, 0.25, 0.5, 2])))).toEqual([-1.5, 0, 0, 0, 1.5]);
    expect(Array.from(getActivation('hardshrink', { lambd: 1 }).forward(new Float64Array([-2, -1, 0.5, 1, 1.5])))).toEqual([-2, 0, 0, 0, 1.5]);
    expect(() => getActivation('hardShrink', { lambd: -0.1 })).toThrow(RangeError);
    expect(() => getActivation('softShrink', { lambd: -0.1 })).toThrow(/lambd/);
  });

  it('resolves snake_case aliases to the same row', () => {
    expect(getActivation('leaky_relu').name).toBe('leakyRelu');
    expect(getActivation('gelu_tanh').name).toBe('geluTanh');
    expect(getActivation('hard_swish').name).toBe('hardSwish');
    expect(getActivation('log_sigmoid').name).toBe('logSigmoid');
  });

  it('fills defaults and keeps given params', () => {
    expect(getActivation('leakyRelu').params).toEqual({ alpha: 0.01 });
    expect(getActivation('hardTanh', { max: 2 }).params).toEqual({ min: -1, max: 2 });
    expect(activations.elu.params).toEqual({ alpha: 1 });
  });

  it('lists the valid names when a name is unknown', () => {
    expect(() => getActivation('relu7')).toThrow(RangeError);
    expect(() => getActivation('relu7')).toThrow(/unknown activation 'relu7'; valid names: sigmoid, tanh, relu/);
  });

  it('gives every row a formula, a derivative formula and a kink convention', () => {
    for (const row of ACTIVATION_TABLE) {
      expect(row.formula.length).toBeGreaterThan(0);
      expect(row.derivativeFormula.length).toBeGreaterThan(0);
      expect(row.kinks.length).toBeGreaterThan(0);
    }
  });
});
