/**
 * GEMM for the TypeScript backend: C = alpha op(A) op(B) + beta C on row-major float32 matrices,
 * then the epilogue (bias per column, the pre-activation kept if asked, the activation). Sums are
 * accumulated in float64 (JavaScript numbers), p ascending, and rounded once per element.
 *
 * Speed in plain JavaScript comes from register blocking: 4 x 4 blocks of C are summed in sixteen
 * local numbers (V8 keeps them in registers), so each step of p loads 8 values for 16 multiply-adds
 * instead of 3 memory accesses per multiply-add. Transposed operands are first copied row-major
 * into scratch, so the inner loop always walks contiguous rows.
 */
import type { Epilogue, GemmShape } from '../contract.js';
import { JS_ACTIVATIONS } from './activations.js';

// Scratch for transposed operands, grown as needed and kept (a training loop calls with the same
// shapes every step).
let scratchA: Float32Array = new Float32Array(0);
let scratchB: Float32Array = new Float32Array(0);

/** The rows x cols row-major copy of a matrix stored as cols x rows. */
function transposed(matrix: Float32Array, rows: number, cols: number, scratch: Float32Array): Float32Array {
  const out = scratch.length >= rows * cols ? scratch : new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++) out[r * cols + q] = matrix[q * rows + r];
  }
  return out;
}

export function gemm(shape: GemmShape, a: Float32Array, b: Float32Array, c: Float32Array, epilogue: Epilogue): void {
  const { m, n, k, transA, transB } = shape;
  let A = a;
  let B = b;
  if (transA) A = scratchA = transposed(a, m, k, scratchA); // op(A): m x k
  if (transB) B = scratchB = transposed(b, k, n, scratchB); // op(B): k x n
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const r0 = i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
    for (let j = 0; j < n4; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let p = 0, q = j; p < k; p++, q += n) {
        const b0 = B[q], b1 = B[q + 1], b2 = B[q + 2], b3 = B[q + 3];
        const a0 = A[r0 + p], a1 = A[r1 + p], a2 = A[r2 + p], a3 = A[r3 + p];
        s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
        s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
        s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
        s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
      }
      join(shape, c, epilogue, i, j, s00, s01, s02, s03);
      join(shape, c, epilogue, i + 1, j, s10, s11, s12, s13);
      join(shape, c, epilogue, i + 2, j, s20, s21, s22, s23);
      join(shape, c, epilogue, i + 3, j, s30, s31, s32, s33);
    }
  }
  // the edges: rows below m4 for every column, then columns beyond n4 for the blocked rows
  for (let i = 0; i < m; i++) {
    for (let j = i < m4 ? n4 : 0; j < n; j++) {
      let s = 0;
      for (let p = 0, q = j, r = i * k; p < k; p++, q += n) s += A[r + p] * B[q];
      joinOne(shape, c, epilogue, i, j, s);
    }
  }
  applyEpilogueActivation(c, epilogue);
}

/** C[i, j..j+3] from four sums: alpha s + beta C + bias, rounded once to float32. */
function join(shape: GemmShape, c: Float32Array, e: Epilogue, i: number, j: number, s0: number, s1: number, s2: number, s3: number): void {
  joinOne(shape, c, e, i, j, s0);
  joinOne(shape, c, e, i, j + 1, s1);
  joinOne(shape, c, e, i, j + 2, s2);
  joinOne(shape, c, e, i, j + 3, s3);
}

function joinOne(shape: GemmShape, c: Float32Array, e: Epilogue, i: number, j: number, sum: number): void {
  const at = i * shape.n + j;
  let z = shape.alpha * sum;
  if (shape.beta !== 0) z += shape.beta * c[at];
  if (e.bias) z += e.bias[j];
  c[at] = z;
}

/** Keeps Z if asked, then C = f(Z) in place. */
export function applyEpilogueActivation(c: Float32Array, epilogue: Epilogue): void {
  if (epilogue.preActivation) epilogue.preActivation.set(c);
  if (!epilogue.activation || epilogue.activation === 'linear') return;
  const f = JS_ACTIVATIONS[epilogue.activation].forward;
  const [pa, pb] = epilogue.params;
  for (let i = 0; i < c.length; i++) c[i] = f(c[i], pa, pb);
}
