import { describe, expect, it } from 'vitest';
import { getBackendImpl } from '../../src/backend/select.js';
import type { Epilogue, GemmShape } from '../../src/backend/contract.js';
import { JS_ACTIVATIONS } from '../../src/backend/js/activations.js';
import { testedBackends, withBackend } from '../support/backends.js';
import { seededRandom } from '../support/tolerance.js';

/** GEMM with its epilogue on each backend, against a float64 reference with a rigorous error bound. */
function randomArray(n: number, seed: number) {
  const random = seededRandom(seed);
  return Float32Array.from({ length: n }, () => random() * 2 - 1);
}

function reference(s: GemmShape, a: Float32Array, b: Float32Array, c0: Float32Array, bias: Float32Array | null) {
  const z = new Float64Array(s.m * s.n);
  const bound = new Float64Array(s.m * s.n);
  for (let i = 0; i < s.m; i++) {
    for (let j = 0; j < s.n; j++) {
      let sum = 0;
      let abs = 0;
      for (let p = 0; p < s.k; p++) {
        const x = s.transA ? a[p * s.m + i] : a[i * s.k + p];
        const y = s.transB ? b[j * s.k + p] : b[p * s.n + j];
        sum += x * y;
        abs += Math.abs(x * y);
      }
      const old = s.beta === 0 ? 0 : s.beta * c0[i * s.n + j];
      z[i * s.n + j] = s.alpha * sum + old + (bias ? bias[j] : 0);
      // float32 accumulation: (k + 3) u sum|a b| plus the roundings of the final terms
      bound[i * s.n + j] = (s.k + 3) * 2 ** -24 * Math.abs(s.alpha) * abs + 4 * 2 ** -24 * (Math.abs(old) + Math.abs(bias?.[j] ?? 0) + Math.abs(s.alpha * sum));
    }
  }
  return { z, bound };
}

const SHAPES: Array<Partial<GemmShape> & { m: number; n: number; k: number }> = [
  { m: 1, n: 1, k: 1 },
  { m: 7, n: 13, k: 5 },
  { m: 32, n: 64, k: 30 },
  { m: 6, n: 32, k: 256 },
  { m: 73, n: 33, k: 300, transA: true },
  { m: 50, n: 70, k: 520, transB: true },
  { m: 19, n: 17, k: 40, transA: true, transB: true, alpha: 0.5, beta: 2 },
  { m: 3, n: 4100, k: 9, beta: -1 },
  { m: 200, n: 96, k: 64, alpha: -1.5, beta: 0.25 },
  { m: 4, n: 5, k: 0, beta: 3 },
  // a last sliver narrower than the wide tile (784 = 12 x 64 + 16, 800 = ... + 32, 816 = ... + 48):
  // tiles of one, two and three vectors
  { m: 9, n: 784, k: 40 },
  { m: 7, n: 800, k: 50, transB: true, beta: 1 },
  { m: 13, n: 816, k: 40, transA: true },
  // A read in place over two k blocks (rows of at most 512), with a last sliver of two rows packed
  { m: 14, n: 40, k: 500, beta: 0.5 },
  // tall and narrow (a large batch through a small layer): threads split the rows, not the columns
  { m: 301, n: 20, k: 50 },
  { m: 1000, n: 1, k: 400, transA: true, beta: 0.5 },
  // one column below the threading threshold: the matrix-vector path (lanes along the rows, across
  // two blocks of 256 rows; or along k, with a tail), then small products whose tiles read A and B in place
  { m: 300, n: 1, k: 70, transA: true, beta: 0.5 },
  { m: 33, n: 1, k: 37, alpha: -2, beta: 1.5 },
  { m: 20, n: 1, k: 17, transB: true },
  { m: 30, n: 64, k: 32, transA: true },
  { m: 32, n: 64, k: 32, transB: true },
  { m: 32, n: 32, k: 1, transB: true, beta: 1 },
];

describe('gemm with a fused epilogue', () => {
  for (const backend of testedBackends) {
    for (const [index, partial] of SHAPES.entries()) {
      const s: GemmShape = { transA: false, transB: false, alpha: 1, beta: 0, ...partial };
      it(`${backend}: ${JSON.stringify(partial)} with bias, relu... and the pre-activation`, () => {
        const a = randomArray(s.m * s.k, 10 + index);
        const b = randomArray(s.k * s.n, 20 + index);
        const c0 = randomArray(s.m * s.n, 30 + index);
        const bias = randomArray(s.n, 40 + index);
        for (const activation of [null, 'relu', 'tanh', 'gelu']) {
          const c = c0.slice();
          if (s.beta === 0) c.fill(Number.NaN); // beta = 0 must not read C
          const pre = new Float32Array(s.m * s.n);
          const epilogue: Epilogue = { bias, activation, params: [0, 0], preActivation: activation ? pre : null };
          withBackend(backend, () => getBackendImpl().gemm(s, a, b, c, epilogue));
          const { z, bound } = reference(s, a, b, c0, bias);
          const f = activation ? JS_ACTIVATIONS[activation].forward : (v: number) => v;
          const bad: string[] = [];
          for (let i = 0; i < z.length; i++) {
            if (activation && !(Math.abs(pre[i] - z[i]) <= bound[i] + 2 ** -24 * Math.abs(z[i]))) bad.push(`pre[${i}] ${pre[i]} vs ${z[i]}`);
            // the activation's own error (4 ULP) plus its slope (<= 1.13 for these) times Z's
            const want = f(z[i], 0, 0);
            const allowed = 1.2 * (bound[i] + 2 ** -24 * Math.abs(z[i])) + 4 * 2 ** -23 * Math.abs(want) + 1e-38;
            if (!(Math.abs(c[i] - want) <= allowed)) bad.push(`c[${i}] ${c[i]} vs ${want} (${activation})`);
            if (bad.length > 3) break;
          }
          expect(bad).toEqual([]);
        }
      });
    }
  }
});
