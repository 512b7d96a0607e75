/**
 * Losses and their gradients for the TypeScript backend, averaged over rows (samples) as Keras
 * does (the mean over the output columns first, for the elementwise losses). Each returns the loss
 * and, when `grad` is given, writes d loss / d input there. Stable forms: cross-entropies from
 * logits go through log-sum-exp and softplus; probabilities are clamped to [eps, 1 - eps].
 */
import type { LossKind, LossOptions } from '../contract.js';

const softplus = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

type Loss = (y: Float32Array, t: Float32Array, rows: number, cols: number, grad: Float32Array | null, o: LossOptions) => number;

/** An elementwise loss l(y, t) with derivative dl/dy, averaged over all elements. */
function elementwise(l: (y: number, t: number, o: LossOptions) => number, dl: (y: number, t: number, o: LossOptions) => number): Loss {
  return (y, t, rows, cols, grad, o) => {
    let sum = 0;
    const scale = 1 / (rows * cols);
    for (let i = 0; i < y.length; i++) {
      sum += l(y[i], t[i], o);
      if (grad) grad[i] = dl(y[i], t[i], o) * scale;
    }
    return sum * scale;
  };
}

const clamp = (p: number, eps: number) => Math.min(Math.max(p, eps), 1 - eps);

/** Cross-entropy of each row's softmax(logits) against a target distribution (or class index). */
function softmaxCrossEntropy(sparse: boolean): Loss {
  return (z, t, rows, cols, grad) => {
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const base = r * cols;
      let max = -Infinity;
      for (let c = 0; c < cols; c++) max = Math.max(max, z[base + c]);
      let sum = 0;
      for (let c = 0; c < cols; c++) sum += Math.exp(z[base + c] - max);
      const logSum = max + Math.log(sum);
      for (let c = 0; c < cols; c++) {
        const target = sparse ? (t[r] === c ? 1 : 0) : t[base + c];
        if (target !== 0) total -= target * (z[base + c] - logSum);
        if (grad) grad[base + c] = (Math.exp(z[base + c] - logSum) - target) / rows;
      }
    }
    return total / rows;
  };
}

export const JS_LOSSES: Record<LossKind, Loss> = {
  meanSquaredError: elementwise((y, t) => (y - t) ** 2, (y, t) => 2 * (y - t)),
  meanAbsoluteError: elementwise((y, t) => Math.abs(y - t), (y, t) => Math.sign(y - t)),
  huber: elementwise(
    (y, t, o) => (Math.abs(y - t) <= o.delta ? 0.5 * (y - t) ** 2 : o.delta * (Math.abs(y - t) - 0.5 * o.delta)),
    (y, t, o) => Math.max(-o.delta, Math.min(o.delta, y - t)),
  ),
  binaryCrossentropy: elementwise(
    (p, t, o) => -(t * Math.log(clamp(p, o.epsilon)) + (1 - t) * Math.log(1 - clamp(p, o.epsilon))),
    (p, t, o) => (p < o.epsilon || p > 1 - o.epsilon ? 0 : (p - t) / (p * (1 - p))),
  ),
  // max(z, 0) - z t + log1p(e^-|z|) = softplus(z) - z t; gradient sigmoid(z) - t
  binaryCrossentropyFromLogits: elementwise((z, t) => softplus(z) - z * t, (z, t) => sigmoid(z) - t),
  categoricalCrossentropy: (p, t, rows, _cols, grad, o) => {
    let total = 0;
    for (let i = 0; i < p.length; i++) {
      const q = clamp(p[i], o.epsilon);
      if (t[i] !== 0) total -= t[i] * Math.log(q);
      if (grad) grad[i] = p[i] < o.epsilon || p[i] > 1 - o.epsilon ? 0 : -t[i] / q / rows;
    }
    return total / rows;
  },
  categoricalCrossentropyFromLogits: softmaxCrossEntropy(false),
  sparseCategoricalCrossentropyFromLogits: softmaxCrossEntropy(true),
};
