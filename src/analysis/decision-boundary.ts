/**
 * decisionBoundary: a trained 2-D classifier's predictions on a resolution x resolution grid
 * spanning the data (plus a margin), for drawing its regions under the samples.
 */
import type { Sequential } from '../nn/model.js';
import { Tensor2D } from '../nn/tensor.js';
import { checkOptions, type OptionNames } from '../options.js';
import { showValue } from '../validate.js';

export interface DecisionBoundary {
  /** Grid coordinates along each axis. */
  xs: number[];
  ys: number[];
  /** Predicted class per grid point, row-major by ys then xs. */
  classes: number[];
  /** Probability of class 1 (binary models) or of the predicted class, same layout. */
  confidence: number[];
  points: Array<{ x: number; y: number; label: number }>;
}

export interface DecisionBoundaryOptions {
  /** Grid points along each axis. */
  resolution?: number;
  /** How far the grid extends beyond the data, in input units. */
  margin?: number;
}
const DECISION_BOUNDARY_OPTIONS: OptionNames<DecisionBoundaryOptions> = { resolution: true, margin: true };

export function decisionBoundary(model: Sequential, x: Tensor2D, y: ArrayLike<number>, options: DecisionBoundaryOptions = {}): DecisionBoundary {
  checkOptions(options, 'decisionBoundary()', DECISION_BOUNDARY_OPTIONS);
  if (x.cols !== 2) throw new RangeError(`decisionBoundary needs 2-D inputs, x has ${x.cols} features`);
  if (y.length !== x.rows) throw new RangeError(`y must have one label per sample (${x.rows}), got ${y.length}`);
  const resolution = options.resolution ?? 100;
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 2000) throw new RangeError(`resolution must be an integer in [2, 2000], got ${showValue(resolution)}`);
  const margin = options.margin ?? 0.5;
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (let r = 0; r < x.rows; r++) {
    for (let c = 0; c < 2; c++) {
      lo[c] = Math.min(lo[c], x.get(r, c));
      hi[c] = Math.max(hi[c], x.get(r, c));
    }
  }
  const axis = (c: number) => Array.from({ length: resolution }, (_, i) => lo[c] - margin + ((hi[c] - lo[c] + 2 * margin) * i) / (resolution - 1));
  const xs = axis(0);
  const ys = axis(1);
  const grid = new Float32Array(resolution * resolution * 2);
  for (let j = 0; j < resolution; j++) {
    for (let i = 0; i < resolution; i++) {
      grid[2 * (j * resolution + i)] = xs[i];
      grid[2 * (j * resolution + i) + 1] = ys[j];
    }
  }
  const p = model.predict(new Tensor2D(grid, resolution * resolution, 2));
  const classes: number[] = [];
  const confidence: number[] = [];
  for (let r = 0; r < p.rows; r++) {
    if (p.cols === 1) {
      classes.push(p.data[r] > 0.5 ? 1 : 0);
      confidence.push(p.data[r]);
    } else {
      let best = 0;
      for (let c = 1; c < p.cols; c++) if (p.get(r, c) > p.get(r, best)) best = c;
      classes.push(best);
      confidence.push(p.get(r, best));
    }
  }
  const points = Array.from({ length: x.rows }, (_, r) => ({ x: x.get(r, 0), y: x.get(r, 1), label: y[r] }));
  return { xs, ys, classes, confidence, points };
}
