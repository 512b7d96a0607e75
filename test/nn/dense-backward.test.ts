import { describe, expect, it } from 'vitest';
import type { DenseActivationGrad } from '../../src/backend/contract.js';
import { JS_ACTIVATIONS } from '../../src/backend/js/activations.js';
import { getBackendImpl } from '../../src/backend/select.js';
import { jsOnly, loadedAddon, testedBackends, withBackend } from '../support/backends.js';
import { seededRandom } from '../support/tolerance.js';

/**
 * Backend.denseBackward (dZ = dY f'(Z), dW = X^T dZ, db = column sums of dZ, dX = dZ W^T in one
 * call) on each backend, against a float64 reference with the float32 accumulation bound, and
 * native against js.
 */
function randomArray(n: number, seed: number) {
  const random = seededRandom(seed);
  return Float32Array.from({ length: n }, () => random() * 2 - 1);
}

interface Case {
  batch: number;
  inputs: number;
  units: number;
  activation: string | null;
  bias: boolean;
  inputGradient: boolean;
}

const CASES: Case[] = [
  { batch: 32, inputs: 30, units: 64, activation: 'relu', bias: true, inputGradient: false },
  { batch: 32, inputs: 64, units: 32, activation: 'relu', bias: true, inputGradient: true },
  { batch: 32, inputs: 32, units: 1, activation: null, bias: true, inputGradient: true },
  { batch: 7, inputs: 5, units: 13, activation: 'gelu', bias: false, inputGradient: true },
  { batch: 1, inputs: 1, units: 1, activation: 'sigmoid', bias: true, inputGradient: true },
  { batch: 19, inputs: 40, units: 17, activation: 'tanh', bias: true, inputGradient: true },
  { batch: 300, inputs: 50, units: 70, activation: 'leakyRelu', bias: true, inputGradient: true },
  { batch: 0, inputs: 3, units: 4, activation: 'relu', bias: true, inputGradient: true },
];

function run(backend: 'native' | 'js', c: Case, seed: number) {
  const { batch, inputs, units } = c;
  const x = randomArray(batch * inputs, seed), w = randomArray(inputs * units, seed + 1), dy = randomArray(batch * units, seed + 2);
  const z = randomArray(batch * units, seed + 3);
  const dz = new Float32Array(batch * units).fill(Number.NaN);
  const through: DenseActivationGrad | null = c.activation ? { activation: c.activation, params: [0.1, 0], z, dz } : null;
  const dw = new Float32Array(inputs * units).fill(Number.NaN);
  const db = c.bias ? new Float32Array(units).fill(Number.NaN) : null;
  const dx = c.inputGradient ? new Float32Array(batch * inputs).fill(Number.NaN) : null;
  withBackend(backend, () => getBackendImpl().denseBackward({ batch, inputs, units }, x, w, dy, through, { dw, db, dx }));
  return { x, w, dy, z, dz, dw, db, dx };
}

/** The float64 reference and the error bound of a float32 sum of `terms`. */
function check(c: Case, r: ReturnType<typeof run>): string[] {
  const { batch, inputs, units } = c;
  const f = c.activation ? JS_ACTIVATIONS[c.activation].derivative : null;
  const dz = Float64Array.from(r.dy, (v, i) => (f ? v * f(r.z[i], 0.1, 0) : v));
  const bad: string[] = [];
  const near = (name: string, got: number, want: number, abs: number, terms: number) => {
    // float32 accumulation of `terms` products of float32-rounded dZ values (4 ULP from f')
    const bound = (terms + 3) * 2 ** -24 * abs + 5 * 2 ** -24 * abs + 1e-30;
    if (!(Math.abs(got - want) <= bound)) bad.push(`${name} ${got} vs ${want}`);
  };
  if (f) for (let i = 0; i < dz.length; i++) near(`dz[${i}]`, r.dz[i], dz[i], Math.abs(dz[i]), 1);
  for (let p = 0; p < inputs; p++) {
    for (let j = 0; j < units; j++) {
      let sum = 0, abs = 0;
      for (let i = 0; i < batch; i++) {
        sum += r.x[i * inputs + p] * dz[i * units + j];
        abs += Math.abs(r.x[i * inputs + p] * dz[i * units + j]);
      }
      near(`dw[${p},${j}]`, r.dw[p * units + j], sum, abs, batch);
    }
  }
  if (r.db) {
    for (let j = 0; j < units; j++) {
      let sum = 0, abs = 0;
      for (let i = 0; i < batch; i++) {
        sum += dz[i * units + j];
        abs += Math.abs(dz[i * units + j]);
      }
      near(`db[${j}]`, r.db[j], sum, abs, batch);
    }
  }
  if (r.dx) {
    for (let i = 0; i < batch; i++) {
      for (let p = 0; p < inputs; p++) {
        let sum = 0, abs = 0;
        for (let j = 0; j < units; j++) {
          sum += dz[i * units + j] * r.w[p * units + j];
          abs += Math.abs(dz[i * units + j] * r.w[p * units + j]);
        }
        near(`dx[${i},${p}]`, r.dx[i * inputs + p], sum, abs, units);
      }
    }
  }
  return bad.slice(0, 4);
}

describe('denseBackward: a dense layer backward pass in one call', () => {
  for (const backend of testedBackends) {
    for (const [index, c] of CASES.entries()) {
      it(`${backend}: ${JSON.stringify(c)} matches the float64 reference`, () => {
        const r = run(backend, c, 10 * index + 1);
        expect(check(c, r)).toEqual([]);
        if (!c.activation) expect(r.dz.every(Number.isNaN)).toBe(true); // dz is not written without an activation
      });
    }
  }

  it.skipIf(jsOnly)('gives the same db on both backends, bit for bit (float32 column sums in the same order)', () => {
    for (const [index, c] of CASES.entries()) {
      if (!c.bias || (c.activation !== null && c.activation !== 'relu')) continue;
      const native = run('native', c, 10 * index + 1);
      const js = run('js', c, 10 * index + 1);
      expect(Array.from(native.db!)).toEqual(Array.from(js.db!));
    }
  });

  it('may write dz over dy', () => {
    for (const backend of testedBackends) {
      const c: Case = { batch: 5, inputs: 3, units: 4, activation: 'relu', bias: true, inputGradient: true };
      const apart = run(backend, c, 7);
      const dy = apart.dy.slice();
      const dw = new Float32Array(12), db = new Float32Array(4), dx = new Float32Array(15);
      withBackend(backend, () =>
        getBackendImpl().denseBackward({ batch: 5, inputs: 3, units: 4 }, apart.x, apart.w, dy, { activation: 'relu', params: [0.1, 0], z: apart.z, dz: dy }, { dw, db, dx }),
      );
      expect(Array.from(dy)).toEqual(Array.from(apart.dz));
      expect(Array.from(dw)).toEqual(Array.from(apart.dw));
      expect(Array.from(dx)).toEqual(Array.from(apart.dx!));
    }
  });
});

describe.skipIf(jsOnly)('the addon refuses bad denseBackward arguments, naming them', () => {
  const addon = loadedAddon();
  const f = (n: number) => new Float32Array(n);
  // batch 2, inputs 3, units 4
  const call = (over: Partial<Record<number, unknown>>) => {
    const args: unknown[] = [f(6), f(12), f(8), 2, 3, 4, 0, 0, 0, f(8), f(8), f(12), f(4), f(6)];
    for (const [i, v] of Object.entries(over)) args[Number(i)] = v;
    return () => (addon.denseBackward as (...a: unknown[]) => void)(...args);
  };

  it('accepts a well-formed call, and nulls where allowed', () => {
    expect(call({})).not.toThrow();
    expect(call({ 6: -1, 9: null, 10: null, 12: null, 13: null })).not.toThrow();
  });

  it('TypeError for arrays of the wrong kind, and a missing z or dz with an activation', () => {
    expect(call({ 0: [0, 0, 0, 0, 0, 0] })).toThrow(/x must be a Float32Array or Float64Array/);
    expect(call({ 1: new Float64Array(12) })).toThrow(/w must be a Float32Array/);
    expect(call({ 11: null })).toThrow(/dw must be a Float32Array/);
    expect(call({ 9: null })).toThrow(/z must be a Float32Array when an activation is given/);
    expect(call({ 10: null })).toThrow(/dz must be a Float32Array when an activation is given/);
    expect(call({ 3: '2' })).toThrow(/batch must be a number/);
    for (const i of [0, 2, 9, 10, 11, 12, 13]) expect(call({ [i]: new Int32Array(4) })).toThrow(TypeError);
  });

  it('RangeError for wrong lengths, dimensions and activation indices', () => {
    expect(call({ 0: f(5) })).toThrow(/x must have length 6, got 5/);
    expect(call({ 2: f(9) })).toThrow(/dy must have length 8, got 9/);
    expect(call({ 12: f(3) })).toThrow(/db must have length 4, got 3/);
    expect(call({ 13: f(7) })).toThrow(/dx must have length 6, got 7/);
    expect(call({ 4: -1 })).toThrow(/inputs must be a non-negative integer/);
    expect(call({ 5: 2.5 })).toThrow(/units must be a non-negative integer/);
    expect(call({ 6: 999 })).toThrow(/activation must be -1 or an index into activationNames/);
    expect(call({ 6: 0.5 })).toThrow(RangeError);
  });
});
