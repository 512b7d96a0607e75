import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, activationNames, activations, getActivation } from '../../src/index.js';

const EXPECTED = [
  'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'selu', 'celu', 'gelu', 'geluTanh', 'silu', 'swish',
  'softplus', 'mish', 'softsign', 'hardSigmoid', 'hardSwish', 'hardTanh', 'relu6', 'logSigmoid', 'linear',
];

describe('the activation registry', () => {
  it('has every activation of the public API, once', () => {
    expect([...activationNames].sort()).toEqual([...EXPECTED].sort());
    expect(Object.keys(activations).sort()).toEqual([...EXPECTED].sort());
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
