import type { Backend, ElementwiseKind, FloatArray, KernelParams } from '../contract.js';
import { JS_ACTIVATIONS } from './activations.js';
import { denseBackward } from './dense.js';
import { gemm } from './gemm.js';
import { JS_LOSSES } from './losses.js';
import { JS_OPTIMIZERS } from './optimizers.js';
import { JS_OUTPUT_DERIVATIVES } from './output-derivatives.js';
import { logSoftmax, softmax, softmaxBackward } from './softmax.js';

/** Elements per slice of an async call: a few milliseconds of work between event-loop turns. */
const ASYNC_SLICE = 1 << 16;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs work(begin, end) over [0, n) in slices of `slice`, yielding to the event loop in between. */
async function sliced(n: number, slice: number, work: (begin: number, end: number) => void): Promise<void> {
  for (let begin = 0; begin < n; begin += slice) {
    if (begin > 0) await nextTurn();
    work(begin, Math.min(n, begin + slice));
  }
}

function elementwiseRange(activation: string, kind: ElementwiseKind, x: FloatArray, out: FloatArray, [a, b]: KernelParams, begin: number, end: number) {
  const f = JS_ACTIVATIONS[activation][kind];
  for (let i = begin; i < end; i++) out[i] = f(x[i], a, b);
}

function backwardRange(activation: string, x: FloatArray, dy: FloatArray, out: FloatArray, [a, b]: KernelParams, begin: number, end: number) {
  const f = JS_ACTIVATIONS[activation].derivative;
  for (let i = begin; i < end; i++) out[i] = dy[i] * f(x[i], a, b);
}

function backwardFromOutputRange(activation: string, y: FloatArray, dy: FloatArray, out: FloatArray, begin: number, end: number) {
  const f = JS_OUTPUT_DERIVATIVES[activation];
  for (let i = begin; i < end; i++) out[i] = f(y[i], dy[i]);
}

/** A row-wise kernel run over whole rows, a slice of rows at a time. */
function rowsAsync(rowKernel: (x: FloatArray, cols: number, out: FloatArray) => void) {
  return (x: FloatArray, cols: number, out: FloatArray) =>
    sliced(x.length / cols, Math.max(1, Math.floor(ASYNC_SLICE / cols)), (r0, r1) =>
      rowKernel(x.subarray(r0 * cols, r1 * cols), cols, out.subarray(r0 * cols, r1 * cols)),
    );
}

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
    openmp: null,
    addonPath: null,
    elementwise: (activation, kind, x, out, params) => elementwiseRange(activation, kind, x, out, params, 0, x.length),
    backward: (activation, x, dy, out, params) => backwardRange(activation, x, dy, out, params, 0, x.length),
    backwardFromOutput: (activation, y, dy, out) => backwardFromOutputRange(activation, y, dy, out, 0, y.length),
    softmax,
    logSoftmax,
    softmaxBackward,
    gemm,
    denseBackward,
    loss: (kind, prediction, target, rows, cols, grad, options) => JS_LOSSES[kind](prediction, target, rows, cols, grad, options),
    optimizerStep: (kind, params, grads, slots, hyper, step) => JS_OPTIMIZERS[kind](params, grads, slots, hyper, step),
    elementwiseAsync: (activation, kind, x, out, params) =>
      sliced(x.length, ASYNC_SLICE, (b, e) => elementwiseRange(activation, kind, x, out, params, b, e)),
    backwardAsync: (activation, x, dy, out, params) =>
      sliced(x.length, ASYNC_SLICE, (b, e) => backwardRange(activation, x, dy, out, params, b, e)),
    backwardFromOutputAsync: (activation, y, dy, out) =>
      sliced(y.length, ASYNC_SLICE, (b, e) => backwardFromOutputRange(activation, y, dy, out, b, e)),
    softmaxAsync: rowsAsync(softmax),
    logSoftmaxAsync: rowsAsync(logSoftmax),
    softmaxBackwardAsync: (y, dy, cols, out) =>
      sliced(y.length / cols, Math.max(1, Math.floor(ASYNC_SLICE / cols)), (r0, r1) =>
        softmaxBackward(y.subarray(r0 * cols, r1 * cols), dy.subarray(r0 * cols, r1 * cols), cols, out.subarray(r0 * cols, r1 * cols)),
      ),
    setNumThreads() {},
  };
}
