/**
 * modelCheckpoint(dir): Keras' ModelCheckpoint. Saves the model (model.save: model.json and its
 * weights file, each written under a temporary name and renamed, so a crash mid-save leaves the
 * previous checkpoint loadable) after every epoch, or with saveBestOnly only when the monitored
 * log improves. Placeholders in the path, as in Keras: '{epoch}' (or '{epoch:02d}') and any of the
 * epoch's logs ('{val_loss:.4f}'); see checkpoint-path.ts.
 */
import type { Callback } from './callback-types.js';
import { checkpointPath, checkPathTemplate } from './checkpoint-path.js';
import { monitor as watch, type MonitorMode } from './monitor.js';
import { checkOptions, type OptionNames } from '../options.js';
import { describeValue } from '../validate.js';

export interface ModelCheckpointOptions {
  /** The log to watch for saveBestOnly: 'valLoss' (default), 'loss', 'valAccuracy', ... or Keras' 'val_loss', ... */
  monitor?: string;
  /** Save only when the monitored log improves on the best so far. */
  saveBestOnly?: boolean;
  /** 'min', 'max', or 'auto' (from the log's name). */
  mode?: MonitorMode;
  /** Smallest change that counts as an improvement. */
  minDelta?: number;
}
const MODEL_CHECKPOINT_OPTIONS: OptionNames<ModelCheckpointOptions> = { monitor: true, saveBestOnly: true, mode: true, minDelta: true };

export interface ModelCheckpoint extends Callback {
  /** The epoch (from 0) of the last save, or null. */
  readonly savedEpoch: number | null;
  /** The best monitored value seen (with saveBestOnly), or null. */
  readonly best: number | null;
}

export function modelCheckpoint(dir: string, options: ModelCheckpointOptions = {}): ModelCheckpoint {
  if (typeof dir !== 'string' || dir === '') throw new TypeError(`modelCheckpoint expects a directory path, got ${describeValue(dir)}`);
  checkOptions(options, 'modelCheckpoint()', MODEL_CHECKPOINT_OPTIONS);
  checkPathTemplate(dir, 'modelCheckpoint()');
  const bestOnly = options.saveBestOnly ?? false;
  if (typeof bestOnly !== 'boolean') throw new TypeError(`saveBestOnly must be true or false, got ${describeValue(bestOnly)}`);
  const monitor = watch(options.monitor, options.mode, options.minDelta, 'modelCheckpoint');
  const state = { best: monitor.initial, savedEpoch: null as number | null };
  return {
    get savedEpoch() {
      return state.savedEpoch;
    },
    get best() {
      return bestOnly && Number.isFinite(state.best) ? state.best : null;
    },
    onTrainBegin() {
      state.best = monitor.initial;
      state.savedEpoch = null;
    },
    onEpochEnd(epoch, logs, model) {
      if (bestOnly) {
        const value = monitor.read(logs);
        if (!monitor.improves(value, state.best)) return;
        state.best = value;
      }
      model.save(checkpointPath(dir, epoch, logs));
      state.savedEpoch = epoch;
    },
  };
}
