import { describe, expect, it } from 'vitest';
import { oneHot, standardScaler, trainTestSplit } from '../../src/data/preprocessing.js';
import { loadIris } from '../../src/data/datasets.js';
import { tensor2d } from '../../src/nn/tensor.js';

describe('trainTestSplit', () => {
  it('splits 150 samples 112/38 (ceil of 25%), rows and labels together, reproducibly', () => {
    const { x, y } = loadIris();
    const a = trainTestSplit(x, y, { seed: 5 });
    const b = trainTestSplit(x, y, { seed: 5 });
    expect([a.xTrain.rows, a.xTest.rows, a.yTrain.length, a.yTest.length]).toEqual([112, 38, 112, 38]);
    expect(Array.from(a.yTest)).toEqual(Array.from(b.yTest));
    // every test row is a row of x with its own label
    for (let i = 0; i < a.xTest.rows; i++) {
      const row = Array.from(a.xTest.row(i));
      const found = [...Array(150).keys()].filter((r) => Array.from(x.row(r)).every((v, c) => v === row[c]));
      expect(found.some((r) => y[r] === a.yTest[i])).toBe(true);
    }
  });

  it('keeps each class share with stratify', () => {
    const { x, y } = loadIris();
    const { yTest, yTrain } = trainTestSplit(x, y, { testSize: 0.2, stratify: y, seed: 1 });
    expect([0, 1, 2].map((c) => yTest.filter((l) => l === c).length)).toEqual([10, 10, 10]);
    expect([0, 1, 2].map((c) => yTrain.filter((l) => l === c).length)).toEqual([40, 40, 40]);
  });

  it('refuses mismatched labels and impossible sizes', () => {
    const x = tensor2d([[1], [2], [3]]);
    expect(() => trainTestSplit(x, new Int32Array(2))).toThrow('y must have one label per sample of x (3), got 2');
    expect(() => trainTestSplit(x, new Int32Array(3), { testSize: 3 })).toThrow(RangeError);
  });
});

describe('standardScaler', () => {
  it('fits mean and population std on train data and applies them to other data', () => {
    const train = tensor2d([[1, 10], [3, 10], [5, 10]]);
    const scaler = standardScaler().fit(train);
    expect(Array.from(scaler.mean!)).toEqual([3, 10]);
    expect(scaler.scale![0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(scaler.scale![1]).toBe(1); // a constant feature keeps scale 1
    const t = scaler.transform(tensor2d([[3, 12]]));
    expect(Array.from(t.data)).toEqual([0, 2]);
    expect(Array.from(scaler.inverseTransform(t).data)).toEqual([3, 12]);
    expect(() => standardScaler().transform(train)).toThrow('call fit before transform');
    expect(() => scaler.transform(tensor2d([[1, 2, 3]]))).toThrow('x must have 2 features');
  });
});

describe('oneHot', () => {
  it('encodes labels as rows', () => {
    expect(oneHot([2, 0, 1]).toArray()).toEqual([[0, 0, 1], [1, 0, 0], [0, 1, 0]]);
    expect(oneHot([0], 3).toArray()).toEqual([[1, 0, 0]]);
    expect(() => oneHot([0, 3], 3)).toThrow('labels[1] must be an integer in [0, 2], got 3');
  });
});
