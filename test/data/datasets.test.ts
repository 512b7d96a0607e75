import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBreastCancer, loadIris, readLabelledCsv } from '../../src/data/datasets.js';

describe('the shipped datasets', () => {
  it('loads Iris: 150 x 4, 50 of each of 3 classes', () => {
    const { x, y, classNames, featureNames } = loadIris();
    expect(x.shape).toEqual([150, 4]);
    expect(classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(featureNames).toHaveLength(4);
    expect([0, 1, 2].map((c) => y.filter((l) => l === c).length)).toEqual([50, 50, 50]);
    expect(Array.from(x.row(0))).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
  });

  it('loads Breast Cancer: 569 x 30, 212 malignant and 357 benign', () => {
    const { x, y, classNames, featureNames } = loadBreastCancer();
    expect(x.shape).toEqual([569, 30]);
    expect(classNames).toEqual(['malignant', 'benign']);
    expect(featureNames[0]).toBe('mean radius');
    expect(featureNames[29]).toBe('worst fractal dimension');
    expect([0, 1].map((c) => y.filter((l) => l === c).length)).toEqual([212, 357]);
  });

  it('names the file and the line of a malformed table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actfn-csv-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '2,2,a,b\n1,2,0\n1,x,1\n');
    expect(() => readLabelledCsv(file, ['f1', 'f2'])).toThrow(`${file}: line 3, field 2 is not a number: "x"`);
    writeFileSync(file, '3,2,a,b\n1,2,0\n');
    expect(() => readLabelledCsv(file, ['f1', 'f2'])).toThrow('header says 3 rows, found 1');
    writeFileSync(file, '1,2,a,b\n1,2,5\n');
    expect(() => readLabelledCsv(file, ['f1', 'f2'])).toThrow('line 2 has label "5", expected 0..1');
  });
});
