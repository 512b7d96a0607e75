import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dense, loadModel, sequential, batchNormalization } from '../../src/index.js';
import { fuzzRuns } from '../support/fuzz.js';

/** Hostile model files: every corruption is a clear Error naming the file; none crashes or allocates wildly. */
const dir = mkdtempSync(join(tmpdir(), 'actfn-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function savedModel(folder: string) {
  const model = sequential([dense(6, { activation: 'relu', inputDim: 4 }), batchNormalization(), dense(2, { activation: 'softmax' })], { seed: 1 });
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
  model.save(folder);
  const json = join(folder, 'model.json');
  const file = JSON.parse(readFileSync(json, 'utf8')) as { weightsFile: string };
  return { model, json, bin: join(folder, file.weightsFile) };
}

describe('model files from outside', () => {
  it('bit flips, truncations and edits of either file give an Error that names it', () => {
    const folder = join(dir, 'fuzz');
    const { json, bin } = savedModel(folder);
    const goodJson = readFileSync(json);
    const goodBin = readFileSync(bin);
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 3 }), (jsonSide, at, bit, how) => {
        const target = jsonSide ? json : bin;
        const original = jsonSide ? goodJson : goodBin;
        const bytes = Buffer.from(original);
        const i = at % bytes.length;
        if (how === 0) bytes[i] ^= 1 << bit; // bit flip
        const data = how === 1 ? bytes.subarray(0, i) : how === 2 ? Buffer.concat([bytes, Buffer.from([i & 255])]) : bytes;
        if (how === 3) data[i] = 0x39; // a digit somewhere
        writeFileSync(json, goodJson);
        writeFileSync(bin, goodBin);
        writeFileSync(target, data);
        try {
          loadModel(folder);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          const message = (error as Error).message;
          expect(message.startsWith(folder), message).toBe(true);
          // a JavaScript slip surfacing through the loader is not a clear error
          expect(message, message).not.toMatch(/Cannot read prop|is not a function|is not iterable|undefined \(reading/);
          return;
        }
        // some edits leave a valid file (a flipped bit in whitespace or in a float's digits of a config number)
      }),
      fuzzRuns(300, 7),
    );
    writeFileSync(json, goodJson);
    writeFileSync(bin, goodBin);
    expect(loadModel(folder).layers).toHaveLength(3);
  });

  it('any field of model.json replaced by a value of another type or size: a clear Error naming the file', () => {
    const folder = join(dir, 'fields');
    const { json } = savedModel(folder);
    const good = readFileSync(json, 'utf8');
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(JSON.parse(good), []);
    const replacement = fc.oneof(
      fc.constantFrom(null, true, '', 'x', [], {}, 0, -1, 0.5, 1e300, -1e300, 2 ** 53, 2 ** 31, 2 ** 32 + 1, '__proto__', 'constructor'),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(fc.nat(), replacement, fc.boolean(), (at, value, remove) => {
        const file = JSON.parse(good);
        const path = paths[at % paths.length];
        if (path.length === 0) return; // the whole file: covered by the bit flips
        const parent = path.slice(0, -1).reduce((o, k) => o[k], file);
        const key = path[path.length - 1];
        if (remove && !Array.isArray(parent)) delete parent[key];
        else parent[key] = value;
        writeFileSync(json, JSON.stringify(file));
        try {
          loadModel(folder);
        } catch (error) {
          const message = (error as Error).message;
          expect(error, message).toBeInstanceOf(Error);
          expect(message.startsWith(folder), message).toBe(true);
          expect(message, message).not.toMatch(/Cannot read prop|is not a function|is not iterable|undefined \(reading/);
        }
      }),
      fuzzRuns(400, 8),
    );
    // an offset moved onto other weights would load without complaint if only bounds were checked
    const moved = JSON.parse(good);
    moved.weights[1].offset = 0;
    writeFileSync(json, JSON.stringify(moved));
    expect(() => loadModel(folder)).toThrow(/weight 0\/dense\/bias has length 6 at offset 0, the architecture needs 6 at 24/);
    writeFileSync(json, good);
    expect(loadModel(folder).layers).toHaveLength(3);
  });

  it('refuses huge declared sizes before allocating', () => {
    const folder = join(dir, 'huge');
    const { json } = savedModel(folder);
    const file = JSON.parse(readFileSync(json, 'utf8'));
    file.model.layers[0].config.units = 2 ** 24;
    file.model.layers[2].config.units = 2 ** 24;
    writeFileSync(json, JSON.stringify(file));
    expect(() => loadModel(folder)).toThrow(`${json}: the architecture implies more than 2^28 weights; refusing to allocate it`);
    file.model.layers[0].config.units = 1e12;
    writeFileSync(json, JSON.stringify(file));
    expect(() => loadModel(folder)).toThrow(/layer 0 \(dense\) units must be an integer from 1 to 2\^24, got 1000000000000/);
  });

  it('a save killed midway leaves the previous model loadable', async () => {
    const folder = join(dir, 'killed');
    const { model } = savedModel(folder);
    const before = model.getWeights();
    const entry = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
    // a child that saves a large model over it again and again, killed at a random moment
    const script = `import { dense, sequential } from ${JSON.stringify(entry)};
      const m = sequential([dense(512, { activation: 'relu', inputDim: 4 }), dense(2048), dense(2, { activation: 'softmax' })], { seed: 9 });
      m.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
      process.stdout.write('ready\\n');
      for (;;) m.save(${JSON.stringify(folder)});`;
    for (const delay of [5, 23, 61]) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      const loaded = loadModel(folder); // the old model or a complete new one, never a mix
      const weights = loaded.getWeights();
      const isOld = weights.length === before.length && weights.every((w, i) => w.length === before[i].length && w.every((v, j) => v === before[i][j]));
      expect(isOld || weights[0].length === 4 * 512).toBe(true);
      expect(readdirSync(folder).filter((f) => f.endsWith('.bin')).length).toBeLessThanOrEqual(2);
    }
  }, 60_000);
});
