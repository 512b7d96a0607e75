/**
 * fit's classWeight and sampleWeight, Keras' semantics: each sample's loss is multiplied by its
 * weight (sampleWeight[i], times classWeight[class of sample i] when both are given; a class
 * missing from classWeight weighs 1), and a batch's loss is the mean of the weighted losses over
 * the batch (Keras' 'sum_over_batch_size': divided by the batch size, not by the sum of weights).
 * The gradient is the same weighted mean of the per-sample gradients. Metrics are not weighted.
 */
import type { Backend, LossKind, LossOptions } from '../backend/contract.js';
import type { TargetSet } from './targets.js';
import { describeValue, showValue } from '../validate.js';

/** Keras' class_weight: a weight per class index ({ 0: 1, 1: 5 }). */
export type ClassWeight = Readonly<Record<number, number>>;

function requireWeight(value: unknown, name: string): number {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number >= 0, got ${showValue(value)}`);
  return value;
}

/** The class of each sample: its index (sparse), its 0/1 label (one column), or the arg-max of its one-hot row. */
function classOf(t: TargetSet, r: number): number {
  if (t.sparse) return t.data[r];
  if (t.cols === 1) {
    const label = t.data[r];
    if (label !== 0 && label !== 1) throw new RangeError(`classWeight needs class labels, but y[${r}] is ${label} (use sampleWeight for other targets)`);
    return label;
  }
  let best = 0;
  for (let c = 1; c < t.cols; c++) if (t.data[r * t.cols + c] > t.data[r * t.cols + best]) best = c;
  return best;
}

/** Per-sample weights from fit's options, or null when neither is given. */
export function sampleWeights(t: TargetSet, sampleWeight: unknown, classWeight: unknown): Float32Array | null {
  if (sampleWeight === undefined && classWeight === undefined) return null;
  const weights = new Float32Array(t.rows).fill(1);
  if (sampleWeight !== undefined) {
    if (!(Array.isArray(sampleWeight) || sampleWeight instanceof Float32Array || sampleWeight instanceof Float64Array)) {
      throw new TypeError(`sampleWeight must be an array of one weight per sample, got ${describeValue(sampleWeight)}`);
    }
    if (sampleWeight.length !== t.rows) throw new RangeError(`sampleWeight has ${sampleWeight.length} weights, but x has ${t.rows} samples`);
    for (let i = 0; i < t.rows; i++) weights[i] = requireWeight(sampleWeight[i], `sampleWeight[${i}]`);
  }
  if (classWeight !== undefined) {
    if (typeof classWeight !== 'object' || classWeight === null || Array.isArray(classWeight)) {
      throw new TypeError(`classWeight must be an object of weights by class index ({ 0: 1, 1: 5 }), got ${describeValue(classWeight)}`);
    }
    const byClass = new Map<number, number>();
    for (const [key, value] of Object.entries(classWeight)) {
      if (!/^(0|[1-9]\d*)$/.test(key)) throw new RangeError(`classWeight keys must be class indices, got '${key}'`);
      byClass.set(Number(key), requireWeight(value, `classWeight[${key}]`));
    }
    for (let r = 0; r < t.rows; r++) weights[r] *= byClass.get(classOf(t, r)) ?? 1;
  }
  return weights;
}

/**
 * The weighted loss of a batch: the mean over its rows of weight x loss, each row's loss from the
 * backend's kernel on that row alone; `grad`, when given, gets the gradient (the unweighted batch
 * gradient, each row scaled by its weight).
 */
export function weightedLoss(
  backend: Backend, kind: LossKind, prediction: Float32Array, t: TargetSet, cols: number, weights: Float32Array, grad: Float32Array | null, options: LossOptions,
): number {
  const rows = t.rows;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    if (weights[r] === 0) continue;
    const row = backend.loss(kind, prediction.subarray(r * cols, (r + 1) * cols), t.data.subarray(r * t.cols, (r + 1) * t.cols), 1, cols, null, options);
    sum += weights[r] * row;
  }
  if (grad) {
    backend.loss(kind, prediction, t.data, rows, cols, grad, options);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) grad[r * cols + c] *= weights[r];
  }
  return sum / rows;
}
