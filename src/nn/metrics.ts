/** Metrics by name ('accuracy'), computed from a batch's outputs and targets. */
import type { Tensor2D } from './tensor.js';
import type { TargetSet } from './targets.js';
import { didYouMean } from '../options.js';
import { describeValue, showValue } from '../validate.js';

export type Metric = 'accuracy';
/** What compile() takes: Keras and tfjs also spell accuracy 'acc'. */
export type MetricName = Metric | 'acc';
const BY_NAME: Readonly<Record<string, Metric>> = { accuracy: 'accuracy', acc: 'accuracy' };

/** The metrics by canonical name, each once. */
export function resolveMetrics(metrics: unknown): Metric[] {
  if (!Array.isArray(metrics)) throw new TypeError(`metrics must be an array such as ['accuracy'], got ${describeValue(metrics)}`);
  const resolved = new Set<Metric>();
  for (const m of metrics) {
    const metric = typeof m === 'string' && Object.hasOwn(BY_NAME, m) ? BY_NAME[m] : undefined;
    if (!metric) throw new RangeError(`metrics may contain 'accuracy' (or 'acc'), got ${showValue(m)}${typeof m === 'string' ? didYouMean(m, Object.keys(BY_NAME)) : ''}`);
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
