/**
 * The training loop behind fit: epochs of (shuffled) mini-batches, the running logs, validation
 * after each epoch, the History, and the callbacks' hooks (progress output is one of them). It
 * sees the model only through a training step and an evaluation, and hands callbacks the model.
 */
import type { Random } from '../random.js';
import { batchCount, batches } from './batches.js';
import type { Callback, Logs, TrainingModel } from './callback-types.js';
import type { Inputs, TargetSet, Targets } from './targets.js';
import type { Tensor2D } from './tensor.js';

export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  /** Data to evaluate after each epoch; or validationSplit, the last fraction of x and y. */
  validationData?: [Inputs, Targets];
  validationSplit?: number;
  shuffle?: boolean;
  /** Seeds the shuffling (the model's own seed covers initialization and dropout). */
  seed?: number;
  callbacks?: Callback | Callback[];
  /** 1: a progress bar per epoch (plain lines when not on a terminal); 0: silent. */
  verbose?: 0 | 1;
}

export interface History {
  epoch: number[];
  /** Per-epoch logs by name: loss, accuracy, valLoss, valAccuracy. */
  history: Record<string, number[]>;
  loss: number[];
  valLoss: number[];
  /** Why training ended early, if it did (NaN loss, a callback). */
  stopReason?: string;
}

/** What the loop runs: one optimizer step on a batch, and an evaluation in inference mode. */
export interface TrainingStep {
  trainBatch(x: Tensor2D, t: TargetSet): { value: number; correct: number };
  evaluate(x: Tensor2D, t: TargetSet): { loss: number; accuracy: number };
}

export interface TrainingData {
  readonly x: Tensor2D;
  readonly targets: TargetSet;
  readonly validation: { x: Tensor2D; t: TargetSet } | null;
}

export interface TrainingSettings {
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly shuffler: Random;
  readonly withAccuracy: boolean;
  readonly callbacks: readonly Callback[];
}

export async function trainingLoop(step: TrainingStep, model: TrainingModel, data: TrainingData, settings: TrainingSettings): Promise<History> {
  const { x, targets, validation } = data;
  const { epochs, batchSize, callbacks, withAccuracy } = settings;
  const history: History = { epoch: [], history: {}, loss: [], valLoss: [] };
  for (const cb of callbacks) await cb.onTrainBegin?.(model, { epochs, batches: batchCount(x.rows, batchSize) });
  training: for (let epoch = 0; epoch < epochs; epoch++) {
    for (const cb of callbacks) await cb.onEpochBegin?.(epoch, model);
    const order = settings.shuffle ? settings.shuffler.permutation(x.rows) : null;
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    for (const batch of batches(x, targets, batchSize, order)) {
      const result = step.trainBatch(batch.x, batch.t);
      if (!Number.isFinite(result.value)) {
        history.stopReason = `loss became ${result.value} at epoch ${epoch + 1}, batch ${batch.index + 1}: training stopped (check the learning rate and the input scale)`;
        break training;
      }
      lossSum += result.value * batch.size;
      correct += result.correct;
      seen += batch.size;
      const logs: Logs = withAccuracy ? { loss: lossSum / seen, accuracy: correct / seen } : { loss: lossSum / seen };
      for (const cb of callbacks) await cb.onBatchEnd?.(batch.index, logs, model);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const logs: Record<string, number> = { loss: lossSum / seen };
    if (withAccuracy) logs.accuracy = correct / seen;
    if (validation) {
      const v = step.evaluate(validation.x, validation.t);
      logs.valLoss = v.loss;
      if (withAccuracy) logs.valAccuracy = v.accuracy;
    }
    history.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (history.history[k] ??= []).push(v);
    history.loss.push(logs.loss);
    if (logs.valLoss !== undefined) history.valLoss.push(logs.valLoss);
    let stop = false;
    for (const cb of callbacks) if ((await cb.onEpochEnd?.(epoch, logs, model)) === 'stop') stop = true;
    if (stop) {
      history.stopReason = `a callback stopped training after epoch ${epoch + 1}`;
      break;
    }
  }
  for (const cb of callbacks) await cb.onTrainEnd?.(model, { stopReason: history.stopReason });
  return history;
}
