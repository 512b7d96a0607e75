/**
 * What callbacks that watch a log share (earlyStopping, reduceLROnPlateau, modelCheckpoint): the
 * log's name in either spelling, its direction ('min' for losses and errors, 'max' for accuracy,
 * precision, recall and AUC), and the check that it is logged at all.
 */
import type { Logs } from './callback-types.js';
import { logName } from './log-names.js';
import { didYouMean } from '../options.js';
import { describeValue, showValue } from '../validate.js';

export type MonitorMode = 'min' | 'max' | 'auto';

export interface Monitor {
  /** The log, as fit spells it ('valLoss'). */
  readonly name: string;
  readonly mode: 'min' | 'max';
  /** The worst value, where watching starts. */
  readonly initial: number;
  /** Whether `value` beats `best` by more than minDelta. */
  improves(value: number, best: number): boolean;
  /** The monitored value in an epoch's logs; an error naming the logs when it is not there. */
  read(logs: Logs): number;
}

const MAXIMIZED = /acc|precision|recall|auc/i;

export function monitor(given: unknown, mode: unknown, minDelta: unknown, who: string): Monitor {
  if (given !== undefined && typeof given !== 'string') throw new TypeError(`monitor must be the name of a log such as 'valLoss', got ${describeValue(given)}`);
  if (mode !== undefined && mode !== 'min' && mode !== 'max' && mode !== 'auto') throw new RangeError(`mode must be 'min', 'max' or 'auto', got ${showValue(mode)}`);
  if (minDelta !== undefined && !(typeof minDelta === 'number' && Number.isFinite(minDelta))) throw new RangeError(`minDelta must be a finite number, got ${showValue(minDelta)}`);
  const name = logName(given ?? 'valLoss');
  const direction = mode === undefined || mode === 'auto' ? (MAXIMIZED.test(name) ? 'max' : 'min') : mode;
  const delta = Math.abs(minDelta ?? 0);
  return {
    name,
    mode: direction,
    initial: direction === 'min' ? Infinity : -Infinity,
    improves: (value, best) => (direction === 'min' ? value < best - delta : value > best + delta),
    read(logs) {
      const value = logs[name];
      if (value === undefined) throw new RangeError(`${who} monitors '${name}', which training does not log; logged: ${Object.keys(logs).join(', ')}${didYouMean(name, Object.keys(logs))}`);
      return value;
    },
  };
}

/** A non-negative integer option (patience, cooldown). */
export function count(value: unknown, name: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) throw new RangeError(`${name} must be a non-negative integer, got ${showValue(value)}`);
  return value as number;
}
