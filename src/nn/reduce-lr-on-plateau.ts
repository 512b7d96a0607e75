/**
 * reduceLROnPlateau(): Keras' ReduceLROnPlateau. After `patience` epochs in which the monitored log
 * does not improve, multiplies the optimizer's learning rate by `factor` (not below minLr), then
 * waits `cooldown` epochs before counting again. The new rate applies from the next epoch's first
 * step (it sets model.optimizer.learningRate).
 */
import type { Callback } from './callback-types.js';
import { count, monitor as watch, type MonitorMode } from './monitor.js';
import { checkOptions, type OptionNames } from '../options.js';
import { showValue } from '../validate.js';

export interface ReduceLROnPlateauOptions {
  /** The log to watch: 'valLoss' (default), 'loss', ... or Keras' 'val_loss', ... */
  monitor?: string;
  /** What the learning rate is multiplied by, in (0, 1); default 0.1. */
  factor?: number;
  /** Epochs without improvement before reducing; default 10. */
  patience?: number;
  /** The lowest learning rate; default 0. */
  minLr?: number;
  /** Smallest change that counts as an improvement; default 1e-4, as Keras. */
  minDelta?: number;
  /**
   * Epochs after a reduction before counting again; default 0. Counted as Keras does: the counter
   * drops at each epoch's check and the epoch where it reaches 0 counts, so cooldown n leaves out n - 1 epochs.
   */
  cooldown?: number;
  /** 'min', 'max', or 'auto' (from the log's name). */
  mode?: MonitorMode;
}
const REDUCE_LR_OPTIONS: OptionNames<ReduceLROnPlateauOptions> = { monitor: true, factor: true, patience: true, minLr: true, minDelta: true, cooldown: true, mode: true };

export interface ReduceLROnPlateau extends Callback {
  /** The epochs (from 0) after which the rate was reduced, in this run. */
  readonly reductions: readonly number[];
}

export function reduceLROnPlateau(options: ReduceLROnPlateauOptions = {}): ReduceLROnPlateau {
  checkOptions(options, 'reduceLROnPlateau()', REDUCE_LR_OPTIONS);
  const monitor = watch(options.monitor, options.mode, options.minDelta ?? 1e-4, 'reduceLROnPlateau');
  const factor = options.factor ?? 0.1;
  if (!(typeof factor === 'number' && factor > 0 && factor < 1)) throw new RangeError(`factor must be in (0, 1), got ${showValue(factor)}`);
  const minLr = options.minLr ?? 0;
  if (!(typeof minLr === 'number' && minLr >= 0 && Number.isFinite(minLr))) throw new RangeError(`minLr must be a finite number >= 0, got ${showValue(minLr)}`);
  const patience = count(options.patience ?? 10, 'patience');
  const cooldown = count(options.cooldown ?? 0, 'cooldown');
  let best = monitor.initial;
  let wait = 0;
  let cooling = 0;
  const reductions: number[] = [];
  return {
    get reductions() {
      return reductions;
    },
    onTrainBegin() {
      best = monitor.initial;
      wait = 0;
      cooling = 0;
      reductions.length = 0;
    },
    onEpochEnd(epoch, logs, model) {
      const value = monitor.read(logs);
      if (cooling > 0) {
        cooling--;
        wait = 0;
      }
      if (monitor.improves(value, best)) {
        best = value;
        wait = 0;
        return;
      }
      if (cooling > 0) return;
      wait++;
      if (wait < patience) return;
      const { optimizer } = model;
      if (optimizer.learningRate > minLr) {
        optimizer.learningRate = Math.max(optimizer.learningRate * factor, minLr);
        reductions.push(epoch);
        cooling = cooldown;
        wait = 0;
      }
    },
  };
}
