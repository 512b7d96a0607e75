import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dense, loadModel, sequential } from '../../src/index.js';
import { readModelFiles, writeModelFiles } from '../../src/nn/model-file.js';

const dir = mkdtempSync(join(tmpdir(), 'actfn-model-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the saved-model format', () => {
  it('reads back what it writes, checking the sizes the caller derives from the config', () => {
    const folder = join(dir, 'roundtrip');
    writeModelFiles(folder, { widths: [2, 3] }, [{ name: 'a', value: new Float32Array([1, 2]) }, { name: 'b', value: new Float32Array([3, 4, 5]) }]);
    const { model, arrays } = readModelFiles<{ widths: number[] }>(folder, (m) => m.widths);
    expect(model).toEqual({ widths: [2, 3] });
    expect(arrays.map((a) => Array.from(a))).toEqual([[1, 2], [3, 4, 5]]);
    expect(() => readModelFiles<{ widths: number[] }>(folder, () => [2, 4])).toThrow(/weight table does not match its architecture/);
    expect(() => readModelFiles(folder, () => { throw new Error('layer 3 is odd'); })).toThrow(`${join(folder, 'model.json')}: layer 3 is odd`);
  });

  it('refuses the legacy weights.bin name, which no save writes', () => {
    const folder = join(dir, 'legacy');
    sequential([dense(2, { inputDim: 3 })], { seed: 1 }).save(folder);
    const json = join(folder, 'model.json');
    const file = JSON.parse(readFileSync(json, 'utf8'));
    copyFileSync(join(folder, file.weightsFile), join(folder, 'weights.bin'));
    file.weightsFile = 'weights.bin';
    writeFileSync(json, JSON.stringify(file));
    expect(() => loadModel(folder)).toThrow(/weightsFile must name a weights file in the same folder, got "weights.bin"/);
  });
});
