/**
 * Row-wise softmax family over a row-major [length / cols, cols] matrix. Each row subtracts its
 * max, so huge offsets and -Infinity entries work; a row of only -Infinity (or with a NaN or
 * +Infinity) gives NaN, as in PyTorch.
 */
import type { FloatArray } from './backend/contract.js';
import { getBackendImpl } from './backend/select.js';
import { outputFor, requireCols, requireFloatArray, requireMatching } from './validate.js';

export function softmax<T extends FloatArray>(x: T, cols: number, out?: T): T {
  const input = requireFloatArray(x, 'x');
  const c = requireCols(cols, input.length);
  const result = outputFor(input, 'x', out, [[input, 'x']]);
  getBackendImpl().softmax(input, c, result);
  return result as T;
}

/** log(softmax(x)), computed without forming softmax, so it stays exact for dominant entries. */
export function logSoftmax<T extends FloatArray>(x: T, cols: number, out?: T): T {
  const input = requireFloatArray(x, 'x');
  const c = requireCols(cols, input.length);
  const result = outputFor(input, 'x', out, [[input, 'x']]);
  getBackendImpl().logSoftmax(input, c, result);
  return result as T;
}

/** Gradient with respect to x given y = softmax(x) and the gradient dy of y: y * (dy - sum(y * dy)). */
export function softmaxBackward<T extends FloatArray>(y: T, dy: T, cols: number, out?: T): T {
  const probs = requireFloatArray(y, 'y');
  const grad = requireMatching(dy, 'dy', probs, 'y');
  const c = requireCols(cols, probs.length);
  const result = outputFor(probs, 'y', out, [[probs, 'y'], [grad, 'dy']]);
  getBackendImpl().softmaxBackward(probs, grad, c, result);
  return result as T;
}
