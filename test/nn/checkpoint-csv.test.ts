import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvLogger, dense, loadModel, makeMoons, modelCheckpoint, sequential, sgd, type Callback } from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'actfn-cb-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const { x, y } = makeMoons(40, { noise: 0.2, seed: 6 });
const classifier = () => sequential([dense(6, { inputDim: 2, activation: 'tanh' }), dense(1, { activation: 'sigmoid' })], { seed: 8 })
  .compile({ optimizer: sgd({ learningRate: 0.5 }), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

describe('modelCheckpoint', () => {
  it('with saveBestOnly, saves only when the monitored log improves: the folder holds the best epoch', () => {
    const model = classifier();
    const ckpt = join(dir, 'best');
    const checkpoint = modelCheckpoint(ckpt, { monitor: 'val_loss', saveBestOnly: true });
    const start = model.getWeights();
    const weightsAt = (epoch: number) => start.map((w) => w.map((v) => v + epoch)); // distinct weights each epoch
    checkpoint.onTrainBegin?.(model, { epochs: 5, batches: 1 });
    const losses = [3, 2, 2.5, 1, 1.5];
    const onDisk: number[][] = [];
    losses.forEach((valLoss, epoch) => {
      model.setWeights(weightsAt(epoch));
      checkpoint.onEpochEnd?.(epoch, { loss: 0, valLoss }, model);
      onDisk.push([checkpoint.savedEpoch!, checkpoint.best!]);
      expect(loadModel(ckpt).getWeights(), `after epoch ${epoch}`).toEqual(weightsAt(checkpoint.savedEpoch!));
    });
    expect(onDisk).toEqual([[0, 3], [1, 2], [1, 2], [3, 1], [3, 1]]);
    // one model.json and one weights file: written under temporary names and renamed, the old weights removed
    expect(readdirSync(ckpt).sort()).toEqual(['model.json', expect.stringMatching(/^weights-[0-9a-f]{16}\.bin$/)]);
  });

  for (const backend of testedBackends) {
    it(`${backend}: during fit, what it saved is the model of the best monitored epoch`, async () => {
      await withBackend(backend, async () => {
        const model = classifier();
        const weights: Float32Array[][] = [];
        const recorder: Callback = { onEpochEnd: (_e, _l, m) => void weights.push(m.getWeights()) };
        const checkpoint = modelCheckpoint(join(dir, 'ckpt'), { monitor: 'loss', saveBestOnly: true });
        const history = await model.fit(x, y, { epochs: 6, batchSize: 8, seed: 3, verbose: 0, callbacks: [recorder, checkpoint] });
        const best = history.loss.indexOf(Math.min(...history.loss));
        expect(checkpoint.savedEpoch).toBe(best);
        expect(checkpoint.best).toBe(history.loss[best]);
        const restored = loadModel(join(dir, 'ckpt'));
        expect(restored.getWeights()).toEqual(weights[best]);
        expect(restored.evaluate(x, y).accuracy).toBeGreaterThan(0);
      });
    });
  }

  it("saves every epoch by default, '{epoch}' (or Keras' '{epoch:02d}') naming a folder per epoch", async () => {
    const model = classifier();
    await model.fit(x, y, { epochs: 3, verbose: 0, callbacks: [modelCheckpoint(join(dir, 'epoch-{epoch:02d}'))] });
    expect(readdirSync(dir).sort()).toEqual(['epoch-01', 'epoch-02', 'epoch-03']);
    expect(loadModel(join(dir, 'epoch-03')).getWeights()).toEqual(model.getWeights());
  });

  it("names each epoch's folder by its logs, as Keras' '{epoch:02d}-{val_loss:.4f}' does, in either spelling", async () => {
    const model = classifier();
    const history = await model.fit(x, y, {
      epochs: 2, verbose: 0, validationSplit: 0.25, callbacks: [modelCheckpoint(join(dir, 'e{epoch:02d}-{val_loss:.4f}-{accuracy:.2e}-{valLoss}'))],
    });
    const h = history.history;
    const expected = [0, 1].map((e) => `e0${e + 1}-${h.valLoss![e].toFixed(4)}-${h.accuracy![e].toExponential(2)}-${h.valLoss![e]}`);
    expect(readdirSync(dir).sort()).toEqual(expected.sort());
    expect(loadModel(join(dir, expected[1])).getWeights()).toEqual(model.getWeights());
  });

  it('refuses a placeholder format it cannot apply at once, and a placeholder naming no log at the first save', async () => {
    expect(() => modelCheckpoint(join(dir, '{val_loss:>8}'))).toThrow(new TypeError("modelCheckpoint(): '{val_loss:>8}' has a format actfn does not know ('02d', '.4f' and '.2e' are the ones it takes)"));
    await expect(classifier().fit(x, y, { epochs: 2, verbose: 0, callbacks: [modelCheckpoint(join(dir, '{val_loss}'))] }))
      .rejects.toThrow(new RangeError("modelCheckpoint(): '{val_loss}' names no log of this fit; its logs are epoch, loss, accuracy"));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a path that is not a string and a monitor training does not log', async () => {
    expect(() => modelCheckpoint(3 as never)).toThrow(TypeError);
    await expect(classifier().fit(x, y, { verbose: 0, callbacks: [modelCheckpoint(join(dir, 'c'), { monitor: 'val_acc', saveBestOnly: true })] }))
      .rejects.toThrow(/modelCheckpoint monitors 'valAccuracy', which training does not log/);
  });
});

describe('csvLogger', () => {
  for (const backend of testedBackends) {
    it(`${backend}: writes a header of the history's keys and one row per epoch, with History's values`, async () => {
      await withBackend(backend, async () => {
        const file = join(dir, 'log.csv');
        const history = await classifier().fit(x, y, { epochs: 3, validationSplit: 0.25, verbose: 0, callbacks: [csvLogger(file)] });
        const lines = readFileSync(file, 'utf8').split('\n');
        expect(lines.pop()).toBe('');
        expect(lines[0]).toBe(['epoch', ...Object.keys(history.history)].join(','));
        expect(lines[0]).toBe('epoch,loss,accuracy,valLoss,valAccuracy');
        expect(lines).toHaveLength(4);
        lines.slice(1).forEach((line, epoch) => {
          const [e, ...values] = line.split(',').map(Number);
          expect(e).toBe(epoch);
          expect(values).toEqual(Object.values(history.history).map((h) => h[epoch])); // the exact numbers
        });
      });
    });
  }

  it('replaces the file at each fit unless append, which adds rows under the one header; takes a separator', async () => {
    const file = join(dir, 'log.csv');
    writeFileSync(file, 'old contents\n');
    const model = classifier();
    await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: [csvLogger(file, { separator: ';' })] });
    expect(readFileSync(file, 'utf8')).toMatch(/^epoch;loss;accuracy\n0;[^;]+;[^;]+\n1;[^;]+;[^;]+\n$/);
    await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: [csvLogger(file, { separator: ';', append: true })] });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(';')[0])).toEqual(['epoch', '0', '1', '0', '1']);
    const fresh = join(dir, 'new.csv');
    await model.fit(x, y, { epochs: 1, verbose: 0, callbacks: [csvLogger(fresh, { append: true })] });
    expect(readFileSync(fresh, 'utf8').split('\n')[0]).toBe('epoch,loss,accuracy');
    expect(existsSync(fresh)).toBe(true);
  });
});
