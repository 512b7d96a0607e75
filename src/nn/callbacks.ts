/**
 * Training callbacks (the contract is in callback-types.ts). earlyStopping: Keras' EarlyStopping.
 */
import type { Callback } from './callback-types.js';
import { requireOptions, showValue } from '../validate.js';

export type { Callback, HookResult, Logs, TrainingEnd, TrainingModel, TrainingParams } from './callback-types.js';

export interface EarlyStoppingOptions {
  /** The log to watch: 'valLoss' (default), 'loss', 'valAccuracy', 'accuracy'. */
  monitor?: string;
  /** Epochs without improvement before stopping. */
  patience?: number;
  /** Smallest change that counts as an improvement. */
  minDelta?: number;
  /** 'min' for losses, 'max' for accuracies; 'auto' picks from the name. */
  mode?: 'min' | 'max' | 'auto';
  /** Put back the weights of the best epoch when stopping (or at the end). */
  restoreBestWeights?: boolean;
}

/** Stops training when the monitored value stops improving (Keras' EarlyStopping). */
export function earlyStopping(options: EarlyStoppingOptions = {}): Callback & { readonly stoppedEpoch: number | null; readonly bestEpoch: number | null } {
  requireOptions(options, 'earlyStopping options');
  const monitor = options.monitor ?? 'valLoss';
  const patience = options.patience ?? 0;
  const minDelta = Math.abs(options.minDelta ?? 0);
  if (!Number.isInteger(patience) || patience < 0) throw new RangeError(`patience must be a non-negative integer, got ${showValue(patience)}`);
  const mode = options.mode === undefined || options.mode === 'auto' ? (/acc/i.test(monitor) ? 'max' : 'min') : options.mode;
  let best = mode === 'min' ? Infinity : -Infinity;
  let wait = 0;
  let bestWeights: Float32Array[] | null = null;
  const state = { stoppedEpoch: null as number | null, bestEpoch: null as number | null };
  const improved = (value: number) => (mode === 'min' ? value < best - minDelta : value > best + minDelta);
  return {
    get stoppedEpoch() {
      return state.stoppedEpoch;
    },
    get bestEpoch() {
      return state.bestEpoch;
    },
    onTrainBegin() {
      best = mode === 'min' ? Infinity : -Infinity;
      wait = 0;
      bestWeights = null;
      state.stoppedEpoch = null;
      state.bestEpoch = null;
    },
    onEpochEnd(epoch, logs, model) {
      const value = logs[monitor];
      if (value === undefined) {
        throw new RangeError(`earlyStopping monitors '${monitor}', which training does not log; logged: ${Object.keys(logs).join(', ')}`);
      }
      if (improved(value)) {
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
