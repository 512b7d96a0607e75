/**
 * The training loop behind fit: epochs of (shuffled) mini-batches, the running logs, validation
 * after each epoch, the History, and the callbacks' hooks (progress output is one of them). It
 * sees the model only through a training step and an evaluation, and hands callbacks the model.
 */
import type { Random } from '../random.js';
import { batchCount, batches } from './batches.js';
import type { Callback, Logs, TrainingModel } from './callback-types.js';
import { addKerasAliases, validationName } from './log-names.js';
import type { MetricAccumulator } from './metric-accumulator.js';
import type { ClassWeight } from './sample-weights.js';
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
  /**
   * As Keras: 'auto' (the default) or 1, a progress bar per epoch on a terminal and one plain line
   * per epoch otherwise; 2, one line per epoch; 0, silent.
   */
  verbose?: 0 | 1 | 2 | 'auto';
  /** A loss weight per sample (Keras' sample_weight; see sample-weights.ts). */
  sampleWeight?: readonly number[] | Float32Array;
  /** A loss weight per class index, e.g. { 0: 1, 1: 5 } (Keras' class_weight). */
  classWeight?: ClassWeight;
}

export interface History {
  epoch: number[];
  /**
   * Per-epoch logs by name: loss, each metric (accuracy, precision, ...), and valLoss, valAccuracy,
   * ... when validating; also under Keras' names (val_loss, val_accuracy, ...) as non-enumerable
   * aliases of the same arrays.
   */
  history: Record<string, number[]>;
  loss: number[];
  valLoss: number[];
  /** Why training ended early, if it did (NaN loss, a callback). */
  stopReason?: string;
}

/**
 * What the loop runs: one optimizer step on a batch (its loss; the batch's outputs go into
 * `metrics`), an evaluation in inference mode (loss and metrics), and a fresh set of metrics.
 */
export interface TrainingStep {
  trainBatch(x: Tensor2D, t: TargetSet, metrics: MetricAccumulator): number;
  evaluate(x: Tensor2D, t: TargetSet): Record<string, number>;
  metrics(): MetricAccumulator;
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
  readonly callbacks: readonly Callback[];
}

/** Longest stretch of training between two turns of the event loop. */
const YIELD_MS = 8;

export async function trainingLoop(step: TrainingStep, model: TrainingModel, data: TrainingData, settings: TrainingSettings): Promise<History> {
  const { x, targets, validation } = data;
  const { epochs, batchSize, callbacks } = settings;
  const history: History = { epoch: [], history: {}, loss: [], valLoss: [] };
  for (const cb of callbacks) await cb.onTrainBegin?.(model, { epochs, batches: batchCount(x.rows, batchSize) });
  const batchListeners = callbacks.filter((cb) => cb.onBatchEnd);
  let yielded = performance.now();
  training: for (let epoch = 0; epoch < epochs; epoch++) {
    for (const cb of callbacks) await cb.onEpochBegin?.(epoch, model);
    const order = settings.shuffle ? settings.shuffler.permutation(x.rows) : null;
    let lossSum = 0;
    let seen = 0;
    const metrics = step.metrics();
    for (const batch of batches(x, targets, batchSize, order)) {
      const value = step.trainBatch(batch.x, batch.t, metrics);
      if (!Number.isFinite(value)) {
        history.stopReason = `loss became ${value} at epoch ${epoch + 1}, batch ${batch.index + 1}: training stopped (check the learning rate and the input scale)`;
        break training;
      }
      lossSum += value * batch.size;
      seen += batch.size;
      if (batchListeners.length > 0) {
        const logs: Logs = { loss: lossSum / seen, ...metrics.values(false) }; // AUC only at the epoch's end (it sorts every score)
        for (const cb of batchListeners) await cb.onBatchEnd!(batch.index, logs, model);
      }
      // Let the event loop run (timers, I/O, a UI) every few milliseconds rather than after every
      // batch: a yield costs as much as a small batch's whole step.
      if (performance.now() - yielded >= YIELD_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        yielded = performance.now();
      }
    }
    const logs: Record<string, number> = { loss: lossSum / seen, ...metrics.values() };
    if (validation) {
      for (const [k, v] of Object.entries(step.evaluate(validation.x, validation.t))) logs[validationName(k)] = v;
    }
    history.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (history.history[k] ??= []).push(v);
    addKerasAliases(history.history);
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
