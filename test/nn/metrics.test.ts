import { describe, expect, it } from 'vitest';
import { adam, dense, makeMoons, sequential, sgd, tensor2d, trainTestSplit } from '../../src/index.js';
import { rocAuc } from '../../src/nn/auc.js';
import { resolveMetrics } from '../../src/nn/metrics.js';
import { testedBackends, withBackend } from '../support/backends.js';

/**
 * Metrics beyond accuracy, against values worked out by hand. A linear model y = 1 * x + 0 outputs
 * its input, so each case states the scores directly.
 */
const SCORES = [0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2, 0.7, 0.1];
const LABELS = [1, 1, 0, 1, 0, 1, 0, 0, 1, 0];
// predicted positive (> 0.5): samples 0, 1, 2, 3, 4, 8 -> TP 4 (0, 1, 3, 8), FP 2 (2, 4); FN 1 (5)
// AUC: the positives 0.9, 0.8, 0.6, 0.4, 0.7 beat 5, 5, 4, 3 and 4 of the negatives 0.7, 0.55, 0.3,
// 0.2, 0.1, and 0.7 ties one (a half): 21.5 / 25
const HAND = { precision: 4 / 6, recall: 4 / 5, auc: 21.5 / 25, mse: 1.5925 / 10, mae: 3.45 / 10 };

function identity(metrics: string[]) {
  const model = sequential([dense(1, { inputDim: 1 })], { seed: 1 });
  model.setWeights([Float32Array.of(1), Float32Array.of(0)]);
  return model.compile({ optimizer: sgd(), loss: 'mse', metrics: metrics as never });
}

describe('rocAuc', () => {
  it('is the fraction of positive-negative pairs ranked right, ties counting a half', () => {
    expect(rocAuc(SCORES, LABELS)).toBeCloseTo(0.86, 12);
    expect(rocAuc([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.3, 0.4], [1, 1, 0, 0])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
    // one positive at 0.5 tied with one of two negatives, above the other: (1 + 0.5) / 2
    expect(rocAuc([0.5, 0.5, 0.2], [1, 0, 0])).toBe(0.75);
  });

  it('is NaN when a class is missing (undefined, not 0)', () => {
    expect(rocAuc([0.1, 0.9], [1, 1])).toBeNaN();
    expect(rocAuc([], [])).toBeNaN();
  });
});

describe('compile({ metrics })', () => {
  it("takes Keras' names in any case and snake_case", () => {
    expect(resolveMetrics(['AUC', 'Precision', 'recall', 'mean_squared_error', 'meanAbsoluteError', 'acc'])).toEqual(['auc', 'precision', 'recall', 'mse', 'mae', 'accuracy']);
    expect(() => resolveMetrics(['precison'])).toThrow(/did you mean 'precision'/);
  });

  it('refuses a binary or regression metric on class-index targets, before training', async () => {
    const model = sequential([dense(2, { inputDim: 1, activation: 'softmax' })], { seed: 1 });
    model.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy', metrics: ['auc'] });
    const before = model.getWeights();
    await expect(model.fit([[1], [2]], Int32Array.from([0, 1]), { verbose: 0 })).rejects.toThrow(/metric 'auc' .* class indices/);
    expect(model.getWeights()).toEqual(before);
    expect(() => model.evaluate([[1]], Int32Array.from([0]))).toThrow(RangeError);
  });
});

describe('metric values', () => {
  for (const backend of testedBackends) {
    it(`${backend}: evaluate gives the hand-computed precision, recall, AUC, mse and mae, across batches`, () => {
      withBackend(backend, () => {
        const model = identity(['precision', 'recall', 'auc', 'mse', 'mae']);
        const x = tensor2d(SCORES.map((s) => [s]));
        for (const batchSize of [10, 3]) {
          const result = model.evaluate(x, LABELS, { batchSize });
          expect(Object.keys(result)).toEqual(['loss', 'precision', 'recall', 'auc', 'mse', 'mae']);
          for (const [k, v] of Object.entries(HAND)) expect(result[k as keyof typeof HAND], k).toBeCloseTo(v, 6);
          expect(result.loss).toBeCloseTo(HAND.mse, 6);
        }
      });
    });

    it(`${backend}: precision and recall are 0 when undefined (no predicted or no actual positives), as Keras`, () => {
      withBackend(backend, () => {
        const result = identity(['precision', 'recall']).evaluate([[0.1], [0.2]], [0, 0]);
        expect(result.precision).toBe(0);
        expect(result.recall).toBe(0);
      });
    });

    it(`${backend}: fit reports each metric and its val variant (both spellings); the last val values are evaluate's`, async () => {
      await withBackend(backend, async () => {
        const { x, y } = makeMoons(120, { noise: 0.2, seed: 4 });
        const split = trainTestSplit(x, y, { testSize: 0.25, seed: 2 });
        const model = sequential([dense(8, { inputDim: 2, activation: 'tanh' }), dense(1, { activation: 'sigmoid' })], { seed: 3 });
        model.compile({ optimizer: adam({ learningRate: 0.05 }), loss: 'binaryCrossentropy', metrics: ['accuracy', 'precision', 'recall', 'auc', 'mse', 'mae'] });
        const epochs = 20;
        const history = await model.fit(split.xTrain, split.yTrain, { epochs, batchSize: 16, seed: 1, validationData: [split.xTest, split.yTest], verbose: 0 });
        const names = ['loss', 'accuracy', 'precision', 'recall', 'auc', 'mse', 'mae'];
        const valNames = ['valLoss', 'valAccuracy', 'valPrecision', 'valRecall', 'valAuc', 'valMse', 'valMae'];
        expect(Object.keys(history.history)).toEqual([...names, ...valNames]);
        for (const [i, name] of valNames.entries()) {
          const keras = `val_${names[i]}`;
          expect(history.history[keras], keras).toBe(history.history[name]); // the same array
        }
        const evaluated = model.evaluate(split.xTest, split.yTest);
        for (const [i, name] of names.entries()) expect(history.history[valNames[i]][epochs - 1], name).toBeCloseTo(evaluated[name as keyof typeof evaluated]!, 6);
        for (const name of ['precision', 'recall', 'auc']) for (const v of history.history[name]) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
        // the AUC of the predictions, computed apart; a trained model separates the moons
        expect(evaluated.auc).toBeCloseTo(rocAuc(model.predict(split.xTest).data, Array.from(split.yTest)), 12);
        expect(evaluated.auc).toBeGreaterThan(0.85);
        expect(history.history.auc[epochs - 1]).toBeGreaterThan(history.history.auc[0]);
      });
    });
  }

  it('the training logs carry each metric per batch, AUC only at the end of the epoch (it sorts every score)', async () => {
    const model = identity(['precision', 'auc']);
    const batchLogs: Array<Record<string, number>> = [];
    const epochLogs: Array<Record<string, number>> = [];
    await model.fit(tensor2d(SCORES.map((s) => [s])), LABELS, {
      epochs: 1, batchSize: 5, shuffle: false, verbose: 0,
      callbacks: { onBatchEnd: (_b, logs) => void batchLogs.push({ ...logs }), onEpochEnd: (_e, logs) => void epochLogs.push({ ...logs }) },
    });
    expect(Object.keys(batchLogs[0])).toEqual(['loss', 'precision']);
    expect(Object.keys(epochLogs[0])).toEqual(['loss', 'precision', 'auc']);
  });
});
