/**
 * Training callbacks (the contract is in callback-types.ts). earlyStopping: Keras' EarlyStopping.
 * checkCallback: what fit() accepts as a callback. The other Keras callbacks have a file each
 * (model-checkpoint.ts, reduce-lr-on-plateau.ts, learning-rate-scheduler.ts, csv-logger.ts).
 */
import type { Callback } from './callback-types.js';
import { count, monitor as watch } from './monitor.js';
import { checkOptions, suggestion, type OptionNames } from '../options.js';
import { describeValue } from '../validate.js';

export type { Callback, HookResult, Logs, TrainingEnd, TrainingModel, TrainingOptimizer, TrainingParams } from './callback-types.js';

export interface EarlyStoppingOptions {
  /** The log to watch: 'valLoss' (default), 'loss', 'valAccuracy', 'accuracy', 'valAuc', ... (or Keras' 'val_loss', 'val_accuracy', 'acc', ...). */
  monitor?: string;
  /** Epochs without improvement before stopping. */
  patience?: number;
  /** Smallest change that counts as an improvement. */
  minDelta?: number;
  /** 'min' for losses and errors, 'max' for accuracy, precision, recall and AUC; 'auto' picks from the name. */
  mode?: 'min' | 'max' | 'auto';
  /** Put back the weights of the best epoch when stopping (or at the end). */
  restoreBestWeights?: boolean;
}
const EARLY_STOPPING_OPTIONS: OptionNames<EarlyStoppingOptions> = { monitor: true, patience: true, minDelta: true, mode: true, restoreBestWeights: true };

const HOOKS: OptionNames<Callback> = { onTrainBegin: true, onEpochBegin: true, onBatchEnd: true, onEpochEnd: true, onTrainEnd: true };

/**
 * A callback fit() can call: an object whose hooks are functions. A method named like a hook that
 * is none of ours (Keras' on_epoch_end, tfjs' onBatchBegin) would never be called, so it is an
 * error; other members (state, getters) are the callback's own business.
 */
export function checkCallback(cb: unknown): void {
  if (typeof cb !== 'object' || cb === null) throw new TypeError(`callbacks must be objects with onEpochEnd etc. (earlyStopping() gives one), got ${describeValue(cb)}`);
  const valid = Object.keys(HOOKS);
  for (let o: object | null = cb; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (!/^on[A-Z_]/.test(name)) continue;
      if (!Object.hasOwn(HOOKS, name)) throw new TypeError(`unknown callback hook '${name}' for fit(); ${suggestion(name, valid, 'hooks')}`);
      const hook = (cb as Record<string, unknown>)[name];
      if (hook !== undefined && typeof hook !== 'function') throw new TypeError(`callback hook ${name} must be a function, got ${describeValue(hook)}`);
    }
  }
}

/** Stops training when the monitored value stops improving (Keras' EarlyStopping). */
export function earlyStopping(options: EarlyStoppingOptions = {}): Callback & { readonly stoppedEpoch: number | null; readonly bestEpoch: number | null } {
  checkOptions(options, 'earlyStopping()', EARLY_STOPPING_OPTIONS);
  const monitor = watch(options.monitor, options.mode, options.minDelta, 'earlyStopping');
  const patience = count(options.patience ?? 0, 'patience');
  let best = monitor.initial;
  let wait = 0;
  let bestWeights: Float32Array[] | null = null;
  const state = { stoppedEpoch: null as number | null, bestEpoch: null as number | null };
  return {
    get stoppedEpoch() {
      return state.stoppedEpoch;
    },
    get bestEpoch() {
      return state.bestEpoch;
    },
    onTrainBegin() {
      best = monitor.initial;
      wait = 0;
      bestWeights = null;
      state.stoppedEpoch = null;
      state.bestEpoch = null;
    },
    onEpochEnd(epoch, logs, model) {
      const value = monitor.read(logs);
      if (monitor.improves(value, best)) {
        best = value;
        wait = 0;
        state.bestEpoch = epoch;
        if (options.restoreBestWeights) bestWeights = model.getWeights().map((w) => w.slice());
        return;
      }
      wait++;
      if (wait >= patience) {
        state.stoppedEpoch = epoch;
        return 'stop';
      }
    },
    onTrainEnd(model) {
      if (options.restoreBestWeights && bestWeights) model.setWeights(bestWeights);
    },
  };
}
