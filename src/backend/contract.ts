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

export interface Backend {
  readonly name: BackendName;
  /** Names of the activations this backend implements (the table's camelCase names). */
  readonly activationNames: readonly string[];
  /** out[i] = f(x[i]) or f'(x[i]). */
  elementwise(activation: string, kind: ElementwiseKind, x: FloatArray, out: FloatArray, params: KernelParams): void;
  /** out[i] = dy[i] * f'(x[i]), in one pass. */
  backward(activation: string, x: FloatArray, dy: FloatArray, out: FloatArray, params: KernelParams): void;
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
  softmaxAsync(x: FloatArray, cols: number, out: FloatArray): Promise<void>;
  logSoftmaxAsync(x: FloatArray, cols: number, out: FloatArray): Promise<void>;
  softmaxBackwardAsync(y: FloatArray, dy: FloatArray, cols: number, out: FloatArray): Promise<void>;
  setNumThreads(n: number): void;
  /** Instruction set the kernels run with ('js' for the TypeScript backend). */
  readonly simd: string;
  /** Threads a large call uses. */
  readonly threads: number;
  /** Node-API version the addon was built against, or null for the TypeScript backend. */
  readonly napiVersion: number | null;
}
