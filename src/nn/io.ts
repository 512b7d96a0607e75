/**
 * model.save(dir) and loadModel(dir): model.json (format version, architecture, compile config,
 * where each weight array sits, and the SHA-256 of the weights) and weights-<hash>.bin (every array
 * as little-endian float32, in getWeights() order). Each file is written under a temporary name and
 * renamed, the weights first under a name of their own: a save killed at any point leaves the
 * previous model.json with the weights file it names, so the previous model still loads. Loading
 * checks the architecture's sizes before allocating anything, then the file size and checksum, and
 * every error names the file and the problem.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../write-atomic.js';
import { activation } from './layers/activation-layer.js';
import { batchNormalization } from './layers/batch-normalization.js';
import { dense } from './layers/dense.js';
import { dropout } from './layers/dropout.js';
import type { Layer, LayerConfig } from './layers/layer.js';
import { prelu } from './layers/prelu.js';
import type { LossArg } from './losses.js';
import { Sequential, type Metric } from './model.js';
import type { OptimizerConfig } from './optimizers.js';
import { isRecord } from '../validate.js';

export const MODEL_FORMAT = 'actfn-model';
export const MODEL_VERSION = 1;

interface WeightEntry {
  name: string;
  length: number;
  offset: number;
}

interface ModelFile {
  format: string;
  version: number;
  model: ReturnType<Sequential['toConfig']>;
  weights: WeightEntry[];
  weightsFile: string;
  weightsBytes: number;
  weightsSha256: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const LAYER_FACTORIES: Record<string, (config: any) => Layer> = {
  dense: (c) => dense(c.units, { activation: c.activation, useBias: c.useBias, kernelInitializer: c.kernelInitializer, inputDim: c.inputDim }),
  activation: (c) => activation(c.activation),
  dropout: (c) => dropout(c.rate),
  batchNormalization: (c) => batchNormalization({ momentum: c.momentum, epsilon: c.epsilon }),
  prelu: (c) => prelu({ alphaInitial: c.alphaInitial }),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

export function saveModel(model: Sequential, dir: string): void {
  if (!model.built) throw new Error('save: the model is not built yet (fit it, or give the first layer an inputDim)');
  mkdirSync(dir, { recursive: true });
  const arrays = model.getWeights();
  const names = [...model.layers.flatMap((l, i) => l.params().map((p) => `${i}/${l.kind}/${p.name}`)), ...model.layers.flatMap((l, i) => l.states().map((s) => `${i}/${l.kind}/${s.name}`))];
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const bytes = new Uint8Array(total * 4);
  const view = new DataView(bytes.buffer);
  const weights: WeightEntry[] = [];
  let offset = 0;
  arrays.forEach((a, i) => {
    weights.push({ name: names[i], length: a.length, offset });
    for (let j = 0; j < a.length; j++) view.setFloat32((offset + j) * 4, a[j], true);
    offset += a.length;
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const weightsFile = `weights-${sha256.slice(0, 16)}.bin`;
  const file: ModelFile = { format: MODEL_FORMAT, version: MODEL_VERSION, model: model.toConfig(), weights, weightsFile, weightsBytes: bytes.length, weightsSha256: sha256 };
  writeFileAtomic(join(dir, weightsFile), bytes);
  writeFileAtomic(join(dir, 'model.json'), `${JSON.stringify(file, null, 2)}\n`);
  // only now are older weights files unreferenced
  for (const name of readdirSync(dir)) if (/^weights-[0-9a-f]{16}\.bin$/.test(name) && name !== weightsFile) rmSync(join(dir, name), { force: true });
}

const MAX_FLOATS = 2 ** 28; // 1 GiB of weights: beyond it a model file is refused before anything is allocated

/** Weight array lengths, in getWeights() order, that the saved architecture implies. */
function impliedSizes(path: string, layers: LayerConfig[], inputDim: unknown): number[] {
  const dimension = (v: unknown, what: string) => {
    if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 2 ** 24) throw new Error(`${path}: ${what} must be an integer from 1 to 2^24, got ${JSON.stringify(v)}`);
    return v as number;
  };
  let width = dimension(inputDim, 'model.inputDim');
  const params: number[] = [];
  const states: number[] = [];
  layers.forEach((l, i) => {
    const c = (l?.config ?? {}) as Record<string, unknown>;
    if (l?.kind === 'dense') {
      const units = dimension(c.units, `layer ${i} (dense) units`);
      params.push(width * units, ...(c.useBias === false ? [] : [units]));
      width = units;
    } else if (l?.kind === 'batchNormalization') {
      params.push(width, width);
      states.push(width, width);
    } else if (l?.kind === 'prelu') {
      params.push(width);
    }
  });
  const sizes = [...params, ...states];
  if (sizes.reduce((s, v) => s + v, 0) > MAX_FLOATS) throw new Error(`${path}: the architecture implies more than 2^28 weights; refusing to allocate it`);
  return sizes;
}

/** Runs part of rebuilding a model from `path`; an error it throws comes out prefixed with where. */
function from<T>(where: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    const message = `${where}: ${(error as Error).message}`;
    throw error instanceof RangeError ? new RangeError(message, { cause: error }) : error instanceof TypeError ? new TypeError(message, { cause: error }) : new Error(message, { cause: error });
  }
}

function layerFrom(jsonPath: string, l: LayerConfig, i: number): Layer {
  const where = `${jsonPath}: layer ${i}`;
  if (!isRecord(l)) throw new Error(`${where} must be an object with kind and config, got ${JSON.stringify(l)}`);
  const make = Object.hasOwn(LAYER_FACTORIES, l.kind) ? LAYER_FACTORIES[l.kind] : undefined;
  if (!make) throw new Error(`${where} has unknown kind ${JSON.stringify(l.kind)}`);
  if (!isRecord(l.config)) throw new Error(`${where} (${l.kind}) needs a config object, got ${JSON.stringify(l.config)}`);
  return from(`${where} (${l.kind})`, () => make(l.config));
}

function readModelFile(path: string): ModelFile {
  if (!existsSync(path)) throw new Error(`${path}: not found (is this a directory written by model.save?)`);
  let file: ModelFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as ModelFile;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (file?.format !== MODEL_FORMAT) throw new Error(`${path}: not an actfn model (format is ${JSON.stringify(file?.format)})`);
  if (file.version !== MODEL_VERSION) throw new Error(`${path}: format version ${file.version}, this actfn reads version ${MODEL_VERSION}`);
  if (!file.model || !Array.isArray(file.model.layers) || !Array.isArray(file.weights)) throw new Error(`${path}: missing model.layers or weights`);
  return file;
}

export function loadModel(dir: string): Sequential {
  const jsonPath = join(dir, 'model.json');
  const file = readModelFile(jsonPath);
  const sizes = impliedSizes(jsonPath, file.model.layers, file.model.inputDim);
  if (file.weights.length !== sizes.length || file.weights.some((w, i) => w?.length !== sizes[i])) {
    throw new Error(`${jsonPath}: its weight table does not match its architecture (${file.weights.length} arrays listed, ${sizes.length} implied)`);
  }
  if (typeof file.weightsFile !== 'string' || !/^weights(-[0-9a-f]{16})?\.bin$/.test(file.weightsFile)) {
    throw new Error(`${jsonPath}: weightsFile must name a weights file in the same folder, got ${JSON.stringify(file.weightsFile)}`);
  }
  const layers = file.model.layers.map((l: LayerConfig, i: number) => layerFrom(jsonPath, l, i));
  const model = from(`${jsonPath}: model`, () => {
    const built = new Sequential(layers, { seed: file.model.seed });
    if (!built.built) built.build(file.model.inputDim);
    return built;
  });
  const binPath = join(dir, file.weightsFile);
  if (!existsSync(binPath)) throw new Error(`${binPath}: not found (model.json lists it)`);
  const size = statSync(binPath).size;
  if (size !== file.weightsBytes) throw new Error(`${binPath}: ${size} bytes, but model.json expects ${file.weightsBytes} (truncated or from another save?)`);
  const bytes = readFileSync(binPath);
  if (file.weightsSha256 !== undefined && createHash('sha256').update(bytes).digest('hex') !== file.weightsSha256) {
    throw new Error(`${binPath}: contents do not match the checksum in model.json (corrupted, or from another save)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expected = model.getWeights();
  if (file.weights.length !== expected.length) throw new Error(`${jsonPath}: lists ${file.weights.length} weight arrays, the architecture has ${expected.length}`);
  let next = 0; // save writes the arrays back to back: any other offset is an edited or damaged file
  const arrays = file.weights.map((w, i) => {
    if (w.length !== expected[i].length || w.offset !== next || (w.offset + w.length) * 4 > size) {
      throw new Error(`${jsonPath}: weight ${w.name} has length ${w.length} at offset ${w.offset}, the architecture needs ${expected[i].length} at ${next}`);
    }
    next += w.length;
    const a = new Float32Array(w.length);
    for (let j = 0; j < w.length; j++) a[j] = view.getFloat32((w.offset + j) * 4, true);
    return a;
  });
  model.setWeights(arrays);
  const compile = file.model.compile as { optimizer: OptimizerConfig; loss: LossArg; metrics: Metric[] } | null;
  if (compile) from(`${jsonPath}: model.compile`, () => model.compile(compile));
  return model;
}
