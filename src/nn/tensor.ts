/**
 * A row-major 2-D float32 matrix: the one data type of the model layer (batches of samples, weight
 * matrices, one-hot labels). Plain data: `data` may be read and written directly.
 */
import { describeValue, showValue } from '../validate.js';

export class Tensor2D {
  readonly data: Float32Array;
  readonly rows: number;
  readonly cols: number;

  constructor(data: Float32Array, rows: number, cols: number) {
    if (!(data instanceof Float32Array)) throw new TypeError(`data must be a Float32Array, got ${describeValue(data)}`);
    // checked one by one, not by looping over [name, value] pairs: a training step makes a few
    // Tensor2Ds, and those arrays were most of their cost
    if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${showValue(rows)}`);
    if (!Number.isInteger(cols) || cols < 0) throw new RangeError(`cols must be a non-negative integer, got ${showValue(cols)}`);
    if (data.length !== rows * cols) {
      throw new RangeError(`data has ${data.length} elements but the shape [${rows}, ${cols}] needs ${rows * cols}`);
    }
    this.data = data;
    this.rows = rows;
    this.cols = cols;
  }

  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  get(row: number, col: number): number {
    return this.data[row * this.cols + col];
  }

  /** Row `row` as a view (no copy). */
  row(row: number): Float32Array {
    return this.data.subarray(row * this.cols, (row + 1) * this.cols);
  }

  /** The rows at `indices`, copied in that order. */
  gather(indices: ArrayLike<number>): Tensor2D {
    return new Tensor2D(gatherRows(this.data, this.cols, indices), indices.length, this.cols);
  }

  /** Rows [start, end) as a view (no copy). */
  sliceRows(start: number, end: number): Tensor2D {
    return new Tensor2D(this.data.subarray(start * this.cols, end * this.cols), end - start, this.cols);
  }

  clone(): Tensor2D {
    return new Tensor2D(this.data.slice(), this.rows, this.cols);
  }

  toArray(): number[][] {
    return Array.from({ length: this.rows }, (_, r) => Array.from(this.row(r)));
  }
}

/**
 * A Tensor2D from nested arrays (`[[1, 2], [3, 4]]`), a flat array with its shape, or a 1-D array
 * as a column (n x 1). Ragged rows and non-numbers are refused.
 */
export function tensor2d(values: Tensor2D | ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, shape?: [number, number]): Tensor2D {
  if (values instanceof Tensor2D) return values;
  if (shape !== undefined) {
    if (!Array.isArray(shape) || shape.length !== 2) throw new TypeError(`shape must be [rows, cols], got ${describeValue(shape)}`);
    const [rows, cols] = shape;
    const data = values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
    return new Tensor2D(data, rows, cols);
  }
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    throw new TypeError(`values must be number[][], a typed array with a shape, or a Tensor2D, got ${describeValue(values)}`);
  }
  const list = values as ArrayLike<unknown>;
  if (list.length > 0 && typeof list[0] === 'object' && list[0] !== null) {
    const rows = list as ReadonlyArray<ArrayLike<number>>;
    const cols = rows[0].length;
    const data = new Float32Array(rows.length * cols);
    rows.forEach((row, r) => {
      if (row.length !== cols) throw new RangeError(`values must be rectangular: row ${r} has ${row.length} values, row 0 has ${cols}`);
      for (let c = 0; c < cols; c++) {
        const v = row[c];
        if (typeof v !== 'number') throw new TypeError(`values[${r}][${c}] must be a number, got ${describeValue(v)}`);
        data[r * cols + c] = v;
      }
    });
    return new Tensor2D(data, rows.length, cols);
  }
  const flat = Float32Array.from(list as ArrayLike<number>);
  return new Tensor2D(flat, flat.length, 1);
}

/**
 * Rows `indices` of a row-major array with `cols` columns, copied in that order (into `out`, of
 * indices.length x cols elements, when given). Element by element rather than through row views:
 * a training batch of 32 rows would otherwise allocate 32 subarrays per step.
 */
export function gatherRows(data: Float32Array, cols: number, indices: ArrayLike<number>, out: Float32Array = new Float32Array(indices.length * cols)): Float32Array {
  for (let i = 0, o = 0; i < indices.length; i++) {
    for (let from = indices[i] * cols, end = from + cols; from < end; from++, o++) out[o] = data[from];
  }
  return out;
}
