/**
 * The layer contract of the model layer. A layer is built once for its input width, then runs
 * forward on a batch (keeping what its backward pass needs when training) and backward on the
 * gradient of its output (filling its parameters' gradients and returning its input's gradient).
 * Layers compute through the Backend (src/backend/contract.ts) and never know which one runs.
 */
import type { Random } from '../../random.js';
import type { Regularizer } from '../regularizers.js';
import type { Tensor2D } from '../tensor.js';

/**
 * A trainable array with its gradient (same length), named for summaries and saved files. A model
 * moves value and grad into its parameter arena when it builds (param-arena.ts): layers read them
 * through the Param each time, never keep the arrays.
 */
export interface Param {
  readonly name: string;
  readonly shape: readonly number[];
  readonly value: Float32Array;
  readonly grad: Float32Array;
  /** A penalty on the values, added to the loss and the gradient (a dense kernel's kernelRegularizer). */
  readonly regularizer?: Regularizer | null;
}

/** A non-trainable array a layer saves with its weights (e.g. batch norm's moving statistics). */
export interface State {
  readonly name: string;
  readonly value: Float32Array;
}

/** What a layer is, as saved in model.json: its kind and the config that rebuilds it. */
export interface LayerConfig {
  readonly kind: string;
  readonly config: Record<string, unknown>;
}

export interface Layer {
  readonly kind: string;
  /** Sets up parameters for `inputDim` features; returns the output width. */
  build(inputDim: number, random: Random): number;
  readonly outputDim: number;
  forward(x: Tensor2D, training: boolean): Tensor2D;
  /**
   * Gradients of the parameters from dL/dy, and dL/dx. A layer may skip dL/dx and return null when
   * inputGradient is false (the model asks so of its first layer, whose input is the data).
   */
  backward(dy: Tensor2D, inputGradient?: boolean): Tensor2D | null;
  params(): Param[];
  states(): State[];
  toConfig(): LayerConfig;
}

/** Weight array lengths a saved layer implies, before anything is built. */
export interface WeightSizes {
  readonly params: readonly number[];
  readonly states: readonly number[];
  readonly outputDim: number;
}

/**
 * A kind of layer, as the layer registry (registry.ts) holds it: how to rebuild one from its saved
 * config, and the weight sizes that config implies for `inputDim` input features (checked before
 * anything is allocated; throws with a message naming what is wrong).
 */
export interface LayerKind {
  readonly kind: string;
  fromConfig(config: Record<string, unknown>): Layer;
  weightSizes(config: Record<string, unknown>, inputDim: number): WeightSizes;
}

/** The widest layer or input: a bound that keeps a kernel's length well inside a typed array's. */
export const MAX_DIMENSION = 2 ** 24;

/** An integer from 1 to 2^24 read from a saved config. */
export function savedDimension(value: unknown, what: string): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_DIMENSION) throw new Error(`${what} must be an integer from 1 to 2^24, got ${JSON.stringify(value)}`);
  return value as number;
}

export function param(name: string, shape: number[]): Param {
  const size = shape.reduce((a, b) => a * b, 1);
  return { name, shape, value: new Float32Array(size), grad: new Float32Array(size) };
}

export function requireBuilt(outputDim: number, kind: string): void {
  if (outputDim < 0) throw new Error(`${kind} layer used before it was built (add it to a model first)`);
}
