import { describe, expect, it } from 'vitest';
import { adam, adamw, dense, earlyStopping, rmsprop, sequential, sgd, tensor2d, type LossArg, type LossName, type Sequential } from '../../src/index.js';

/** The spellings a Keras user types, taken where they are unambiguous, with the effect of the canonical one. */

const compiled = (loss: LossArg, optimizer: Parameters<Sequential['compile']>[0]['optimizer'] = 'adam') =>
  sequential([dense(3, { inputDim: 2, activation: 'relu' }), dense(2, { activation: 'softmax' })], { seed: 5 }).compile({ optimizer, loss });

describe('loss names in snake_case (and any case)', () => {
  const cases: Array<[string, string]> = [
    ['binary_crossentropy', 'binaryCrossentropy'],
    ['categorical_crossentropy', 'categoricalCrossentropy'],
    ['sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy'],
    ['mean_squared_error', 'meanSquaredError'],
    ['mean_absolute_error', 'meanAbsoluteError'],
    ['mse', 'meanSquaredError'],
    ['MSE', 'meanSquaredError'],
    ['BinaryCrossentropy', 'binaryCrossentropy'],
  ];
  it.each(cases)("'%s' is %s", (keras, canonical) => {
    expect(compiled(keras as LossArg).toConfig().compile!.loss).toEqual(compiled(canonical as LossArg).toConfig().compile!.loss);
    expect(compiled({ name: keras as LossName }).toConfig().compile!.loss.name).toBe(canonical);
  });

  it("trains the same with 'sparse_categorical_crossentropy' as with its canonical name", async () => {
    const x = tensor2d([[0, 1], [1, 0], [1, 1], [0, 0]]);
    const y = Int32Array.from([0, 1, 1, 0]);
    const a = await compiled('sparse_categorical_crossentropy' as LossArg).fit(x, y, { epochs: 3, seed: 1, verbose: 0 });
    const b = await compiled('sparseCategoricalCrossentropy').fit(x, y, { epochs: 3, seed: 1, verbose: 0 });
    expect(a.loss).toEqual(b.loss);
  });

  it('still refuses a loss it does not have, suggesting the near one', () => {
    expect(() => compiled('binary_crossentropi' as LossArg)).toThrow(/loss must be one of .*did you mean 'binaryCrossentropy'\?/);
    expect(() => compiled('hinge' as LossArg)).toThrow(RangeError);
  });
});

describe('optimizer names in any case', () => {
  it.each([['Adam', adam], ['ADAM', adam], ['SGD', sgd], ['RMSprop', rmsprop], ['AdamW', adamw]] as const)("'%s' builds the same optimizer as its factory's defaults", (name, factory) => {
    expect(compiled('mse', name).toConfig().compile!.optimizer).toEqual(factory());
    expect(compiled('mse', name).toConfig().compile!.optimizer).toEqual(compiled('mse', name.toLowerCase()).toConfig().compile!.optimizer);
  });

  it('suggests the near name for a misspelt one', () => {
    expect(() => compiled('mse', 'adma')).toThrow(/optimizer must be one of .*did you mean 'adam'\?/);
  });
});

describe("metric 'acc'", () => {
  it('is accuracy: logged in the history and returned by evaluate', async () => {
    const model = sequential([dense(2, { inputDim: 2, activation: 'softmax' })], { seed: 2 }).compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
    const x = tensor2d([[0, 1], [1, 0]]);
    const y = Int32Array.from([0, 1]);
    const history = await model.fit(x, y, { epochs: 2, verbose: 0 });
    expect(history.history.accuracy).toHaveLength(2);
    expect(model.evaluate(x, y).accuracy).toBeTypeOf('number');
    expect(model.toConfig().compile!.metrics).toEqual(['accuracy']);
  });
});

describe('inputShape: [n] on the first dense layer', () => {
  it('is inputDim n: the model is built with the same weights', () => {
    const a = sequential([dense(16, { inputShape: [4] }), dense(1)], { seed: 3 });
    const b = sequential([dense(16, { inputDim: 4 }), dense(1)], { seed: 3 });
    expect(a.built).toBe(true);
    expect(a.getWeights()).toEqual(b.getWeights());
    expect(a.layers[0].toConfig()).toEqual(b.layers[0].toConfig());
  });

  it('refuses other shapes (RangeError), non-arrays and inputDim with it (TypeError)', () => {
    expect(() => dense(4, { inputShape: [4, 2] as never })).toThrow(RangeError);
    expect(() => dense(4, { inputShape: [4, 2] as never })).toThrow(/inputShape must be \[n\]/);
    expect(() => dense(4, { inputShape: [] as never })).toThrow(RangeError);
    expect(() => dense(4, { inputShape: [0] })).toThrow(/inputShape\[0\] must be an integer from 1 to 16777216/);
    expect(() => dense(4, { inputShape: 4 as never })).toThrow(new TypeError('inputShape must be an array [n], got number'));
    expect(() => dense(4, { inputShape: [4], inputDim: 4 })).toThrow(new TypeError('dense() takes inputDim or inputShape, not both'));
  });
});

describe('validationSplit (Keras semantics)', () => {
  // Ten samples: the last two are the only ones labelled 1, so which rows are held out matters.
  const x = tensor2d(Array.from({ length: 10 }, (_, i) => [i / 10, 1 - i / 10]));
  const y = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  const fresh = () => sequential([dense(2, { inputDim: 2, activation: 'softmax' })], { seed: 4 }).compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

  it('holds out the last fraction of the samples, taken before shuffling, and logs valLoss on it', async () => {
    const split = fresh();
    const history = await split.fit(x, y, { epochs: 1, batchSize: 3, seed: 9, validationSplit: 0.2, verbose: 0 });
    expect(history.valLoss).toHaveLength(1);
    expect(history.history.valAccuracy).toHaveLength(1);
    // the validation loss is the loss on rows 8 and 9 ...
    expect(history.valLoss[0]).toBe(split.evaluate(x.sliceRows(8, 10), y.subarray(8)).loss);
    // ... and training saw exactly rows 0..7, shuffled with the same seed
    const firstRows = fresh();
    await firstRows.fit(x.sliceRows(0, 8), y.subarray(0, 8), { epochs: 1, batchSize: 3, seed: 9, verbose: 0 });
    expect(split.getWeights()).toEqual(firstRows.getWeights());
  });

  it('refuses validationData beside it, and a fraction outside (0, 1)', async () => {
    await expect(fresh().fit(x, y, { validationSplit: 0.2, validationData: [x, y] })).rejects.toThrow(new TypeError('fit() takes validationData or validationSplit, not both'));
    for (const bad of [0, 1, 1.5, -0.1]) await expect(fresh().fit(x, y, { validationSplit: bad })).rejects.toThrow(RangeError);
  });
});

describe("earlyStopping's monitor in Keras' names", () => {
  it("'val_loss' watches valLoss", async () => {
    const x = tensor2d([[0, 1], [1, 0], [1, 1], [0, 0], [0.5, 0.5]]);
    const y = Int32Array.from([0, 1, 1, 0, 1]);
    const stopper = earlyStopping({ monitor: 'val_loss', patience: 0, minDelta: 1e9 });
    const model = sequential([dense(2, { inputDim: 2, activation: 'softmax' })], { seed: 1 }).compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
    const history = await model.fit(x, y, { epochs: 5, validationSplit: 0.4, callbacks: [stopper], verbose: 0 });
    // the first epoch is the best, nothing improves on it by 1e9: it stops after the second (an unlogged name would throw)
    expect(stopper.bestEpoch).toBe(0);
    expect(stopper.stoppedEpoch).toBe(1);
    expect(history.epoch).toEqual([0, 1]);
  });

  it('a name it does not log is still an error, with a suggestion', async () => {
    const model = sequential([dense(2, { inputDim: 2, activation: 'softmax' })], { seed: 1 }).compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
    await expect(model.fit([[0, 1]], Int32Array.from([1]), { callbacks: [earlyStopping({ monitor: 'los' })], verbose: 0 })).rejects.toThrow(/did you mean 'loss'\?/);
    expect(() => earlyStopping({ monitor: 3 as never })).toThrow(TypeError);
  });
});

describe("History under Keras' names too", () => {
  it('has val_loss, val_accuracy (and loss, accuracy) as the same arrays as valLoss, valAccuracy; JSON and keys show each once', async () => {
    const model = sequential([dense(1, { inputDim: 2, activation: 'sigmoid' })], { seed: 1 }).compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['acc'] });
    const history = await model.fit([[0, 1], [1, 0], [1, 1], [0, 0]], [0, 1, 1, 0], { epochs: 2, validationSplit: 0.5, verbose: 0 });
    const h = history.history;
    expect(h.val_loss).toBe(h.valLoss);
    expect(h.val_accuracy).toBe(h.valAccuracy);
    expect(h.val_loss).toHaveLength(2);
    expect(h.loss).toEqual(history.loss);
    expect(Object.keys(h)).toEqual(['loss', 'accuracy', 'valLoss', 'valAccuracy']);
    expect(Object.keys(JSON.parse(JSON.stringify(h)))).toEqual(['loss', 'accuracy', 'valLoss', 'valAccuracy']);
  });
});
