import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  activation, adam, batchNormalization, dense, dropout, earlyStopping, loadIris, loadModel, makeMoons, oneHot, prelu,
  sequential, sgd, standardScaler, tensor2d, trainTestSplit, type LossArg,
} from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';

const sameBits = (a: Float32Array, b: Float32Array) => Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

function irisSplit() {
  const { x, y } = loadIris();
  const split = trainTestSplit(x, y, { testSize: 0.3, stratify: y, seed: 3 });
  const scaler = standardScaler().fit(split.xTrain);
  return { xTrain: scaler.transform(split.xTrain), xTest: scaler.transform(split.xTest), yTrain: split.yTrain, yTest: split.yTest };
}

describe('gradients match finite differences', () => {
  const cases: Array<[string, () => ReturnType<typeof sequential>, LossArg, 'binary' | 'multi' | 'regression']> = [
    ['dense tanh -> sigmoid, binaryCrossentropy (fused logits)', () => sequential([dense(5, { activation: 'tanh', inputDim: 3 }), dense(1, { activation: 'sigmoid' })], { seed: 1 }), 'binaryCrossentropy', 'binary'],
    ['dense gelu -> softmax, categoricalCrossentropy', () => sequential([dense(6, { activation: 'gelu', inputDim: 3 }), dense(3, { activation: 'softmax' })], { seed: 2 }), 'categoricalCrossentropy', 'multi'],
    ['prelu, batchNormalization, activation layer, mse', () => sequential([dense(4, { inputDim: 3 }), prelu({ alphaInitial: 0.1 }), batchNormalization(), activation('softplus'), dense(2)], { seed: 3 }), 'mse', 'regression'],
    ['linear logits, sparseCategoricalCrossentropy fromLogits', () => sequential([dense(5, { activation: 'elu', inputDim: 3 }), dense(3)], { seed: 4 }), { name: 'sparseCategoricalCrossentropy', fromLogits: true }, 'multi'],
    ['huber on mish', () => sequential([dense(4, { activation: 'mish', inputDim: 3 }), dense(2)], { seed: 5 }), { name: 'huber', delta: 0.5 }, 'regression'],
  ];
  for (const backend of testedBackends) {
    for (const [name, build, loss, task] of cases) {
      it(`${backend}: ${name}`, async () => {
        await withBackend(backend, async () => {
          const model = build().compile({ optimizer: sgd({ learningRate: 1e-30 }), loss });
          const x = tensor2d([[0.5, -1, 0.25], [1.5, 0.3, -0.7], [-0.2, 0.8, 1.1], [0.9, -0.4, 0.05]]);
          const sparse = typeof loss === 'object' && loss.name === 'sparseCategoricalCrossentropy';
          const y = task === 'binary' ? tensor2d([1, 0, 1, 1])
            : task === 'multi' ? (sparse ? Int32Array.from([0, 2, 1, 2]) : oneHot([0, 2, 1, 2], 3))
              : tensor2d([[0.3, -1], [1, 0.5], [-0.5, 0.2], [2, -0.3]]);
          // one full-batch step with a vanishing learning rate leaves the gradients in param.grad
          await model.fit(x, y, { epochs: 1, batchSize: 4, shuffle: false, verbose: 0 });
          const params = model.params();
          // the training-mode loss (batch statistics in batch norm); the step itself moves nothing
          const lossAt = async () => (await model.fit(x, y, { epochs: 1, batchSize: 4, shuffle: false, verbose: 0 })).loss[0];
          const bad: string[] = [];
          for (const p of params) {
            const analytic = p.grad.slice();
            for (let i = 0; i < p.value.length; i += Math.max(1, Math.floor(p.value.length / 4))) {
              const v = p.value[i];
              const h = 1e-2 * Math.max(1, Math.abs(v));
              p.value[i] = v + h;
              const up = await lossAt();
              p.value[i] = v - h;
              const down = await lossAt();
              p.value[i] = v;
              const numeric = (up - down) / (2 * h);
              if (Math.abs(numeric - analytic[i]) > 2e-2 * Math.abs(numeric) + 2e-3) bad.push(`${p.name}[${i}]: analytic ${analytic[i]}, numeric ${numeric}`);
            }
          }
          expect(bad).toEqual([]);
        });
      });
    }
  }
});

describe('training', () => {
  for (const backend of testedBackends) {
    it(`${backend}: learns Iris to >= 90% test accuracy with a seeded model`, async () => {
      await withBackend(backend, async () => {
        const { xTrain, xTest, yTrain, yTest } = irisSplit();
        const model = sequential([dense(16, { activation: 'relu', inputDim: 4, kernelInitializer: 'heNormal' }), dropout(0.1), dense(3, { activation: 'softmax' })], { seed: 7 });
        model.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
        const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 16, seed: 1, validationData: [xTest, yTest], verbose: 0 });
        expect(history.loss).toHaveLength(60);
        expect(history.loss[59]).toBeLessThan(history.loss[0]);
        expect(history.history.valAccuracy).toHaveLength(60);
        expect(model.evaluate(xTest, yTest).accuracy).toBeGreaterThanOrEqual(0.9);
      });
    });
  }

  it.runIf(testedBackends.includes('native'))('20 epochs on both backends: loss curves within 1e-3 relative, predictions within 1e-4', async () => {
    const { x, y } = makeMoons(256, { noise: 0.15, seed: 8 });
    const run = (backend: 'native' | 'js') => withBackend(backend, async () => {
      const model = sequential([dense(16, { activation: 'tanh', inputDim: 2 }), dropout(0.2), dense(8, { activation: 'gelu' }), dense(1, { activation: 'sigmoid' })], { seed: 21 });
      model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const history = await model.fit(x, y, { epochs: 20, batchSize: 32, seed: 3, validationSplit: 0.2, verbose: 0 });
      return { history, predictions: model.predict(x).data };
    });
    const native = await run('native');
    const js = await run('js');
    for (const key of ['loss', 'valLoss'] as const) {
      native.history[key].forEach((v, epoch) => expect(Math.abs(v - js.history[key][epoch]) / Math.abs(js.history[key][epoch]), `${key} epoch ${epoch}`).toBeLessThanOrEqual(1e-3));
    }
    let worst = 0;
    native.predictions.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - js.predictions[i]))));
    expect(worst).toBeLessThanOrEqual(1e-4);
  });

  it.runIf(testedBackends.includes('native'))('trains to the same weights on native and js (same seed, same masks)', async () => {
    const { x, y } = makeMoons(128, { noise: 0.1, seed: 4 });
    const run = (backend: 'native' | 'js') => withBackend(backend, async () => {
      const model = sequential([dense(8, { activation: 'tanh', inputDim: 2 }), dropout(0.2), dense(1, { activation: 'sigmoid' })], { seed: 11 });
      model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
      await model.fit(x, y, { epochs: 3, batchSize: 32, seed: 5, verbose: 0 });
      return model.getWeights();
    });
    const native = await run('native');
    const js = await run('js');
    native.forEach((w, i) => w.forEach((v, j) => expect(Math.abs(v - js[i][j])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(v)))));
  });

  it('stops on a NaN loss with a clear reason, and earlyStopping restores the best weights', async () => {
    const { x, y } = makeMoons(64, { seed: 1 });
    const exploding = sequential([dense(4, { activation: 'relu', inputDim: 2 }), dense(1)], { seed: 1 }).compile({ optimizer: sgd({ learningRate: 1e30 }), loss: 'mse' });
    const history = await exploding.fit(x, tensor2d(Array.from(y, (v) => v * 1e30)), { epochs: 5, verbose: 0 });
    expect(history.stopReason).toMatch(/loss became (NaN|Infinity) at epoch \d+, batch \d+/);

    const stopper = earlyStopping({ monitor: 'loss', patience: 0, restoreBestWeights: true });
    const model = sequential([dense(4, { activation: 'relu', inputDim: 2 }), dense(1, { activation: 'sigmoid' })], { seed: 2 }).compile({ optimizer: sgd({ learningRate: 50 }), loss: 'binaryCrossentropy' });
    const h = await model.fit(x, y, { epochs: 30, callbacks: [stopper], shuffle: false, verbose: 0 });
    expect(stopper.stoppedEpoch).not.toBeNull();
    expect(h.epoch.length).toBe(stopper.stoppedEpoch! + 1);
    expect(h.stopReason).toMatch(/callback stopped training/);
  });

  it('refuses inputs and labels of the wrong shape, naming them', async () => {
    const model = sequential([dense(3, { inputDim: 4, activation: 'softmax' })]).compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    await expect(model.fit(tensor2d([[1, 2, 3]]), oneHot([0], 3))).rejects.toThrow("x has 3 features per sample, but the model's first layer expects 4");
    await expect(model.fit(tensor2d([[1, 2, 3, 4]]), Int32Array.from([0]))).rejects.toThrow(/needs y as a 1 x 3 matrix; for class labels use sparseCategoricalCrossentropy or oneHot\(y\)/);
    await expect(model.fit(tensor2d([[1, 2, 3, 4]]), oneHot([0, 1], 3))).rejects.toThrow('y has 2 rows, but x has 1 samples');
    expect(() => sequential([dense(2, { inputDim: 2 })]).predict(tensor2d([[1, 2, 3]]))).toThrow(/expects 2/);
    expect(() => sequential([dense(2)]).compile({ optimizer: 'adamx', loss: 'mse' })).toThrow(/optimizer must be one of/);
    // names that exist on every object's prototype are not optimizers (model-file fuzzing found these)
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(() => sequential([dense(2)]).compile({ optimizer: name, loss: 'mse' })).toThrow(RangeError);
      expect(() => sequential([dense(2)]).compile({ optimizer: { kind: name } as never, loss: 'mse' })).toThrow(/optimizer must be a name or a config/);
    }
    expect(() => sequential([dense(2)]).compile({ optimizer: 'adam', loss: 'mse', metrics: {} as never })).toThrow(new TypeError("metrics must be an array such as ['accuracy'], got Object"));
    expect(() => dense(2, { activation: 0 as never })).toThrow(/activation must be a name, an Activation from getActivation, or \{ name, params \}, got/);
    expect(() => sequential([dense(2)]).compile({ optimizer: 'adam', loss: 'hinge' as never })).toThrow(/loss must be one of/);
  });
});

describe('save and load', () => {
  it('round-trips a trained model exactly, and names the file and problem when a file is bad', async () => {
    const { xTrain, yTrain, xTest } = irisSplit();
    const model = sequential([dense(8, { activation: 'swish', inputDim: 4 }), batchNormalization(), prelu(), dense(3, { activation: 'softmax' })], { seed: 9 });
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    await model.fit(xTrain, yTrain, { epochs: 3, verbose: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'actfn-model-'));
    try {
      model.save(dir);
      const loaded = loadModel(dir);
      expect(sameBits(loaded.predict(xTest).data, model.predict(xTest).data)).toBe(true);
      for (const backend of testedBackends) {
        withBackend(backend, () => expect(loadModel(dir).predict(xTest).shape).toEqual([xTest.rows, 3]));
      }
      expect(loaded.summary(false)).toBe(model.summary(false));

      const json = join(dir, 'model.json');
      const bin = join(dir, (JSON.parse(readFileSync(json, 'utf8')) as { weightsFile: string }).weightsFile);
      truncateSync(bin, 100);
      expect(() => loadModel(dir)).toThrow(`${bin}: 100 bytes, but model.json expects`);
      model.save(dir);
      writeFileSync(json, readFileSync(json, 'utf8').slice(0, 50));
      expect(() => loadModel(dir)).toThrow(`${json}: not valid JSON`);
      writeFileSync(json, JSON.stringify({ format: 'actfn-model', version: 99 }));
      expect(() => loadModel(dir)).toThrow(`${json}: format version 99, this actfn reads version 1`);
      rmSync(json);
      expect(() => loadModel(dir)).toThrow(`${json}: not found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fit as a good citizen of the event loop', () => {
  it('yields to the event loop every few milliseconds, so timers run while it trains', async () => {
    const { x, y } = makeMoons(2000, { noise: 0.2, seed: 1 });
    const model = sequential([dense(16, { activation: 'relu', inputDim: 2 }), dense(1, { activation: 'sigmoid' })], { seed: 1 });
    model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
    const start = performance.now();
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 0);
    // long enough for several 8 ms stretches however fast a step is (20 epochs took ~25 ms once
    // the step shrank to about 10 us)
    await model.fit(x, y, { epochs: 100, batchSize: 16, verbose: 0 });
    const end = performance.now();
    clearInterval(timer);
    // the longest wait a timer saw: the loop yields every 8 ms of training (a slow or busy CI
    // machine may stretch one stretch several-fold, never to a whole epoch's 125 batches)
    const waits = [start, ...ticks, end].slice(1).map((t, i, all) => t - (i === 0 ? start : all[i - 1]));
    expect(ticks.length).toBeGreaterThan(3);
    expect(Math.max(...waits)).toBeLessThan(100);
  });

  it('prints one plain line per epoch when verbose and not on a terminal', async () => {
    const { x, y } = makeMoons(64, { seed: 2 });
    const model = sequential([dense(4, { activation: 'tanh', inputDim: 2 }), dense(1, { activation: 'sigmoid' })], { seed: 1 });
    model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    const written: string[] = [];
    const write = process.stdout.write;
    const wasTTY = process.stdout.isTTY;
    (process.stdout as { isTTY?: boolean }).isTTY = false;
    process.stdout.write = ((chunk: string) => written.push(String(chunk)) > 0) as unknown as typeof process.stdout.write;
    try {
      await model.fit(x, y, { epochs: 2, verbose: 1, validationSplit: 0.25 });
    } finally {
      process.stdout.write = write;
      (process.stdout as { isTTY?: boolean }).isTTY = wasTTY;
    }
    expect(written).toHaveLength(2);
    expect(written[1]).toMatch(/^Epoch 2\/2 - \d+\.\d\ds - loss: \d\.\d{4} - accuracy: \d\.\d{4} - valLoss: \d\.\d{4} - valAccuracy: \d\.\d{4}\n$/);
  });
});

describe('numbers from outside', () => {
  it('refuses training data with NaN or infinity, naming where', async () => {
    const model = sequential([dense(2, { inputDim: 2 }), dense(1)], { seed: 1 }).compile({ optimizer: 'adam', loss: 'mse' });
    await expect(model.fit(tensor2d([[1, 2], [3, Number.NaN]]), tensor2d([1, 2]))).rejects.toThrow('x contains NaN at sample 1, column 1: clean or impute the data before fit');
    await expect(model.fit(tensor2d([[1, 2], [3, 4]]), tensor2d([1, Infinity]))).rejects.toThrow('y contains Infinity at sample 1, column 0');
    // predictions on non-finite inputs propagate them instead of failing
    const p = model.predict(tensor2d([[Number.NaN, 0], [-0, 1e-40]]));
    expect(Number.isNaN(p.data[0])).toBe(true);
    expect(Number.isFinite(p.data[1])).toBe(true);
  });
});
