/**
 * modelCheckpoint's path template, as Keras writes it: '{epoch}' is the epoch's number from 1, and
 * '{name}' any of the epoch's logs, in fit's spelling or Keras' ('{val_loss}', '{valLoss}',
 * '{acc}'), so a folder per epoch can say how good it was. A format after a colon, as in Python:
 * '{epoch:02d}' (width, zero-padded), '{val_loss:.4f}' (fixed decimals), '{loss:.2e}' (exponent).
 */
import { logName } from './log-names.js';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?::([^{}]*))?\}/g;
const FORMAT = /^(?:0?(\d+)d|\.(\d+)([fe]))$/;

/** Refuses a template whose placeholder formats cannot be applied, before training starts. */
export function checkPathTemplate(template: string, where: string): void {
  for (const [whole, , format] of template.matchAll(PLACEHOLDER)) {
    if (format !== undefined && !FORMAT.test(format)) {
      throw new TypeError(`${where}: '${whole}' has a format actfn does not know ('02d', '.4f' and '.2e' are the ones it takes)`);
    }
  }
}

function formatted(value: number, format: string | undefined): string {
  const m = format === undefined ? null : FORMAT.exec(format);
  if (m === null) return String(value);
  if (m[1] !== undefined) return String(Math.round(value)).padStart(Number(m[1]), '0');
  return m[3] === 'f' ? value.toFixed(Number(m[2])) : value.toExponential(Number(m[2]));
}

/** The path for an epoch (from 0) and its logs; a placeholder naming no log is a RangeError listing the logs. */
export function checkpointPath(template: string, epoch: number, logs: Readonly<Record<string, number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string, format: string | undefined) => {
    if (name === 'epoch') return formatted(epoch + 1, format);
    const log = logName(name);
    if (!Object.hasOwn(logs, log)) {
      throw new RangeError(`modelCheckpoint(): '${whole}' names no log of this fit; its logs are epoch, ${Object.keys(logs).join(', ')}`);
    }
    return formatted(logs[log], format);
  });
}
