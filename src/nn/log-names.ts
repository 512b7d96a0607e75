/**
 * The names of fit's logs. fit logs in camelCase ('loss', 'accuracy', 'valLoss', 'valAuc'); Keras
 * users write snake_case ('val_loss', 'val_accuracy', 'acc'). A History carries both spellings
 * (the Keras ones as non-enumerable aliases of the same arrays), and callbacks that monitor a log
 * take either.
 */

/** The validation log of a metric: 'loss' -> 'valLoss', 'auc' -> 'valAuc'. */
export function validationName(metric: string): string {
  return `val${metric[0].toUpperCase()}${metric.slice(1)}`;
}

/** Keras' spelling of a log: 'valLoss' -> 'val_loss'; 'loss' and 'accuracy' are the same in both. */
export function kerasName(log: string): string {
  return /^val[A-Z]/.test(log) ? `val_${log[3].toLowerCase()}${log.slice(4)}` : log;
}

/** Keras' short names fit does not log under that name. */
const SHORT: Readonly<Record<string, string>> = { acc: 'accuracy', val_acc: 'valAccuracy', valAcc: 'valAccuracy' };

/** The log a monitor names, in fit's spelling: 'val_loss' -> 'valLoss', 'acc' -> 'accuracy', 'valLoss' as is. */
export function logName(monitor: string): string {
  if (Object.hasOwn(SHORT, monitor)) return SHORT[monitor];
  const keras = /^val_([a-z])(.*)$/.exec(monitor);
  return keras ? `val${keras[1].toUpperCase()}${keras[2]}` : monitor;
}

/**
 * Adds the Keras spelling of each log in `history` as a non-enumerable alias of the same array
 * (so `history.val_loss === history.valLoss`, while JSON and Object.keys show each array once).
 */
export function addKerasAliases(history: Record<string, number[]>): void {
  for (const key of Object.keys(history)) {
    const alias = kerasName(key);
    if (alias !== key && !Object.hasOwn(history, alias)) Object.defineProperty(history, alias, { value: history[key], enumerable: false });
  }
}
