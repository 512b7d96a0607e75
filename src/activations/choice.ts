/**
 * How a layer names its activation, and what it runs: a table name or alias ('relu',
 * 'leaky_relu'), an Activation from getActivation (carrying its params), { name, params }, or a
 * row-wise activation's name ('softmax', for the last layer of a classifier). Resolved once, when
 * the layer is created, into a choice whose forward and backward the layers call without knowing
 * which of the three kinds it is: elementwise (a kernel of the table, which a GEMM can fuse),
 * row-wise (over each sample's outputs), or identity (linear).
 */
import type { Activation } from './activation.js';
import { getActivation } from './registry.js';
import { SOFTMAX } from './softmax.js';
import type { Params, RowwiseActivation } from './spec.js';
import type { KernelParams } from '../backend/contract.js';
import { getBackendImpl } from '../backend/select.js';
import { checkOptions, type OptionNames } from '../options.js';
import { describeValue } from '../validate.js';

export interface NamedActivation {
  name: string;
  params?: Params;
}
const NAMED_OPTIONS: OptionNames<NamedActivation> = { name: true, params: true };

export type ActivationArg = string | Activation | NamedActivation | null | undefined;

/** The row-wise activations a layer may name (beside the table's elementwise ones). */
const ROWWISE: ReadonlyMap<string, RowwiseActivation> = new Map([[SOFTMAX.name, SOFTMAX]]);

export interface ActivationChoice {
  /** The table's camelCase name, a row-wise activation's name, or 'linear'. */
  readonly name: string;
  readonly params: Params;
  readonly kind: 'elementwise' | 'rowwise' | 'identity';
  /** The elementwise kernel a GEMM may run in its epilogue (null: nothing to fuse). */
  readonly fusedKernel: string | null;
  readonly kernelParams: KernelParams;
  /** out = f(z) over rows of `cols` (out may be z). */
  forward(z: Float32Array, cols: number, out: Float32Array): void;
  /** What remains after a GEMM whose epilogue ran fusedKernel: nothing, or the row-wise f in place. */
  finishFused(out: Float32Array, cols: number): void;
  /** dz = the gradient at the input z, given the output y = f(z) and its gradient dy. */
  backward(z: Float32Array, y: Float32Array, dy: Float32Array, cols: number, dz: Float32Array): void;
}

const NO_PARAMS: KernelParams = [0, 0];

function identity(): ActivationChoice {
  return {
    name: 'linear', params: {}, kind: 'identity', fusedKernel: null, kernelParams: NO_PARAMS,
    forward: (z, _cols, out) => { if (out !== z) out.set(z); },
    finishFused: () => undefined,
    backward: (_z, _y, dy, _cols, dz) => dz.set(dy),
  };
}

function rowwise(f: RowwiseActivation): ActivationChoice {
  return {
    name: f.name, params: {}, kind: 'rowwise', fusedKernel: null, kernelParams: NO_PARAMS,
    forward: (z, cols, out) => f.forward(z, cols, out),
    finishFused: (out, cols) => f.forward(out, cols, out),
    backward: (_z, y, dy, cols, dz) => f.backward(y, dy, cols, dz),
  };
}

function elementwise(activation: Activation): ActivationChoice {
  const kernelParams = activation.spec.kernelParams(activation.params);
  const name = activation.name;
  return {
    name, params: activation.params, kind: 'elementwise', fusedKernel: name, kernelParams,
    forward: (z, _cols, out) => getBackendImpl().elementwise(name, 'forward', z, out, kernelParams),
    finishFused: () => undefined,
    backward: (z, _y, dy, _cols, dz) => getBackendImpl().backward(name, z, dy, dz, kernelParams),
  };
}

export function resolveActivation(arg: ActivationArg): ActivationChoice {
  if (arg === null || arg === undefined) return identity();
  if (typeof arg !== 'string' && (typeof arg !== 'object' || Array.isArray(arg))) {
    throw new TypeError(`activation must be a name, an Activation from getActivation, or { name, params }, got ${describeValue(arg)}`);
  }
  if (typeof arg === 'object' && !('spec' in arg)) checkOptions(arg, 'an activation { name, params }', NAMED_OPTIONS);
  const named = typeof arg === 'string' ? arg : 'spec' in arg ? null : arg.name;
  const row = typeof named === 'string' ? ROWWISE.get(named) : undefined;
  if (row) return rowwise(row);
  const activation =
    typeof arg === 'string' ? getActivation(arg) : 'spec' in arg ? (arg as Activation) : getActivation(arg.name, arg.params);
  return activation.name === 'linear' ? identity() : elementwise(activation);
}

/** The JSON form a saved model keeps. */
export function activationConfig(choice: ActivationChoice): { name: string; params: Params } {
  return { name: choice.name, params: choice.params };
}
