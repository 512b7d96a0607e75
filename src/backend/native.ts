import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LOSS_KINDS, OPTIMIZER_KINDS, type Backend, type ElementwiseKind, type Epilogue, type FloatArray, type GemmShape, type KernelParams } from './contract.js';
import { packageRoot } from '../package-root.js';
import { ACTIVATION_TABLE } from '../activations/table.js';

const OUTPUT_DERIVATIVE_NAMES = ACTIVATION_TABLE.filter((spec) => spec.derivativeFromOutput).map((spec) => spec.name);

/** What the compiled addon exports (native/addon/). */
export interface Addon {
  activationNames: string[];
  lossNames: string[];
  optimizerNames: string[];
  elementwise(op: number, kind: 0 | 1, x: FloatArray, out: FloatArray, a: number, b: number): void;
  backward(op: number, x: FloatArray, dy: FloatArray, out: FloatArray, a: number, b: number): void;
  /** The activations with a backwardFromOutput kernel. */
  outputDerivativeNames: string[];
  backwardFromOutput(op: number, y: FloatArray, dy: FloatArray, out: FloatArray): void;
  backwardFromOutputAsync(op: number, y: FloatArray, dy: FloatArray, out: FloatArray): Promise<void>;
  softmax(x: FloatArray, cols: number, out: FloatArray): void;
  logSoftmax(x: FloatArray, cols: number, out: FloatArray): void;
  softmaxBackward(y: FloatArray, dy: FloatArray, cols: number, out: FloatArray): void;
  elementwiseAsync(op: number, kind: 0 | 1, x: FloatArray, out: FloatArray, a: number, b: number): Promise<void>;
  backwardAsync(op: number, x: FloatArray, dy: FloatArray, out: FloatArray, a: number, b: number): Promise<void>;
  softmaxAsync(x: FloatArray, cols: number, out: FloatArray): Promise<void>;
  logSoftmaxAsync(x: FloatArray, cols: number, out: FloatArray): Promise<void>;
  softmaxBackwardAsync(y: FloatArray, dy: FloatArray, cols: number, out: FloatArray): Promise<void>;
  /** openmp: false when built without OpenMP (threads is then always 1). */
  info(): { simd: string; cpuSimd: string; threads: number; napiVersion: number; openmp: boolean };
  setNumThreads(n: number): void;
  gemm(
    a: Float32Array, b: Float32Array, c: Float32Array, m: number, n: number, k: number, transA: boolean, transB: boolean,
    alpha: number, beta: number, bias: Float32Array | null, activation: number, pa: number, pb: number, preActivation: Float32Array | null,
  ): void;
  denseBackward(
    x: Float32Array, w: Float32Array, dy: Float32Array, batch: number, inputs: number, units: number, activation: number, pa: number, pb: number,
    z: Float32Array | null, dz: Float32Array | null, dw: Float32Array, db: Float32Array | null, dx: Float32Array | null,
  ): void;
  loss(kind: number, prediction: Float32Array, target: Float32Array, rows: number, cols: number, grad: Float32Array | null, epsilon: number, delta: number): number;
  optimizerStep(
    kind: number, params: Float32Array, grads: Float32Array, slots: readonly Float32Array[], learningRate: number, beta1: number,
    beta2: number, epsilon: number, weightDecay: number, nesterov: boolean, step: number,
  ): void;
}

/**
 * The prebuild folder name for this system: <platform>-<arch>, with -musl on musl Linux (whose
 * report has no glibc version), e.g. linux-x64, linux-arm64-musl, darwin-arm64, win32-x64.
 */
export function platformTag(): string {
  const report = process.platform === 'linux' ? (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } }) : undefined;
  const musl = report !== undefined && !report.header?.glibcVersionRuntime;
  return `${process.platform}-${process.arch}${musl ? '-musl' : ''}`;
}

/**
 * Where an addon may be, in the loader's order: a developer's own build (cmake-js), a user's
 * opt-in source build (node-gyp in native/), then the prebuild shipped in the package.
 */
export function addonCandidates(): string[] {
  // ACTFN_ADDON names an addon file to use before all others (the sanitizer lane's build, say)
  const chosen = process.env.ACTFN_ADDON ? [process.env.ACTFN_ADDON] : [];
  const { root } = packageRoot();
  if (root === null) return chosen;
  return [
    ...chosen,
    join(root, 'build', 'Release', 'actfn.node'),
    join(root, 'native', 'build', 'Release', 'actfn.node'),
    join(root, 'prebuilds', platformTag(), 'actfn.node'),
  ];
}

/**
 * libgomp reads its wait policy once, when the addon loads it. Its default keeps idle workers
 * spinning after each parallel call while JavaScript runs; a bounded spin (measured: as fast as the
 * default on back-to-back calls) lets them sleep instead. A user's own setting wins.
 */
function boundOpenMpSpinning(): void {
  if (process.env.OMP_WAIT_POLICY === undefined && process.env.GOMP_SPINCOUNT === undefined) {
    process.env.GOMP_SPINCOUNT = '10000';
  }
}

/** Loads the addon or throws an Error saying what was tried and why each failed. */
export function loadNativeBackend(): Backend {
  const require = createRequire(import.meta.url);
  boundOpenMpSpinning();
  const failures: string[] = [];
  for (const path of addonCandidates()) {
    if (!existsSync(path)) {
      failures.push(`${path}: not found`);
      continue;
    }
    try {
      return createNativeBackend(require(path) as Addon, path);
    } catch (error) {
      failures.push(`${path}: ${(error as Error).message}`);
    }
  }
  throw new Error(`the actfn native addon could not be loaded (${failures.join('; ') || 'package root not found'})`);
}

/**
 * Each kernel crosses into C++ by name: the addon lists its activations, losses and optimizers,
 * and each name maps to its index there. A loss or optimizer of the manifests that the addon lacks
 * (a stale build) fails the load, naming what is missing; an activation it lacks fails when used.
 */
function indexByName(names: readonly string[]): Map<string, number> {
  return new Map(names.map((name, i) => [name, i]));
}

function requireAll(ids: ReadonlyMap<string, number>, wanted: readonly string[], what: string, path: string): void {
  const missing = wanted.filter((name) => !ids.has(name));
  if (missing.length) throw new Error(`the native addon at ${path} lacks the ${what} ${missing.join(', ')} (rebuild it: npm run build:native)`);
}

/** The backend over a loaded addon (exported for tests that hand it a stand-in). */
export function createNativeBackend(addon: Addon, path: string): Backend {
  const ids = indexByName(addon.activationNames);
  const id = (name: string): number => {
    const op = ids.get(name);
    if (op === undefined) throw new Error(`the native addon at ${path} has no kernel for '${name}'`);
    return op;
  };
  if (!Array.isArray(addon.lossNames) || !Array.isArray(addon.optimizerNames)) {
    throw new Error(`the native addon at ${path} does not list its losses and optimizers by name (rebuild it: npm run build:native)`);
  }
  const lossIds = indexByName(addon.lossNames);
  const optimizerIds = indexByName(addon.optimizerNames);
  requireAll(lossIds, LOSS_KINDS, 'losses', path);
  requireAll(optimizerIds, OPTIMIZER_KINDS, 'optimizers', path);
  requireAll(indexByName(addon.outputDerivativeNames ?? []), OUTPUT_DERIVATIVE_NAMES, 'backward-from-output kernels of', path);
  const info = addon.info();
  return {
    name: 'native',
    activationNames: addon.activationNames,
    simd: info.simd,
    get threads() {
      return addon.info().threads;
    },
    napiVersion: info.napiVersion,
    openmp: info.openmp !== false,
    addonPath: path,
    elementwise(activation: string, kind: ElementwiseKind, x: FloatArray, out: FloatArray, [a, b]: KernelParams) {
      addon.elementwise(id(activation), kind === 'forward' ? 0 : 1, x, out, a, b);
    },
    backward(activation: string, x: FloatArray, dy: FloatArray, out: FloatArray, [a, b]: KernelParams) {
      addon.backward(id(activation), x, dy, out, a, b);
    },
    backwardFromOutput: (activation, y, dy, out) => addon.backwardFromOutput(id(activation), y, dy, out),
    softmax: (x, cols, out) => addon.softmax(x, cols, out),
    logSoftmax: (x, cols, out) => addon.logSoftmax(x, cols, out),
    softmaxBackward: (y, dy, cols, out) => addon.softmaxBackward(y, dy, cols, out),
    gemm(s: GemmShape, a: Float32Array, b: Float32Array, c: Float32Array, e: Epilogue) {
      const activation = e.activation === null ? -1 : id(e.activation);
      addon.gemm(a, b, c, s.m, s.n, s.k, s.transA, s.transB, s.alpha, s.beta, e.bias, activation, e.params[0], e.params[1], e.preActivation);
    },
    denseBackward(s, x, w, dy, t, g) {
      if (t === null) addon.denseBackward(x, w, dy, s.batch, s.inputs, s.units, -1, 0, 0, null, null, g.dw, g.db, g.dx);
      else addon.denseBackward(x, w, dy, s.batch, s.inputs, s.units, id(t.activation), t.params[0], t.params[1], t.z, t.dz, g.dw, g.db, g.dx);
    },
    loss: (kind, prediction, target, rows, cols, grad, o) =>
      addon.loss(lossIds.get(kind)!, prediction, target, rows, cols, grad, o.epsilon, o.delta),
    optimizerStep(kind, params, grads, slots, h, step) {
      addon.optimizerStep(optimizerIds.get(kind)!, params, grads, slots, h.learningRate, h.beta1, h.beta2, h.epsilon, h.weightDecay, h.nesterov, step);
    },
    elementwiseAsync: (activation, kind, x, out, [a, b]) =>
      addon.elementwiseAsync(id(activation), kind === 'forward' ? 0 : 1, x, out, a, b),
    backwardAsync: (activation, x, dy, out, [a, b]) => addon.backwardAsync(id(activation), x, dy, out, a, b),
    backwardFromOutputAsync: (activation, y, dy, out) => addon.backwardFromOutputAsync(id(activation), y, dy, out),
    softmaxAsync: (x, cols, out) => addon.softmaxAsync(x, cols, out),
    logSoftmaxAsync: (x, cols, out) => addon.logSoftmaxAsync(x, cols, out),
    softmaxBackwardAsync: (y, dy, cols, out) => addon.softmaxBackwardAsync(y, dy, cols, out),
    setNumThreads: (n) => addon.setNumThreads(n),
  };
}
