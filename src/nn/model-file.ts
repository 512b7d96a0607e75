/**
 * The saved-model format, below the model: model.json (format version, the model's config, where
 * each weight array sits, and the SHA-256 of the weights) and weights-<hash>.bin (every array as
 * little-endian float32, back to back). Each file is written under a temporary name and renamed,
 * the weights first under a name of their own: a save killed at any point leaves the previous
 * model.json with the weights file it names, so the previous model still loads. Reading checks the
 * sizes the caller derives from the config before allocating anything, then the file size and
 * checksum; every error names the file and the problem. Nothing here knows about layers.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../write-atomic.js';

export const MODEL_FORMAT = 'actfn-model';
export const MODEL_VERSION = 1;
/** 1 GiB of weights: beyond it a model file is refused before anything is allocated. */
export const MAX_FLOATS = 2 ** 28;
const WEIGHTS_FILE = /^weights-[0-9a-f]{16}\.bin$/;

interface WeightEntry {
  name: string;
  length: number;
  offset: number;
}

interface ModelFile<Config> {
  format: string;
  version: number;
  model: Config;
  weights: WeightEntry[];
  weightsFile: string;
  weightsBytes: number;
  weightsSha256: string;
}

export interface NamedArray {
  readonly name: string;
  readonly value: Float32Array;
}

export function writeModelFiles(dir: string, model: unknown, arrays: readonly NamedArray[]): void {
  mkdirSync(dir, { recursive: true });
  const total = arrays.reduce((s, a) => s + a.value.length, 0);
  const bytes = new Uint8Array(total * 4);
  const view = new DataView(bytes.buffer);
  const weights: WeightEntry[] = [];
  let offset = 0;
  for (const { name, value } of arrays) {
    weights.push({ name, length: value.length, offset });
    for (let j = 0; j < value.length; j++) view.setFloat32((offset + j) * 4, value[j], true);
    offset += value.length;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const weightsFile = `weights-${sha256.slice(0, 16)}.bin`;
  const file: ModelFile<unknown> = { format: MODEL_FORMAT, version: MODEL_VERSION, model, weights, weightsFile, weightsBytes: bytes.length, weightsSha256: sha256 };
  writeFileAtomic(join(dir, weightsFile), bytes);
  writeFileAtomic(join(dir, 'model.json'), `${JSON.stringify(file, null, 2)}\n`);
  // only now are older weights files unreferenced
  for (const name of readdirSync(dir)) if (WEIGHTS_FILE.test(name) && name !== weightsFile) rmSync(join(dir, name), { force: true });
}

function readJson<Config>(path: string): ModelFile<Config> {
  if (!existsSync(path)) throw new Error(`${path}: not found (is this a directory written by model.save?)`);
  let file: ModelFile<Config>;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as ModelFile<Config>;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (file?.format !== MODEL_FORMAT) throw new Error(`${path}: not an actfn model (format is ${JSON.stringify(file?.format)})`);
  if (file.version !== MODEL_VERSION) throw new Error(`${path}: format version ${file.version}, this actfn reads version ${MODEL_VERSION}`);
  if (!file.model || typeof file.model !== 'object' || !Array.isArray(file.weights)) throw new Error(`${path}: missing model or weights`);
  return file;
}

/**
 * Reads dir/model.json and the weights it names. `sizes` derives, from the saved config, the
 * length of every weight array in order (it may throw; its message is prefixed with the path);
 * the weight table must match it before anything is allocated.
 */
export function readModelFiles<Config>(dir: string, sizes: (model: Config) => number[]): { model: Config; arrays: Float32Array[]; path: string } {
  const jsonPath = join(dir, 'model.json');
  const file = readJson<Config>(jsonPath);
  let expected: number[];
  try {
    expected = sizes(file.model);
  } catch (error) {
    throw new Error(`${jsonPath}: ${(error as Error).message}`, { cause: error });
  }
  if (expected.reduce((s, v) => s + v, 0) > MAX_FLOATS) throw new Error(`${jsonPath}: the architecture implies more than 2^28 weights; refusing to allocate it`);
  if (file.weights.length !== expected.length || file.weights.some((w, i) => w?.length !== expected[i])) {
    throw new Error(`${jsonPath}: its weight table does not match its architecture (${file.weights.length} arrays listed, ${expected.length} implied)`);
  }
  if (typeof file.weightsFile !== 'string' || !WEIGHTS_FILE.test(file.weightsFile)) {
    throw new Error(`${jsonPath}: weightsFile must name a weights file in the same folder, got ${JSON.stringify(file.weightsFile)}`);
  }
  const binPath = join(dir, file.weightsFile);
  if (!existsSync(binPath)) throw new Error(`${binPath}: not found (model.json lists it)`);
  const size = statSync(binPath).size;
  if (size !== file.weightsBytes) throw new Error(`${binPath}: ${size} bytes, but model.json expects ${file.weightsBytes} (truncated or from another save?)`);
  const bytes = readFileSync(binPath);
  if (file.weightsSha256 !== undefined && createHash('sha256').update(bytes).digest('hex') !== file.weightsSha256) {
    throw new Error(`${binPath}: contents do not match the checksum in model.json (corrupted, or from another save)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let next = 0; // save writes the arrays back to back: any other offset is an edited or damaged file
  const arrays = file.weights.map((w, i) => {
    if (w.offset !== next || (w.offset + w.length) * 4 > size) {
      throw new Error(`${jsonPath}: weight ${w.name} has length ${w.length} at offset ${w.offset}, the architecture needs ${expected[i]} at ${next}`);
    }
    next += w.length;
    const a = new Float32Array(w.length);
    for (let j = 0; j < w.length; j++) a[j] = view.getFloat32((w.offset + j) * 4, true);
    return a;
  });
  return { model: file.model, arrays, path: jsonPath };
}
