/**
 * Metrics by name, as compile() takes them: 'accuracy' ('acc'), the binary 'precision', 'recall'
 * and 'auc', and the regression 'mse' and 'mae' (Keras' names, in any case or snake_case:
 * 'AUC', 'mean_squared_error'). What each computes over an epoch is in metric-accumulator.ts.
 */
import type { Tensor2D } from './tensor.js';
import type { TargetSet } from './targets.js';
import { didYouMean } from '../options.js';
import { describeValue, showValue } from '../validate.js';

/** The metrics by the name fit and evaluate log them under. */
export type Metric = 'accuracy' | 'precision' | 'recall' | 'auc' | 'mse' | 'mae';
/** What compile() takes: the names above, 'acc', and the regression metrics' long names. */
export type MetricName = Metric | 'acc' | 'meanSquaredError' | 'meanAbsoluteError' | 'mean_squared_error' | 'mean_absolute_error';

export const METRICS: readonly Metric[] = ['accuracy', 'precision', 'recall', 'auc', 'mse', 'mae'];
/** Metrics on a binary decision per output (one sigmoid output, or each column of a one-hot target). */
export const BINARY_METRICS: readonly Metric[] = ['precision', 'recall', 'auc'];

const folded = (name: string) => name.replace(/_/g, '').toLowerCase();
const BY_FOLDED: ReadonlyMap<string, Metric> = new Map([
  ...METRICS.map((m) => [m, m] as const),
  ['acc', 'accuracy'],
  ['meansquarederror', 'mse'],
  ['meanabsoluteerror', 'mae'],
]);

/** The metrics by canonical name, each once, in the order given. */
export function resolveMetrics(metrics: unknown): Metric[] {
  if (!Array.isArray(metrics)) throw new TypeError(`metrics must be an array such as ['accuracy'], got ${describeValue(metrics)}`);
  const resolved = new Set<Metric>();
  for (const m of metrics) {
    const metric = typeof m === 'string' ? BY_FOLDED.get(folded(m)) : undefined;
    if (!metric) {
      throw new RangeError(`metrics may contain ${METRICS.map((n) => `'${n}'`).join(', ')} (or 'acc', 'meanSquaredError', 'meanAbsoluteError'), got ${showValue(m)}${typeof m === 'string' ? didYouMean(m, METRICS) : ''}`);
    }
    resolved.add(metric);
  }
  return [...resolved];
}

/**
 * Correct predictions in a batch: one output column is a binary decision (at 0.5, or 0 for
 * logits), several are the arg-max against the target's class.
 */
export function countCorrect(out: Tensor2D, t: TargetSet, logits: boolean): number {
  let right = 0;
  for (let r = 0; r < out.rows; r++) {
    if (out.cols === 1) {
      const p = out.data[r];
      right += (logits ? p > 0 : p > 0.5) === t.data[r] > 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let c = 1; c < out.cols; c++) if (out.data[r * out.cols + c] > out.data[r * out.cols + best]) best = c;
    let want = t.sparse ? t.data[r] : 0;
    if (!t.sparse) for (let c = 1; c < t.cols; c++) if (t.data[r * t.cols + c] > t.data[r * t.cols + want]) want = c;
    right += best === want ? 1 : 0;
  }
  return right;
}
