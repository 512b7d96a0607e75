/**
 * A dense layer's backward pass for the TypeScript backend (the twin of
 * native/kernels/dense/dense_backward.cc): dZ = dY f'(Z), dW = X^T dZ and dX = dZ W^T through the
 * backend's GEMM, db as the column sums of dZ, accumulated row by row in float32 as the native
 * kernel does (so the two agree exactly).
 */
import type { DenseActivationGrad, DenseGradients, DenseShape, Epilogue } from '../contract.js';
import { JS_ACTIVATIONS } from './activations.js';
import { gemm } from './gemm.js';

const NONE: Epilogue = { bias: null, activation: null, params: [0, 0], preActivation: null };

/** out[j] = the sum over the rows of m[i][j]. */
export function columnSums(m: Float32Array, rows: number, cols: number, out: Float32Array): void {
  out.fill(0);
  for (let i = 0; i < rows; i++) {
    for (let j = 0, at = i * cols; j < cols; j++, at++) out[j] += m[at];
  }
}

export function denseBackward(s: DenseShape, x: Float32Array, w: Float32Array, dy: Float32Array, through: DenseActivationGrad | null, grads: DenseGradients): void {
  let dz = dy;
  if (through) {
    const f = JS_ACTIVATIONS[through.activation].derivative;
    const [a, b] = through.params;
    const { z } = through;
    dz = through.dz;
    for (let i = 0; i < dz.length; i++) dz[i] = dy[i] * f(z[i], a, b);
  }
  gemm({ m: s.inputs, n: s.units, k: s.batch, transA: true, transB: false, alpha: 1, beta: 0 }, x, dz, grads.dw, NONE);
  if (grads.db) columnSums(dz, s.batch, s.units, grads.db);
  if (grads.dx) gemm({ m: s.batch, n: s.inputs, k: s.units, transA: false, transB: true, alpha: 1, beta: 0 }, dz, w, grads.dx, NONE);
}
