/**
 * The one contract every compute backend implements. Everything above this file (the activation
 * API, softmax, the model layer, the CLI) talks only to a `Backend`; nothing above it knows whether
 * C++ or TypeScript does the arithmetic.
 *
 * Callers validate before they call: arrays are Float32Array or Float64Array of one dtype, lengths
 * agree, `out` is either the input itself or does not overlap it, and params are legal. The native
 * backend still re-checks what memory safety depends on (types and lengths).
 */

export type FloatArray = Float32Array | Float64Array;

/** Activation parameters as the kernels take them: two numbers whose meaning the table row defines. */
export type KernelParams = readonly [number, number];

export type ElementwiseKind = 'forward' | 'derivative';

export type BackendName = 'native' | 'js';

/** C (m x n) = alpha op(A) op(B) + beta C, row-major; op(A) is m x k, op(B) is k x n. */
export interface GemmShape {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** A is stored k x m (use its transpose). */
  readonly transA: boolean;
  /** B is stored n x k (use its transpose). */
  readonly transB: boolean;
  readonly alpha: number;
  readonly beta: number;
}

import type { LossKind } from './loss-kinds.js';
import type { OptimizerKind } from './optimizer-kinds.js';

export { LOSS_KINDS, type LossKind } from './loss-kinds.js';
export { OPTIMIZER_KINDS, OPTIMIZER_SLOTS, type OptimizerKind } from './optimizer-kinds.js';

export interface LossOptions {
  /** Probability clamp of the cross-entropies on probabilities (Keras: 1e-7). */
  readonly epsilon: number;
  /** Huber's threshold. */
  readonly delta: number;
}

export interface OptimizerHyper {
  readonly learningRate: number;
  /** sgd: momentum (0 for plain SGD); adam/adamw: beta1; rmsprop: rho. */
  readonly beta1: number;
  /** adam/adamw: beta2. */
  readonly beta2: number;
  readonly epsilon: number;
  /** adamw: decoupled weight decay. */
  readonly weightDecay: number;
  /** sgd: Nesterov momentum. */
  readonly nesterov: boolean;
}

/** What a GEMM does to each result before storing it: Z = result + bias, then C = f(Z). */
export interface Epilogue {
  /** Added to every row (length n), or null. */
  readonly bias: Float32Array | null;
  /** An activation of the table (camelCase name), or null for none. */
  readonly activation: string | null;
  readonly params: KernelParams;
  /** Receives Z before the activation (what training's backward pass needs), or null. */
  readonly preActivation: Float32Array | null;
}

/** A dense layer's sizes on a batch: x is batch x inputs, the kernel W inputs x units. */
export interface DenseShape {
  readonly batch: number;
  readonly inputs: number;
  readonly units: number;
}

/** The activation a dense backward pass goes through: dZ = dY f'(Z) from the saved pre-activation. */
export interface DenseActivationGrad {
  /** An activation of the table (camelCase name). */
  readonly activation: string;
  readonly params: KernelParams;
  /** Z, batch x units. */
  readonly z: Float32Array;
  /** Receives dL/dZ, batch x units (may be dy itself). */
  readonly dz: Float32Array;
}

/** Where a dense backward pass writes: dW (inputs x units), db (units) and dX (batch x inputs), each skipped when null but dW. */
export interface DenseGradients {
  readonly dw: Float32Array;
  readonly db: Float32Array | null;
  readonly dx: Float32Array | null;
}

export interface Backend {
  readonly name: BackendName;
  /** Names of the activations this backend implements (the table's camelCase names). */
  readonly activationNames: readonly string[];
  /** out[i] = f(x[i]) or f'(x[i]). */
  elementwise(activation: string, kind: ElementwiseKind, x: FloatArray, out: FloatArray, params: KernelParams): void;
  /** out[i] = dy[i] * f'(x[i]), in one pass. */
  backward(activation: string, x: FloatArray, dy: FloatArray, out: FloatArray, params: KernelParams): void;
  /**
   * out[i] = dy[i] * f'(x[i]) from the saved output y[i] = f(x[i]), for the table rows with a
   * `derivativeFromOutput` (callers check).
   */
  backwardFromOutput(activation: string, y: FloatArray, dy: FloatArray, out: FloatArray): void;
  /** Row-wise over a row-major [x.length / cols, cols] matrix. */
  softmax(x: FloatArray, cols: number, out: FloatArray): void;
  logSoftmax(x: FloatArray, cols: number, out: FloatArray): void;
  /** dx = y * (dy - rowsum(y * dy)) for y = softmax(x). */
  softmaxBackward(y: FloatArray, dy: FloatArray, cols: number, out: FloatArray): void;
  /**
   * The same calls, settling when `out` is written. The native backend computes on the libuv thread
   * pool; the TypeScript backend computes in slices and yields to the event loop between them.
   */
  elementwiseAsync(activation: string, kind: ElementwiseKind, x: FloatArray, out: FloatArray, params: KernelParams): Promise<void>;
  backwardAsync(activation: string, x: FloatArray, dy: FloatArray, out: FloatArray, params: KernelParams): Promise<void>;
  backwardFromOutputAsync(activation: string, y: FloatArray, dy: FloatArray, out: FloatArray): Promise<void>;
  softmaxAsync(x: FloatArray, cols: number, out: FloatArray): Promise<void>;
  logSoftmaxAsync(x: FloatArray, cols: number, out: FloatArray): Promise<void>;
  softmaxBackwardAsync(y: FloatArray, dy: FloatArray, cols: number, out: FloatArray): Promise<void>;
  /** C = alpha op(A) op(B) + beta C, then the epilogue; float32, row-major (the model layer's core). */
  gemm(shape: GemmShape, a: Float32Array, b: Float32Array, c: Float32Array, epilogue: Epilogue): void;
  /**
   * A dense layer's backward pass in one call: dZ = dY f'(Z) through `activation` (or dZ = dY when
   * null), dW = X^T dZ, db = the column sums of dZ, dX = dZ W^T. x: batch x inputs, w: inputs x
   * units, dy: batch x units; the outputs must not overlap the inputs (dz may be dy).
   */
  denseBackward(shape: DenseShape, x: Float32Array, w: Float32Array, dy: Float32Array, activation: DenseActivationGrad | null, grads: DenseGradients): void;
  /**
   * The mean loss over a rows x cols batch; writes d loss / d prediction into grad unless null.
   * Sparse targets hold one class index per row.
   */
  loss(kind: LossKind, prediction: Float32Array, target: Float32Array, rows: number, cols: number, grad: Float32Array | null, options: LossOptions): number;
  /** One optimizer step on a parameter array; slots are its zero-initialised state arrays. */
  optimizerStep(kind: OptimizerKind, params: Float32Array, grads: Float32Array, slots: readonly Float32Array[], hyper: OptimizerHyper, step: number): void;
  setNumThreads(n: number): void;
  /** Instruction set the kernels run with ('js' for the TypeScript backend). */
  readonly simd: string;
  /** Threads a large call uses. */
  readonly threads: number;
  /** Whether the addon was built with OpenMP (false: every call runs on one thread); null for the TypeScript backend. */
  readonly openmp: boolean | null;
  /** Node-API version the addon was built against, or null for the TypeScript backend. */
  readonly napiVersion: number | null;
  /** The addon file the native backend loaded; null for the TypeScript backend. */
  readonly addonPath: string | null;
}
