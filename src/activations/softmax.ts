/**
 * Row-wise softmax family over a row-major [length / cols, cols] matrix. Each row subtracts its
 * max, so huge offsets and -Infinity entries work; a row of only -Infinity (or with a NaN or
 * +Infinity) gives NaN, as in PyTorch.
 */
import type { FloatArray } from '../backend/contract.js';
import type { RowwiseActivation } from './spec.js';
import { getBackendImpl } from '../backend/select.js';
import { outputFor, requireCols, requireFloatArray, requireMatching } from '../validate.js';

function rowArgs(x: unknown, cols: unknown, out: unknown): [FloatArray, number, FloatArray] {
  const input = requireFloatArray(x, 'x');
  const c = requireCols(cols, input.length);
  return [input, c, outputFor(input, 'x', out, [[input, 'x']])];
}

function backwardArgs(y: unknown, dy: unknown, cols: unknown, out: unknown): [FloatArray, FloatArray, number, FloatArray] {
  const probs = requireFloatArray(y, 'y');
  const grad = requireMatching(dy, 'dy', probs, 'y');
  const c = requireCols(cols, probs.length);
  return [probs, grad, c, outputFor(probs, 'y', out, [[probs, 'y'], [grad, 'dy']])];
}

export function softmax<T extends FloatArray>(x: T, cols: number, out?: T): T {
  const [input, c, result] = rowArgs(x, cols, out);
  getBackendImpl().softmax(input, c, result);
  return result as T;
}

/** log(softmax(x)), computed without forming softmax, so it stays exact for dominant entries. */
export function logSoftmax<T extends FloatArray>(x: T, cols: number, out?: T): T {
  const [input, c, result] = rowArgs(x, cols, out);
  getBackendImpl().logSoftmax(input, c, result);
  return result as T;
}

/** Gradient with respect to x given y = softmax(x) and the gradient dy of y: y * (dy - sum(y * dy)). */
export function softmaxBackward<T extends FloatArray>(y: T, dy: T, cols: number, out?: T): T {
  const [probs, grad, c, result] = backwardArgs(y, dy, cols, out);
  getBackendImpl().softmaxBackward(probs, grad, c, result);
  return result as T;
}

/** softmax off the JavaScript thread (native) or in event-loop-friendly slices (js). */
export async function softmaxAsync<T extends FloatArray>(x: T, cols: number, out?: T): Promise<T> {
  const [input, c, result] = rowArgs(x, cols, out);
  await getBackendImpl().softmaxAsync(input, c, result);
  return result as T;
}

export async function logSoftmaxAsync<T extends FloatArray>(x: T, cols: number, out?: T): Promise<T> {
  const [input, c, result] = rowArgs(x, cols, out);
  await getBackendImpl().logSoftmaxAsync(input, c, result);
  return result as T;
}

export async function softmaxBackwardAsync<T extends FloatArray>(y: T, dy: T, cols: number, out?: T): Promise<T> {
  const [probs, grad, c, result] = backwardArgs(y, dy, cols, out);
  await getBackendImpl().softmaxBackwardAsync(probs, grad, c, result);
  return result as T;
}

/** softmax as a layer's activation: row-wise, over each sample's outputs (src/activations/choice.ts). */
export const SOFTMAX: RowwiseActivation = {
  name: 'softmax',
  forward: (x, cols, out) => getBackendImpl().softmax(x, cols, out),
  backward: (y, dy, cols, out) => getBackendImpl().softmaxBackward(y, dy, cols, out),
};
