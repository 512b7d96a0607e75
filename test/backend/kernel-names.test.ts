import { describe, expect, it } from 'vitest';
import { LOSS_KINDS, OPTIMIZER_KINDS } from '../../src/backend/contract.js';
import { LOSS_TABLE } from '../../src/backend/loss-kinds.js';
import { OPTIMIZER_TABLE } from '../../src/backend/optimizer-kinds.js';
import { createNativeBackend, type Addon } from '../../src/backend/native.js';

/** A stand-in addon that lists its kernels in an order of its own and records what it is asked to run. */
function fakeAddon(overrides: Partial<Addon> = {}) {
  const calls: Array<[string, number]> = [];
  const addon = {
    activationNames: ['relu', 'sigmoid'],
    outputDerivativeNames: ['tanh', 'sigmoid'],
    lossNames: [...LOSS_KINDS].reverse(),
    optimizerNames: [...OPTIMIZER_KINDS].reverse(),
    info: () => ({ simd: 'scalar', cpuSimd: 'scalar', threads: 1, napiVersion: 8, openmp: true }),
    loss: (kind: number) => {
      calls.push(['loss', kind]);
      return 0;
    },
    optimizerStep: (kind: number) => {
      calls.push(['optimizer', kind]);
    },
    ...overrides,
  } as unknown as Addon;
  return { addon, calls };
}

const f = new Float32Array(2);
const hyper = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0, nesterov: false };

describe('kernels cross into the addon by name', () => {
  it('finds each loss and optimizer by its name in the addon, whatever the addon order', () => {
    const { addon, calls } = fakeAddon();
    const backend = createNativeBackend(addon, '/fake/actfn.node');
    backend.loss('huber', f, f, 1, 2, null, { epsilon: 1e-7, delta: 1 });
    backend.optimizerStep('adam', f, f, [f, f], hyper, 1);
    expect(calls).toEqual([
      ['loss', addon.lossNames.indexOf('huber')],
      ['optimizer', addon.optimizerNames.indexOf('adam')],
    ]);
    expect(addon.lossNames.indexOf('huber')).not.toBe(LOSS_KINDS.indexOf('huber'));
  });

  it('refuses, at load, an addon that lacks a loss or optimizer of the manifests, naming it', () => {
    const noHuber = fakeAddon({ lossNames: LOSS_KINDS.filter((k) => k !== 'huber') }).addon;
    expect(() => createNativeBackend(noHuber, '/fake/actfn.node')).toThrow(/lacks the losses huber/);
    const noAdamw = fakeAddon({ optimizerNames: ['sgd', 'adam', 'rmsprop'] }).addon;
    expect(() => createNativeBackend(noAdamw, '/fake/actfn.node')).toThrow(/lacks the optimizers adamw/);
    const noTanh = fakeAddon({ outputDerivativeNames: ['sigmoid'] }).addon;
    expect(() => createNativeBackend(noTanh, '/fake/actfn.node')).toThrow(/lacks the backward-from-output kernels of tanh/);
    const old = fakeAddon({ lossNames: undefined }).addon;
    expect(() => createNativeBackend(old, '/fake/actfn.node')).toThrow(/does not list its losses and optimizers by name/);
  });

  it('keeps one manifest row per loss and optimizer, with unique names', () => {
    expect(new Set(LOSS_KINDS).size).toBe(LOSS_TABLE.length);
    expect(new Set(OPTIMIZER_KINDS).size).toBe(OPTIMIZER_TABLE.length);
    expect(LOSS_TABLE.filter((row) => row.target === 'class_index').map((row) => row.name)).toEqual(['sparseCategoricalCrossentropyFromLogits']);
  });
});
