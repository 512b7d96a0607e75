/**
 * Strict options and "did you mean" suggestions. An options key the function does not know is an
 * error, not a no-op: a Keras or tfjs habit (`lr`, `batch_size`, `validation_split`) or a typo
 * (`activaton`) would otherwise train a different model without a word. The same suggestion serves
 * names (losses, optimizers, metrics, activations).
 */
import { describeValue, isRecord } from './validate.js';

/**
 * Every option name of T, each once: the compiler checks a literal of this type against T, so an
 * option added to an interface and not here (or the other way round) fails `tsc`.
 */
export type OptionNames<T> = { readonly [K in keyof Required<T>]: true };

/**
 * Spellings from Keras, tfjs, PyTorch and scikit-learn that no edit distance finds. snake_case needs no
 * entry (compared without underscores and case).
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  lr: ['learningRate'],
  nb_epoch: ['epochs'],
  random_state: ['seed'],
  randomState: ['seed'],
  alpha_initializer: ['alphaInitial'],
  alphaInitializer: ['alphaInitial'],
  input_shape: ['inputShape', 'inputDim'],
  metric: ['metrics'],
  callback: ['callbacks'],
  eps: ['epsilon'],
  negative_slope: ['alpha'],
  negativeSlope: ['alpha'],
};

const folded = (s: string) => s.replace(/[_-]/g, '').toLowerCase();

/** Optimal string alignment distance: edits, with a swap of neighbours counting as one. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The valid name `given` most likely meant, or null: a known alias, the same name up to case,
 * underscores and hyphens, else the nearest by edit distance if it is near enough (a third of the length,
 * at least 1) to be a slip rather than a different word.
 */
export function closestName(given: string, valid: readonly string[]): string | null {
  const alias = Object.hasOwn(ALIASES, given) ? ALIASES[given].find((name) => valid.includes(name)) : undefined;
  if (alias) return alias;
  const key = folded(given);
  const same = valid.find((name) => folded(name) === key);
  if (same) return same;
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const name of valid) {
    const d = distance(key, folded(name));
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

/** "did you mean 'x'?", or else the valid names, for the end of an error message. */
export function suggestion(given: string, valid: readonly string[], what = 'valid options'): string {
  const near = closestName(given, valid);
  return near === null ? `${what}: ${valid.join(', ')}` : `did you mean '${near}'?`;
}

/** "; did you mean 'x'?" or nothing, for a message that already lists the valid names. */
export function didYouMean(given: string, valid: readonly string[]): string {
  const near = closestName(given, valid);
  return near === null ? '' : `; did you mean '${near}'?`;
}

/**
 * An options argument of `where` (e.g. 'adam()', 'fit()'): undefined or a plain object whose
 * every own key is one of `names`, else a TypeError naming the key and the nearest valid one. Call
 * it first, before any other work.
 */
export function checkOptions<T>(value: T | undefined, where: string, names: OptionNames<T>): void {
  if (value === undefined) return;
  if (!isRecord(value)) throw new TypeError(`options for ${where} must be an object, got ${describeValue(value)}`);
  const valid = Object.keys(names);
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(names, key)) throw new TypeError(`unknown option '${key}' for ${where}; ${suggestion(key, valid)}`);
  }
}
