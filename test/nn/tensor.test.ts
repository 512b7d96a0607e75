import { describe, expect, it } from 'vitest';
import { Tensor2D, tensor2d } from '../../src/nn/tensor.js';
import { Random } from '../../src/random.js';

describe('Tensor2D', () => {
  it('converts nested arrays, flat arrays with a shape, and columns', () => {
    const t = tensor2d([[1, 2, 3], [4, 5, 6]]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.get(1, 2)).toBe(6);
    expect(Array.from(t.row(1))).toEqual([4, 5, 6]);
    expect(tensor2d([1, 2, 3, 4], [2, 2]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(tensor2d([7, 8]).shape).toEqual([2, 1]);
    expect(t.gather([1, 0]).toArray()).toEqual([[4, 5, 6], [1, 2, 3]]);
    expect(t.sliceRows(1, 2).toArray()).toEqual([[4, 5, 6]]);
  });

  it('refuses ragged rows, wrong sizes and non-numbers by name', () => {
    expect(() => tensor2d([[1, 2], [3]])).toThrow('values must be rectangular: row 1 has 1 values, row 0 has 2');
    expect(() => new Tensor2D(new Float32Array(5), 2, 3)).toThrow('data has 5 elements but the shape [2, 3] needs 6');
    expect(() => tensor2d([[1, '2' as unknown as number]])).toThrow('values[0][1] must be a number, got string');
    expect(() => new Tensor2D([1, 2] as unknown as Float32Array, 1, 2)).toThrow('data must be a Float32Array, got Array');
  });
});

describe('Random', () => {
  it('is reproducible by seed and uniform enough', () => {
    const a = new Random(42);
    const b = new Random(42);
    const xs = Array.from({ length: 10000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('draws normals with mean 0 and variance 1, and unbiased integers', () => {
    const r = new Random(1);
    const zs = Array.from({ length: 20000 }, () => r.normal());
    const mean = zs.reduce((s, v) => s + v, 0) / zs.length;
    const variance = zs.reduce((s, v) => s + (v - mean) ** 2, 0) / zs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[r.int(3)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
    expect(Array.from(r.permutation(6)).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
