/**
 * Inputs and targets as training wants them: inputs as a Tensor2D, targets checked against the
 * loss and the output width and put in the loss's form (class indices, or a rows x cols matrix).
 */
import { gatherRows, Tensor2D, tensor2d } from './tensor.js';
import type { LossConfig } from './losses.js';

export type Targets = Tensor2D | Int32Array | Float32Array | readonly number[] | ReadonlyArray<readonly number[]>;
export type Inputs = Tensor2D | ReadonlyArray<readonly number[]>;

/** Targets in the loss's form: class indices (sparse) or a rows x cols matrix. */
export interface TargetSet {
  readonly data: Float32Array;
  readonly rows: number;
  /** 1 for class indices. */
  readonly cols: number;
  readonly sparse: boolean;
  /** Per-sample loss weights (fit's sampleWeight and classWeight), when given. */
  readonly weights?: Float32Array;
}

export function asInputs(x: Inputs, name: string): Tensor2D {
  if (x instanceof Tensor2D) return x;
  if (!Array.isArray(x)) throw new TypeError(`${name} must be a Tensor2D or number[][]`);
  return tensor2d(x as ReadonlyArray<readonly number[]>);
}

/** Training data must be finite: one NaN would turn every weight into NaN within a step. */
export function requireFinite(data: ArrayLike<number>, cols: number, name: string): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new RangeError(`${name} contains ${data[i]} at sample ${Math.floor(i / cols)}, column ${i % cols}: clean or impute the data before fit`);
    }
  }
}

function sparseTargets(labels: ArrayLike<number>, rows: number, cols: number, name: string): TargetSet {
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isInteger(labels[i]) || labels[i] < 0 || labels[i] >= cols) {
      throw new RangeError(`${name}[${i}] must be a class index in [0, ${cols - 1}], got ${labels[i]}`);
    }
  }
  return { data: Float32Array.from(labels), rows, cols: 1, sparse: true };
}

/** Checks y against the loss and a model output of `cols` columns, for `rows` samples. */
export function targetSet(y: Targets, rows: number, cols: number, loss: LossConfig, name: string): TargetSet {
  const sparse = loss.name === 'sparseCategoricalCrossentropy';
  const matrix = y instanceof Tensor2D ? y : Array.isArray(y) && Array.isArray(y[0]) ? tensor2d(y as number[][]) : null;
  if (matrix) {
    if (matrix.rows !== rows) throw new RangeError(`${name} has ${matrix.rows} rows, but x has ${rows} samples`);
    if (sparse) {
      if (matrix.cols !== 1) throw new RangeError(`sparseCategoricalCrossentropy needs one class index per sample; ${name} has ${matrix.cols} columns (one-hot? use categoricalCrossentropy)`);
      return sparseTargets(matrix.data, rows, cols, name);
    }
    if (matrix.cols !== cols) throw new RangeError(`${name} has ${matrix.cols} columns, but the model outputs ${cols} (${loss.name})`);
    return { data: matrix.data, rows, cols, sparse: false };
  }
  const labels = y instanceof Int32Array || y instanceof Float32Array ? y : Array.isArray(y) ? Float32Array.from(y as number[]) : null;
  if (!labels) throw new TypeError(`${name} must be a Tensor2D, number[][], or an array of labels`);
  if (labels.length !== rows) throw new RangeError(`${name} has ${labels.length} labels, but x has ${rows} samples`);
  if (sparse) return sparseTargets(labels, rows, cols, name);
  if (cols !== 1) {
    throw new RangeError(`${loss.name} with ${cols} outputs needs ${name} as a ${rows} x ${cols} matrix; for class labels use sparseCategoricalCrossentropy or oneHot(${name})`);
  }
  return { data: Float32Array.from(labels), rows, cols: 1, sparse: false };
}

export function sliceTargets(t: TargetSet, start: number, end: number): TargetSet {
  const sliced = { ...t, data: t.data.subarray(start * t.cols, end * t.cols), rows: end - start };
  return t.weights ? { ...sliced, weights: t.weights.subarray(start, end) } : sliced;
}

/** The targets (and weights) of samples `idx`, into `into`'s arrays when given (sized for idx). */
export function gatherTargets(t: TargetSet, idx: Int32Array, into?: { data: Float32Array; weights: Float32Array | null }): TargetSet {
  const data = gatherRows(t.data, t.cols, idx, into?.data);
  const gathered: TargetSet = { data, rows: idx.length, cols: t.cols, sparse: t.sparse };
  if (!t.weights) return gathered;
  const weights = into?.weights ?? new Float32Array(idx.length);
  for (let i = 0; i < idx.length; i++) weights[i] = t.weights[idx[i]];
  return { ...gathered, weights };
}
