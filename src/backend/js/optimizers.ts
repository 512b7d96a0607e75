/**
 * Optimizer updates for the TypeScript backend, one fused pass per parameter array. Formulas
 * follow PyTorch (torch.optim), which Keras matches up to where epsilon sits:
 *   sgd:     v = momentum v - lr g;  p += v, or p += momentum v - lr g with Nesterov
 *   adam:    m = b1 m + (1 - b1) g;  s = b2 s + (1 - b2) g^2;
 *            p -= (lr / (1 - b1^t)) m / (sqrt(s) / sqrt(1 - b2^t) + eps)
 *            (PyTorch's arrangement: the bias corrections are scalars per step, so an element costs
 *            one square root and one division, the native kernel's vector budget)
 *   adamw:   p -= lr wd p, then the adam step
 *   rmsprop: s = rho s + (1 - rho) g^2;  p -= lr g / (sqrt(s) + eps)
 * `slots` hold the optimizer's state arrays (velocity; m and s; s), zero-initialised by the caller.
 */
import type { OptimizerHyper, OptimizerKind } from '../contract.js';

type Step = (p: Float32Array, g: Float32Array, slots: readonly Float32Array[], h: OptimizerHyper, t: number) => void;

function adam(decoupledDecay: boolean): Step {
  return (p, g, [m, s], h, t) => {
    const stepSize = h.learningRate / (1 - h.beta1 ** t);
    const invRootC2 = 1 / Math.sqrt(1 - h.beta2 ** t);
    const decay = decoupledDecay ? 1 - h.learningRate * h.weightDecay : 1;
    for (let i = 0; i < p.length; i++) {
      m[i] = h.beta1 * m[i] + (1 - h.beta1) * g[i];
      s[i] = h.beta2 * s[i] + (1 - h.beta2) * g[i] * g[i];
      p[i] = p[i] * decay - (stepSize * m[i]) / (Math.sqrt(s[i]) * invRootC2 + h.epsilon);
    }
  };
}

export const JS_OPTIMIZERS: Record<OptimizerKind, Step> = {
  sgd: (p, g, [v], h) => {
    if (h.beta1 === 0) {
      for (let i = 0; i < p.length; i++) p[i] -= h.learningRate * g[i];
      return;
    }
    for (let i = 0; i < p.length; i++) {
      v[i] = h.beta1 * v[i] - h.learningRate * g[i];
      p[i] += h.nesterov ? h.beta1 * v[i] - h.learningRate * g[i] : v[i];
    }
  },
  adam: adam(false),
  adamw: adam(true),
  rmsprop: (p, g, [s], h) => {
    for (let i = 0; i < p.length; i++) {
      s[i] = h.beta1 * s[i] + (1 - h.beta1) * g[i] * g[i];
      p[i] -= (h.learningRate * g[i]) / (Math.sqrt(s[i]) + h.epsilon);
    }
  },
};
