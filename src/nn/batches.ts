/** How fit cuts data: the validation split, and the (shuffled) mini-batches of an epoch. */
import { gatherRows, Tensor2D } from './tensor.js';
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

/**
 * The epoch's batches in order (views of x and t), or in the order of a permutation of the samples,
 * gathered into arrays this generator reuses from batch to batch: a batch's arrays hold until the
 * next batch is taken (a training step is done with them by then).
 */
export function* batches(x: Tensor2D, t: TargetSet, batchSize: number, order: Int32Array | null): Generator<Batch> {
  const count = batchCount(x.rows, batchSize);
  const most = Math.min(batchSize, x.rows);
  const scratch = order && {
    x: new Float32Array(most * x.cols),
    data: new Float32Array(most * t.cols),
    weights: t.weights ? new Float32Array(most) : null,
  };
  for (let b = 0; b < count; b++) {
    const start = b * batchSize;
    const end = Math.min(x.rows, start + batchSize);
    const size = end - start;
    if (!order || !scratch) {
      yield { x: x.sliceRows(start, end), t: sliceTargets(t, start, end), index: b, size };
      continue;
    }
    const idx = order.subarray(start, end);
    // the short last batch of an epoch takes views of the front of the scratch arrays
    const into = size === most ? scratch : { x: scratch.x.subarray(0, size * x.cols), data: scratch.data.subarray(0, size * t.cols), weights: scratch.weights?.subarray(0, size) ?? null };
    yield { x: new Tensor2D(gatherRows(x.data, x.cols, idx, into.x), size, x.cols), t: gatherTargets(t, idx, into), index: b, size };
  }
}
