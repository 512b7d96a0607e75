import { describe, expect, it } from 'vitest';
import {
  activationCurves, compareActivations, deadNeurons, decisionBoundary, dense, gradientFlow, makeMoons, saturation, sequential, tensor2d,
} from '../../src/index.js';

describe('activationCurves', () => {
  it('samples f and f, with properties, max |f\'| and the vanishing intervals', () => {
    const { x, curves } = activationCurves(['sigmoid', 'relu', { name: 'leaky_relu', params: { alpha: 0.1 } }], { from: -6, to: 6, points: 121 });
    expect(x).toHaveLength(121);
    const [sigmoid, relu, leaky] = curves;
    expect(sigmoid.maxAbsDerivative).toBeCloseTo(0.25, 12);
    expect(sigmoid.properties.rangeText).toBe('(0, 1)');
    expect(sigmoid.vanishing).toEqual([]); // sigmoid'(6) = 0.0025
    expect(relu.vanishing).toEqual([[-6, 0]]); // relu'(0) = 0 by convention
    expect(leaky.name).toBe('leakyRelu');
    expect(leaky.vanishing).toEqual([]);
    const tanh = activationCurves(['tanh'], { from: -6, to: 6, points: 121 }).curves[0];
    expect(tanh.vanishing.map(([a, b]) => [a, b].map((v) => Math.round(v * 10) / 10))).toEqual([[-6, -4.2], [4.2, 6]]);
    expect(() => activationCurves(['nope'])).toThrow(/unknown activation 'nope'/);
    expect(() => activationCurves(['relu'], { from: 1, to: 0 })).toThrow(RangeError);
  });
});

describe('gradientFlow', () => {
  it('shows the vanishing-gradient signature: sigmoid falls by orders of magnitude with depth, relu does not', () => {
    const rows = gradientFlow({ activations: ['sigmoid', 'relu'], depths: [3, 15], seed: 1 });
    expect(rows).toHaveLength(4);
    const first = (activation: string, depth: number) => rows.find((r) => r.activation === activation && r.depth === depth)!.layerNorms[0];
    expect(first('sigmoid', 15) / first('sigmoid', 3)).toBeLessThan(1e-3);
    expect(first('relu', 15) / first('relu', 3)).toBeGreaterThan(1e-1);
    for (const r of rows) {
      expect(r.layerNorms).toHaveLength(r.depth);
      expect(r.min).toBeLessThanOrEqual(r.mean);
      expect(r.max).toBeGreaterThanOrEqual(r.mean);
    }
  });
});

describe('deadNeurons and saturation', () => {
  it('finds units that never fire and units stuck on a flat part', () => {
    const model = sequential([dense(8, { activation: 'relu', inputDim: 2 }), dense(6, { activation: 'tanh' }), dense(1)], { seed: 3 });
    const x = tensor2d([[1, 2], [-1, 0.5], [0.3, -2], [2, 2]]);
    const [w1, b1, w2, b2] = model.getWeights();
    b1.fill(0).fill(-100, 0, 3); // three relu units pushed far below zero: dead
    w2.fill(0);
    b2.fill(0).fill(50, 0, 2); // two tanh units pinned at tanh(50): saturated
    model.setWeights([w1, b1, w2, b2, ...model.getWeights().slice(4)]);
    const [dead] = deadNeurons(model, x);
    expect(dead).toMatchObject({ layer: 0, activation: 'relu', units: 8, dead: 3 });
    expect(dead.deadFraction).toBeCloseTo(3 / 8, 12);
    const [sat] = saturation(model, x);
    expect(sat).toMatchObject({ layer: 1, activation: 'tanh', units: 6 });
    expect(sat.alwaysSaturatedFraction).toBeCloseTo(2 / 6, 12);
    expect(sat.saturatedFraction).toBeCloseTo(2 / 6, 12);
  });
});

describe('decisionBoundary', () => {
  it('predicts both classes over a grid around a trained moons classifier', async () => {
    const { x, y } = makeMoons(200, { noise: 0.1, seed: 5 });
    const model = sequential([dense(16, { activation: 'tanh', inputDim: 2 }), dense(1, { activation: 'sigmoid' })], { seed: 2 });
    model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
    await model.fit(x, y, { epochs: 30, seed: 1 });
    const grid = decisionBoundary(model, x, y, { resolution: 40 });
    expect(grid.xs).toHaveLength(40);
    expect(grid.classes).toHaveLength(1600);
    expect(new Set(grid.classes)).toEqual(new Set([0, 1]));
    expect(grid.points).toHaveLength(200);
    expect(() => decisionBoundary(model, tensor2d([[1, 2, 3]]), [0])).toThrow('decisionBoundary needs 2-D inputs, x has 3 features');
  });
});

describe('compareActivations', () => {
  it('trains one network per activation on breast-cancer and sorts by test accuracy', async () => {
    const epochs: number[] = [];
    const result = await compareActivations({ dataset: 'breast-cancer', activations: ['relu', 'tanh'], epochs: 8, seeds: [1, 2], onEpoch: (e) => epochs.push(e.epoch) });
    expect(result.dataset).toBe('breast-cancer');
    expect(result.results.map((r) => r.activation).sort()).toEqual(['relu', 'tanh']);
    expect(result.results[0].mean.testAccuracy).toBeGreaterThanOrEqual(result.results[1].mean.testAccuracy);
    for (const r of result.results) {
      expect(r.runs).toHaveLength(2);
      expect(r.mean.testAccuracy).toBeGreaterThan(0.9);
      expect(r.runs[0].history.loss).toHaveLength(8);
      expect(r.runs[0].convergenceEpoch).toBeGreaterThanOrEqual(1);
    }
    expect(epochs).toHaveLength(2 * 2 * 8);
    await expect(compareActivations({ dataset: 'mnist' as never, activations: ['relu'] })).rejects.toThrow(/dataset must be one of breast-cancer, iris, moons, circles, classification/);
  });
});
