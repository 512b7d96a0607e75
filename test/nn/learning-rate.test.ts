import { describe, expect, it } from 'vitest';
import { dense, learningRateScheduler, reduceLROnPlateau, sequential, sgd, tensor2d, type Callback } from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';

/**
 * Callbacks that change the learning rate, checked by what training does with it. The model is one
 * weight w, no bias, fitting x = 1 to y = 0 with mse and plain sgd: the loss is w^2, its gradient
 * 2w, so each step (one per epoch) multiplies w by exactly 1 - 2 lr for the lr in force.
 */
function oneWeight(learningRate: number) {
  const model = sequential([dense(1, { inputDim: 1, useBias: false })], { seed: 1 });
  model.setWeights([Float32Array.of(1)]);
  return model.compile({ optimizer: sgd({ learningRate }), loss: 'mse' });
}

/** Records the learning rate each epoch starts with and the weight each ends with. */
function recorder() {
  const rates: number[] = [];
  const weights: number[] = [];
  const cb: Callback = {
    onEpochBegin: (_e, model) => void rates.push(model.optimizer.learningRate),
    onEpochEnd: (_e, _logs, model) => void weights.push(model.getWeights()[0][0]),
  };
  return { rates, weights, cb };
}

/** The learning rate each epoch's step used, read back from the weights: w_e = w_{e-1} (1 - 2 lr). */
const usedRates = (weights: number[]) => weights.map((w, i) => (1 - w / (i === 0 ? 1 : weights[i - 1])) / 2);

describe('reduceLROnPlateau', () => {
  for (const backend of testedBackends) {
    it(`${backend}: multiplies the rate by factor after patience epochs without improvement, down to minLr, and training uses it`, async () => {
      await withBackend(backend, async () => {
        const model = oneWeight(0.1);
        const rec = recorder();
        // minDelta 100: nothing after the first epoch counts as an improvement
        const reducer = reduceLROnPlateau({ monitor: 'loss', factor: 0.5, patience: 2, minDelta: 100, minLr: 0.02 });
        await model.fit(tensor2d([[1]]), [0], { epochs: 10, batchSize: 1, verbose: 0, callbacks: [rec.cb, reducer] });
        const expected = [0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02, 0.02];
        expect(rec.rates).toEqual(expected);
        usedRates(rec.weights).forEach((lr, i) => expect(lr, `epoch ${i}`).toBeCloseTo(expected[i], 5));
        expect(reducer.reductions).toEqual([2, 4, 6]);
        expect(model.optimizer.learningRate).toBe(0.02);
        expect(model.toConfig().compile?.optimizer.hyper.learningRate).toBe(0.02); // a save keeps the reduced rate
      });
    });
  }

  it('waits cooldown epochs after a reduction, and leaves the rate alone while the log improves', async () => {
    const model = oneWeight(0.1);
    // Keras' counting: the cooldown counter drops at the start of each epoch's check, so the epoch
    // where it reaches 0 counts again; cooldown 3 leaves out two epochs after each reduction
    const reducer = reduceLROnPlateau({ monitor: 'loss', factor: 0.5, patience: 1, minDelta: 100, cooldown: 3 });
    await model.fit(tensor2d([[1]]), [0], { epochs: 8, batchSize: 1, verbose: 0, callbacks: [reducer] });
    expect(reducer.reductions).toEqual([1, 4, 7]);
    const withoutCooldown = reduceLROnPlateau({ monitor: 'loss', factor: 0.5, patience: 1, minDelta: 100 });
    await oneWeight(0.1).fit(tensor2d([[1]]), [0], { epochs: 4, batchSize: 1, verbose: 0, callbacks: [withoutCooldown] });
    expect(withoutCooldown.reductions).toEqual([1, 2, 3]);
    const improving = reduceLROnPlateau({ monitor: 'loss', patience: 1 });
    const other = oneWeight(0.1);
    await other.fit(tensor2d([[1]]), [0], { epochs: 5, batchSize: 1, verbose: 0, callbacks: [improving] });
    expect(improving.reductions).toEqual([]);
    expect(other.optimizer.learningRate).toBe(0.1);
  });

  it("monitors val_loss by default, takes Keras' names, and refuses a factor outside (0, 1)", async () => {
    expect(() => reduceLROnPlateau({ factor: 1 })).toThrow(/factor must be in \(0, 1\)/);
    const model = oneWeight(0.1);
    await expect(model.fit([[1]], [0], { verbose: 0, callbacks: [reduceLROnPlateau()] })).rejects.toThrow(/monitors 'valLoss', which training does not log/);
    const keras = reduceLROnPlateau({ monitor: 'val_loss', patience: 0, minDelta: 100 });
    await model.fit([[1], [1]], [0, 0], { epochs: 2, batchSize: 2, validationSplit: 0.5, verbose: 0, callbacks: [keras] });
    expect(keras.reductions).toEqual([1]);
  });
});

describe('learningRateScheduler', () => {
  for (const backend of testedBackends) {
    it(`${backend}: sets the rate before each epoch from (epoch, current rate), and training uses it`, async () => {
      await withBackend(backend, async () => {
        const model = oneWeight(0.2);
        const rec = recorder();
        const calls: Array<[number, number]> = [];
        const schedule = learningRateScheduler((epoch, lr) => {
          calls.push([epoch, lr]);
          return epoch === 0 ? lr : lr / 2;
        });
        await model.fit(tensor2d([[1]]), [0], { epochs: 4, batchSize: 1, verbose: 0, callbacks: [schedule, rec.cb] });
        expect(calls).toEqual([[0, 0.2], [1, 0.2], [2, 0.1], [3, 0.05]]);
        expect(rec.rates).toEqual([0.2, 0.1, 0.05, 0.025]);
        usedRates(rec.weights).forEach((lr, i) => expect(lr, `epoch ${i}`).toBeCloseTo(rec.rates[i], 5));
      });
    });
  }

  it('refuses a schedule that is not a function or returns no positive rate', async () => {
    expect(() => learningRateScheduler(0.1 as never)).toThrow(TypeError);
    await expect(oneWeight(0.1).fit([[1]], [0], { verbose: 0, callbacks: [learningRateScheduler(() => -1)] })).rejects.toThrow(/returned -1 for epoch 0/);
  });
});
