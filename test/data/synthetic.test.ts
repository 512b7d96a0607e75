import { describe, expect, it } from 'vitest';
import { makeCircles, makeClassification, makeMoons } from '../../src/data/synthetic.js';

describe('synthetic datasets (scikit-learn semantics)', () => {
  it('makeClassification: shape, balanced classes, reproducible by seed', () => {
    const a = makeClassification({ nSamples: 200, nFeatures: 6, nInformative: 3, nRedundant: 1, nClasses: 3, nClustersPerClass: 1, flipY: 0, seed: 7 });
    const b = makeClassification({ nSamples: 200, nFeatures: 6, nInformative: 3, nRedundant: 1, nClasses: 3, nClustersPerClass: 1, flipY: 0, seed: 7 });
    const c = makeClassification({ nSamples: 200, nFeatures: 6, nInformative: 3, nRedundant: 1, nClasses: 3, nClustersPerClass: 1, flipY: 0, seed: 8 });
    expect(a.x.shape).toEqual([200, 6]);
    expect([0, 1, 2].map((k) => a.y.filter((l) => l === k).length)).toEqual([67, 67, 66]);
    expect(Buffer.compare(Buffer.from(a.x.data.buffer), Buffer.from(b.x.data.buffer))).toBe(0);
    expect(Buffer.compare(Buffer.from(a.x.data.buffer), Buffer.from(c.x.data.buffer))).not.toBe(0);
  });

  it('makeClassification: classes separate more as classSep grows', () => {
    // nearest-centroid accuracy on the raw features, as a check that the clusters carry the labels
    const accuracy = (classSep: number) => {
      const { x, y } = makeClassification({ nSamples: 600, nFeatures: 4, nInformative: 2, nRedundant: 0, nClustersPerClass: 1, flipY: 0, classSep, seed: 3 });
      const centroids = [0, 1].map((k) => {
        const rows = [...y.keys()].filter((i) => y[i] === k);
        return Array.from({ length: 4 }, (_, c) => rows.reduce((s, i) => s + x.get(i, c), 0) / rows.length);
      });
      let right = 0;
      for (let i = 0; i < x.rows; i++) {
        const d = centroids.map((m) => m.reduce((s, v, c) => s + (x.get(i, c) - v) ** 2, 0));
        if ((d[1] < d[0] ? 1 : 0) === y[i]) right++;
      }
      return right / x.rows;
    };
    expect(accuracy(3)).toBeGreaterThan(0.95);
    expect(accuracy(3)).toBeGreaterThan(accuracy(0.3));
  });

  it('makeClassification: refuses impossible requests by name', () => {
    expect(() => makeClassification({ nFeatures: 3, nInformative: 2, nRedundant: 2 })).toThrow(RangeError);
    expect(() => makeClassification({ nInformative: 1, nClasses: 3, nClustersPerClass: 1 })).toThrow(/nClasses \* nClustersPerClass \(3\) must be <= 2\^nInformative \(2\)/);
    expect(() => makeClassification({ nSamples: 0 })).toThrow(/nSamples must be an integer >= 1/);
  });

  it('makeMoons: two half circles, upper label 0 and lower label 1', () => {
    const { x, y } = makeMoons(100, { seed: 1, shuffle: false });
    expect(x.shape).toEqual([100, 2]);
    for (let i = 0; i < 50; i++) {
      expect(y[i]).toBe(0);
      expect(Math.hypot(x.get(i, 0), x.get(i, 1))).toBeCloseTo(1, 5);
    }
    for (let i = 50; i < 100; i++) {
      expect(y[i]).toBe(1);
      expect(Math.hypot(x.get(i, 0) - 1, x.get(i, 1) - 0.5)).toBeCloseTo(1, 5);
    }
  });

  it('makeCircles: the inner circle has radius factor; noise moves points', () => {
    const { x, y } = makeCircles(60, { factor: 0.5, seed: 2 });
    for (let i = 0; i < 60; i++) expect(Math.hypot(x.get(i, 0), x.get(i, 1))).toBeCloseTo(y[i] === 0 ? 1 : 0.5, 5);
    const noisy = makeCircles(60, { factor: 0.5, noise: 0.1, seed: 2 });
    expect(Array.from(noisy.x.data).some((v, i) => Math.abs(v - x.data[i]) > 1e-3)).toBe(true);
    expect(() => makeCircles(10, { factor: 1 })).toThrow(/factor must be in \[0, 1\)/);
  });
});
