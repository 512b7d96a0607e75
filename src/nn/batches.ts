/** How fit cuts data: the validation split, and the (shuffled) mini-batches of an epoch. */
import type { Tensor2D } from './tensor.js';
import { gatherTargets, sliceTargets, type TargetSet } from './targets.js';
import { showValue } from '../validate.js';

export interface Batch {
  readonly x: Tensor2D;
  readonly t: TargetSet;
  /** Index of the batch in the epoch. */
  readonly index: number;
  readonly size: number;
}

/** The last `split` fraction of the samples, held out for validation (Keras' validationSplit). */
export function splitValidation(x: Tensor2D, t: TargetSet, split: number) {
  if (!(typeof split === 'number' && split > 0 && split < 1)) throw new RangeError(`validationSplit must be in (0, 1), got ${showValue(split)}`);
  const cut = Math.floor(x.rows * (1 - split));
  if (cut < 1 || cut >= x.rows) throw new RangeError(`validationSplit ${split} leaves no samples on one side of ${x.rows}`);
  return {
    train: { x: x.sliceRows(0, cut), t: sliceTargets(t, 0, cut) },
    validation: { x: x.sliceRows(cut, x.rows), t: sliceTargets(t, cut, x.rows) },
  };
}

export function batchCount(rows: number, batchSize: number): number {
  return Math.ceil(rows / batchSize);
}

/** The epoch's batches in order, or in the order of a permutation of the samples. */
export function* batches(x: Tensor2D, t: TargetSet, batchSize: number, order: Int32Array | null): Generator<Batch> {
  const count = batchCount(x.rows, batchSize);
  for (let b = 0; b < count; b++) {
    const start = b * batchSize;
    const end = Math.min(x.rows, start + batchSize);
    const idx = order ? order.subarray(start, end) : null;
    yield {
      x: idx ? x.gather(idx) : x.sliceRows(start, end),
      t: idx ? gatherTargets(t, idx) : sliceTargets(t, start, end),
      index: b,
      size: end - start,
    };
  }
}
