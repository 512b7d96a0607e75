/**
 * csvLogger(file): Keras' CSVLogger. Writes one row per epoch: a header 'epoch' then the epoch's
 * log names as History spells them (loss, accuracy, valLoss, ...), then the epoch (from 0, as
 * Keras) and each value. Each row is appended as the epoch ends, so a run that dies keeps the
 * rows so far. The file is replaced at the start of training unless `append`, which adds rows (and
 * a header only if the file is new or empty).
 */
import { appendFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import type { Callback } from './callback-types.js';
import { checkOptions, type OptionNames } from '../options.js';
import { describeValue, showValue } from '../validate.js';

export interface CsvLoggerOptions {
  /** Between fields; default ','. */
  separator?: string;
  /** Add to an existing file instead of replacing it. */
  append?: boolean;
}
const CSV_LOGGER_OPTIONS: OptionNames<CsvLoggerOptions> = { separator: true, append: true };

export function csvLogger(file: string, options: CsvLoggerOptions = {}): Callback {
  if (typeof file !== 'string' || file === '') throw new TypeError(`csvLogger expects a file path, got ${describeValue(file)}`);
  checkOptions(options, 'csvLogger()', CSV_LOGGER_OPTIONS);
  const separator = options.separator ?? ',';
  if (typeof separator !== 'string' || separator === '' || /[\r\n]/.test(separator)) throw new RangeError(`separator must be a non-empty string without line breaks, got ${showValue(separator)}`);
  const append = options.append ?? false;
  let keys: string[] | null = null;
  return {
    onTrainBegin() {
      keys = null;
      if (!append) writeFileSync(file, '');
    },
    onEpochEnd(epoch, logs) {
      if (!keys) {
        keys = Object.keys(logs);
        if (!existsSync(file) || statSync(file).size === 0) appendFileSync(file, `${['epoch', ...keys].join(separator)}\n`);
      }
      appendFileSync(file, `${[epoch, ...keys.map((k) => logs[k] ?? '')].join(separator)}\n`);
    },
  };
}
