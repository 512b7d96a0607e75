import { describe, expect, it } from 'vitest';
import { dense, sequential, sgd, tensor2d } from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';

/**
 * fit's sampleWeight and classWeight (Keras' semantics): the batch loss is the mean over the batch
 * of weight x per-sample loss, and the step follows the same weighted mean of per-sample gradients.
 * Both are checked against per-sample losses and gradients computed one sample at a time.
 */
const X = [[0.5, -1, 0.25], [1.5, 0.3, -0.7], [-0.2, 0.8, 1.1], [0.9, -0.4, 0.05]];
const Y = [[0.3, -1], [1, 0.5], [-0.5, 0.2], [2, -0.3]];
const W = [1, 0, 2, 0.5];

const regression = (learningRate: number) =>
  sequential([dense(4, { inputDim: 3, activation: 'tanh' }), dense(2)], { seed: 11 }).compile({ optimizer: sgd({ learningRate }), loss: 'mse' });

describe('sampleWeight', () => {
  for (const backend of testedBackends) {
    it(`${backend}: the reported loss is the mean of weight x per-sample loss`, async () => {
      await withBackend(backend, async () => {
        const model = regression(1e-30); // the step moves nothing
        const perSample = X.map((row, i) => model.evaluate([row], [Y[i]]).loss);
        const expected = perSample.reduce((s, l, i) => s + W[i] * l, 0) / X.length;
        const history = await model.fit(tensor2d(X), tensor2d(Y), { epochs: 1, batchSize: 4, shuffle: false, sampleWeight: W, verbose: 0 });
        expect(history.loss[0]).toBeCloseTo(expected, 6);
        const unweighted = perSample.reduce((s, l) => s + l, 0) / X.length;
        expect(Math.abs(history.loss[0] - unweighted)).toBeGreaterThan(1e-3); // the weights changed it
      });
    });

    it(`${backend}: the step follows the weighted mean of per-sample gradients`, async () => {
      await withBackend(backend, async () => {
        const lr = 0.1;
        const reference = regression(lr);
        const before = reference.getWeights();
        const step = before.map((w) => new Float64Array(w.length));
        X.forEach((row, i) => {
          const { params } = reference.computeGradients([row], [Y[i]]);
          params.forEach((p, j) => p.grad.forEach((g, k) => (step[j][k] += (lr * W[i] * g) / X.length)));
        });
        const model = regression(lr);
        await model.fit(tensor2d(X), tensor2d(Y), { epochs: 1, batchSize: 4, shuffle: false, sampleWeight: Float32Array.from(W), verbose: 0 });
        model.getWeights().forEach((w, j) => w.forEach((v, k) => expect(v).toBeCloseTo(before[j][k] - step[j][k], 5)));
      });
    });
  }

  it('refuses weights of the wrong count, negative or not finite', async () => {
    const model = regression(0.1);
    await expect(model.fit(X, tensor2d(Y), { sampleWeight: [1, 2], verbose: 0 })).rejects.toThrow('sampleWeight has 2 weights, but x has 4 samples');
    await expect(model.fit(X, tensor2d(Y), { sampleWeight: [1, -1, 1, 1], verbose: 0 })).rejects.toThrow(/sampleWeight\[1\] must be a finite number >= 0/);
    await expect(model.fit(X, tensor2d(Y), { sampleWeight: [1, NaN, 1, 1], verbose: 0 })).rejects.toThrow(RangeError);
  });
});

describe('classWeight', () => {
  const x = tensor2d([[0, 1], [1, 0], [0.5, 0.5], [1, 1], [0.2, 0.9], [0.8, 0.1], [0.3, 0.3], [0.9, 0.7]]);
  const y = [0, 1, 0, 1, 1, 1, 0, 1];
  const binary = () => sequential([dense(3, { inputDim: 2, activation: 'relu' }), dense(1, { activation: 'sigmoid' })], { seed: 5 })
    .compile({ optimizer: sgd({ learningRate: 0.5 }), loss: 'binaryCrossentropy' });

  for (const backend of testedBackends) {
    it(`${backend}: weighs each sample by its class, as the same sampleWeight does (through shuffling and validationSplit)`, async () => {
      await withBackend(backend, async () => {
        const options = { epochs: 3, batchSize: 3, seed: 2, validationSplit: 0.25, verbose: 0 } as const;
        const byClass = binary();
        const h1 = await byClass.fit(x, y, { ...options, classWeight: { 0: 1, 1: 3 } });
        const bySample = binary();
        const h2 = await bySample.fit(x, y, { ...options, sampleWeight: y.map((c) => (c === 1 ? 3 : 1)) });
        expect(byClass.getWeights()).toEqual(bySample.getWeights());
        expect(h1.history).toEqual(h2.history);
        const plain = binary();
        const h3 = await plain.fit(x, y, options);
        expect(h3.loss[0]).not.toBeCloseTo(h1.loss[0], 4);
        // validation is unweighted, and the first validation follows the first epoch's (different) steps
        expect(h3.valLoss[0]).not.toBe(h1.valLoss[0]);
      });
    });
  }

  it('multiplies with sampleWeight; a class it leaves out weighs 1; one-hot targets use their class', async () => {
    const a = binary();
    const b = binary();
    const options = { epochs: 2, batchSize: 4, seed: 1, verbose: 0 } as const;
    await a.fit(x, y, { ...options, classWeight: { 1: 2 }, sampleWeight: [1, 1, 1, 1, 3, 3, 3, 3] });
    await b.fit(x, y, { ...options, sampleWeight: y.map((c, i) => (c === 1 ? 2 : 1) * (i < 4 ? 1 : 3)) });
    expect(a.getWeights()).toEqual(b.getWeights());
    const softmax = () => sequential([dense(2, { inputDim: 2, activation: 'softmax' })], { seed: 2 }).compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    const oneHot = tensor2d(y.map((c) => (c === 1 ? [0, 1] : [1, 0])));
    const c = softmax();
    const d = softmax();
    await c.fit(x, oneHot, { ...options, classWeight: { 0: 4 } });
    await d.fit(x, oneHot, { ...options, sampleWeight: y.map((k) => (k === 0 ? 4 : 1)) });
    expect(c.getWeights()).toEqual(d.getWeights());
  });

  it('refuses keys that are not class indices and targets that are not classes', async () => {
    await expect(binary().fit(x, y, { classWeight: { a: 1 } as never, verbose: 0 })).rejects.toThrow("classWeight keys must be class indices, got 'a'");
    const model = sequential([dense(1, { inputDim: 2 })], { seed: 1 }).compile({ optimizer: 'sgd', loss: 'mse' });
    await expect(model.fit(x, y.map((v) => v + 0.5), { classWeight: { 0: 2 }, verbose: 0 })).rejects.toThrow(/classWeight needs class labels, but y\[0\] is 0.5/);
  });
});
