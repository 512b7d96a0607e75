import { describe, expect, it } from 'vitest';
import {
  activationCurves, compareActivations, deadNeurons, decisionBoundary, dense, gradientFlow, loadDataset, makeMoons, saturation, sequential, sgd, tensor2d,
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
    // tanh'(x) = 1e-3 at |x| = atanh(sqrt(0.999)) = 4.14677...: the ends are the function's, not the nearest samples'
    const edge = Math.atanh(Math.sqrt(0.999));
    expect(tanh.vanishing).toHaveLength(2);
    expect(tanh.vanishing[0][0]).toBe(-6);
    expect(tanh.vanishing[0][1]).toBeCloseTo(-edge, 5);
    expect(tanh.vanishing[1][0]).toBeCloseTo(edge, 5);
    expect(tanh.vanishing[1][1]).toBe(6);
    expect(() => activationCurves(['nope'])).toThrow(/unknown activation 'nope'/);
    expect(() => activationCurves(['relu'], { from: 1, to: 0 })).toThrow(RangeError);
  });
});

describe('activationCurves: vanishing regions are a property of the function', () => {
  const CLASSIC = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'silu', 'gelu', 'mish', 'hardSigmoid', 'relu6'];

  it('are the same at any number of points', () => {
    const at = (points: number) => activationCurves(CLASSIC, { points }).curves.map((c) => [c.name, c.vanishing]);
    const reference = at(201);
    for (const points of [2, 11, 1000, 1001, 5000, 20_000]) expect(at(points), `${points} points`).toEqual(reference);
  });

  it("take no root of f' for a flat region (swish near -1.28, gelu near -0.75, mish near -1.19)", () => {
    for (const points of [1000, 1001, 5000]) {
      const [silu, gelu, mish] = activationCurves(['silu', 'gelu', 'mish'], { points }).curves;
      expect(silu.vanishing, `silu at ${points} points`).toEqual([]);
      expect(gelu.vanishing.every(([, b]) => b < -3), `gelu at ${points} points`).toBe(true);
      expect(mish.vanishing, `mish at ${points} points`).toEqual([]);
    }
  });

  it('judge a region whole where the range cuts it, and keep exact ends', () => {
    const [relu, hard] = activationCurves(['relu', 'hardSigmoid'], { from: -0.05, to: 3.02, points: 7 }).curves;
    expect(relu.vanishing).toEqual([[-0.05, 0]]); // 0.05 of a region that goes on to -inf
    expect(hard.vanishing).toEqual([[3, 3.02]]);
    const wide = activationCurves(['tanh'], { from: -1.7e308, to: 1.7e308, points: 3 }).curves[0];
    expect(wide.vanishing.map(([a, b]) => [a, Math.round(b * 1e3) / 1e3]).slice(0, 1)).toEqual([[-1.7e308, -4.147]]);
    expect(wide.vanishing[1].map((v) => Math.min(v, 1e9)).map((v) => Math.round(v * 1e3) / 1e3)).toEqual([4.147, 1e9]);
    expect(wide.vanishing[1][1]).toBe(1.7e308);
  });
});

describe('gradientFlow', () => {
  it('shows the vanishing-gradient signature: sigmoid falls by orders of magnitude with depth, relu does not', () => {
    // He initialisation keeps ReLU's gradient level with depth (under Glorot it shrinks ~0.7x a layer)
    const rows = gradientFlow({ activations: ['sigmoid', 'relu'], depths: [3, 15], seed: 1, kernelInitializer: 'heNormal' });
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

  it("is the classic setup by default: depth counts the sigmoid output, Glorot kernels, kernel and bias norms, canonical names", () => {
    const rows = gradientFlow({ activations: ['sigmoid', 'leaky_relu'], depths: [2, 3, 15], seed: 1 });
    expect(rows.map((r) => [r.activation, r.depth])).toEqual([['sigmoid', 2], ['sigmoid', 3], ['sigmoid', 15], ['leakyRelu', 2], ['leakyRelu', 3], ['leakyRelu', 15]]);
    for (const r of rows) {
      expect(r.layerNorms).toHaveLength(r.depth);
      expect(r.biasNorms).toHaveLength(r.depth);
      const all = [...r.layerNorms, ...r.biasNorms];
      expect(r.min).toBe(Math.min(...all));
      expect(r.max).toBe(Math.max(...all));
      expect(r.mean).toBeCloseTo(all.reduce((s, v) => s + v, 0) / all.length, 12);
    }
    const first = (activation: string, depth: number) => rows.find((r) => r.activation === activation && r.depth === depth)!.layerNorms[0];
    expect(first('sigmoid', 15) / first('sigmoid', 3)).toBeLessThan(1e-3);
    expect(() => gradientFlow({ activations: ['relu'], depths: [1] })).toThrow(/each depth counts every layer, the output included/);
    const he = gradientFlow({ activations: ['relu'], depths: [15], seed: 1, kernelInitializer: 'heNormal' })[0];
    expect(he.layerNorms[0]).toBeGreaterThan(10 * rows.find((r) => r.activation === 'leakyRelu' && r.depth === 15)!.layerNorms[0]);
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
    expect(sat).toMatchObject({ layer: 1, activation: 'tanh', units: 6, output: false });
    expect(dead.output).toBe(false);
    expect(sat.alwaysSaturatedFraction).toBeCloseTo(2 / 6, 12);
    expect(sat.saturatedFraction).toBeCloseTo(2 / 6, 12);
  });
});

describe('deadNeurons and saturation mark the output layer', () => {
  it('so the output sigmoid of a relu network is not read as a relu layer', () => {
    const model = sequential([dense(4, { activation: 'tanh', inputDim: 2 }), dense(3, { activation: 'relu' }), dense(1, { activation: 'sigmoid' })], { seed: 1 });
    const x = tensor2d([[1, 2], [-1, 0.5], [3, -2]]);
    expect(saturation(model, x).map((r) => [r.layer, r.activation, r.output])).toEqual([[0, 'tanh', false], [2, 'sigmoid', true]]);
    expect(deadNeurons(model, x).map((r) => [r.layer, r.activation, r.output])).toEqual([[1, 'relu', false]]);
  });
});

describe('decisionBoundary', () => {
  it('predicts both classes over a grid around a trained moons classifier', async () => {
    const { x, y } = makeMoons(200, { noise: 0.1, seed: 5 });
    const model = sequential([dense(16, { activation: 'tanh', inputDim: 2 }), dense(1, { activation: 'sigmoid' })], { seed: 2 });
    model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
    await model.fit(x, y, { epochs: 30, seed: 1, verbose: 0 });
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
    const result = await compareActivations({ dataset: 'breast-cancer', activations: ['relu', 'tanh'], epochs: 8, repeats: 2, onEpoch: (e) => epochs.push(e.epoch) });
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

  it('repeats over stratified splits and initial weights, so the spread is not zero', async () => {
    const result = await compareActivations({ dataset: 'breast-cancer', activations: ['leaky_relu', 'sigmoid'], epochs: 3, repeats: 4, splitSeed: 7, testSize: 0.25 });
    expect(result.results.map((r) => r.activation).sort()).toEqual(['leakyRelu', 'sigmoid']); // canonical names
    expect([result.repeats, result.testSize, result.splitSeed]).toEqual([4, 0.25, 7]);
    expect(result.xTest.rows).toBe(143);
    for (const r of result.results) {
      expect(r.runs.map((run) => [run.repeat, run.splitSeed, run.seed])).toEqual([[0, 7, 1], [1, 8, 2], [2, 9, 3], [3, 10, 4]]);
      expect(r.std.testAccuracy).toBeGreaterThan(0);
      expect(r.std.testLoss).toBeGreaterThan(0);
    }
    // the splits differ: the same weights seed on another split scores differently
    const one = await compareActivations({ dataset: 'breast-cancer', activations: ['relu'], epochs: 3, splitSeed: 7 });
    const other = await compareActivations({ dataset: 'breast-cancer', activations: ['relu'], epochs: 3, splitSeed: 8 });
    expect(Array.from(one.yTest)).not.toEqual(Array.from(other.yTest));
  });

  it("refuses the old 'seeds' and bad repeats, testSize and splitSeed before any training", async () => {
    const start = Date.now();
    await expect(compareActivations({ dataset: 'iris', activations: ['relu'], seeds: [1, 2] } as never)).rejects.toThrow(new TypeError("compareActivations()'s option 'seeds' is now 'repeats' (a count: repeat r uses split seed splitSeed + r and weight seed r + 1)"));
    await expect(compareActivations({ dataset: 'iris', activations: ['relu'], repeats: 0 })).rejects.toThrow(new RangeError('repeats must be an integer from 1 to 10000, got 0'));
    await expect(compareActivations({ dataset: 'iris', activations: ['relu'], testSize: 1 })).rejects.toThrow(new RangeError('testSize must be a number in (0, 1), got 1'));
    await expect(compareActivations({ dataset: 'iris', activations: ['relu'], splitSeed: 0.5 })).rejects.toThrow(new RangeError('splitSeed must be an integer, got 0.5'));
    await expect(compareActivations({ dataset: 'iris', activations: ['relu', 'nope'] })).rejects.toThrow(/unknown activation 'nope'/);
    await expect(compareActivations({ dataset: 'iris', activations: ['relu'], batchSize: 'half' as never })).rejects.toThrow(new TypeError("batchSize must be a positive integer or 'full', got \"half\""));
    await expect(compareActivations({ dataset: 'iris', activations: ['relu'], features: 2 })).rejects.toThrow(new RangeError("features applies only to the 'classification' dataset, got dataset \"iris\""));
    await expect(compareActivations({ dataset: 'classification', activations: ['relu'], dataSeed: 1.5 })).rejects.toThrow(new RangeError('dataSeed must be an integer, got 1.5'));
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it("runs STUDY D's from-scratch setup: 2-feature classification, full-batch gradient descent, training accuracy per run", async () => {
    const data = loadDataset('classification', 42, 2);
    expect([data.x.rows, data.x.cols]).toEqual([1000, 2]);
    expect(new Set(data.y)).toEqual(new Set([0, 1]));
    expect(loadDataset('classification', 43, 2).x.data).not.toEqual(data.x.data);
    expect(loadDataset('classification').x.cols).toBe(10);
    const setup = { dataset: 'classification', features: 2, dataSeed: 42, activations: ['tanh'], hidden: [10, 10], dropout: 0, epochs: 40 } as const;
    const full = await compareActivations({ ...setup, batchSize: 'full', optimizer: sgd({ learningRate: 0.1 }) });
    expect([full.xTrain.rows, full.xTrain.cols]).toEqual([800, 2]);
    // 'full' is one batch of every training sample: the same run as batchSize 800, another than batches of 32
    const explicit = await compareActivations({ ...setup, batchSize: 800, optimizer: sgd({ learningRate: 0.1 }) });
    const batches = await compareActivations({ ...setup, batchSize: 32, optimizer: sgd({ learningRate: 0.1 }) });
    const losses = (c: typeof full) => c.results[0].runs[0].history.loss;
    expect(losses(full)).toEqual(losses(explicit));
    expect(losses(full)).not.toEqual(losses(batches));
    const [result] = full.results;
    expect(result.runs[0].trainAccuracy).toBe(result.model.evaluate(full.xTrain, full.yTrain).accuracy);
    expect(result.mean.trainAccuracy).toBeGreaterThan(0.8);
    expect(result.std.trainAccuracy).toBe(0);
  });
});
