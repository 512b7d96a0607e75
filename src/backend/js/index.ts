import type { Backend, ElementwiseKind, FloatArray, KernelParams } from '../contract.js';
import { JS_ACTIVATIONS } from './activations.js';
import { logSoftmax, softmax, softmaxBackward } from './softmax.js';

/**
 * The pure-TypeScript backend: no dependencies, runs anywhere, and is the numerical reference
 * for the native kernels. Single-threaded by nature; setNumThreads is accepted and ignored.
 */
export function createJsBackend(): Backend {
  return {
    name: 'js',
    activationNames: Object.keys(JS_ACTIVATIONS),
    simd: 'js',
    threads: 1,
    napiVersion: null,
    elementwise(activation: string, kind: ElementwiseKind, x: FloatArray, out: FloatArray, params: KernelParams) {
      const f = JS_ACTIVATIONS[activation][kind];
      const [a, b] = params;
      for (let i = 0; i < x.length; i++) out[i] = f(x[i], a, b);
    },
    backward(activation: string, x: FloatArray, dy: FloatArray, out: FloatArray, params: KernelParams) {
      const f = JS_ACTIVATIONS[activation].derivative;
      const [a, b] = params;
      for (let i = 0; i < x.length; i++) out[i] = dy[i] * f(x[i], a, b);
    },
    softmax,
    logSoftmax,
    softmaxBackward,
    setNumThreads() {},
  };
}
