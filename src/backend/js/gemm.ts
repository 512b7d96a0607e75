/**
 * GEMM for the TypeScript backend: C = alpha op(A) op(B) + beta C on row-major float32 matrices,
 * then the epilogue (bias per column, the pre-activation kept if asked, the activation). Sums are
 * accumulated in float64 (JavaScript numbers) and rounded once per element.
 */
import type { Epilogue, GemmShape } from '../contract.js';
import { JS_ACTIVATIONS } from './activations.js';

/** Row i of op(A) as a function of (i, p): element (i, p) of an m x k matrix. */
function element(matrix: Float32Array, transposed: boolean, rows: number, cols: number) {
  return transposed ? (i: number, p: number) => matrix[p * rows + i] : (i: number, p: number) => matrix[i * cols + p];
}

export function gemm(shape: GemmShape, a: Float32Array, b: Float32Array, c: Float32Array, epilogue: Epilogue): void {
  const { m, n, k, transA, transB, alpha, beta } = shape;
  const acc = new Float64Array(n);
  const aAt = element(a, transA, m, k);
  for (let i = 0; i < m; i++) {
    acc.fill(0);
    for (let p = 0; p < k; p++) {
      const aip = aAt(i, p);
      if (aip === 0) continue;
      if (transB) {
        for (let j = 0; j < n; j++) acc[j] += aip * b[j * k + p];
      } else {
        const row = p * n;
        for (let j = 0; j < n; j++) acc[j] += aip * b[row + j];
      }
    }
    const base = i * n;
    for (let j = 0; j < n; j++) {
      let z = alpha * acc[j];
      if (beta !== 0) z += beta * c[base + j];
      if (epilogue.bias) z += epilogue.bias[j];
      c[base + j] = z;
    }
  }
  applyEpilogueActivation(c, epilogue);
}

/** Keeps Z if asked, then C = f(Z) in place. */
export function applyEpilogueActivation(c: Float32Array, epilogue: Epilogue): void {
  if (epilogue.preActivation) epilogue.preActivation.set(c);
  if (!epilogue.activation || epilogue.activation === 'linear') return;
  const f = JS_ACTIVATIONS[epilogue.activation].forward;
  const [pa, pb] = epilogue.params;
  for (let i = 0; i < c.length; i++) c[i] = f(c[i], pa, pb);
}
