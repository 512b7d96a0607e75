/**
 * How a layer names its activation: a table name or alias ('relu', 'leaky_relu'), an Activation
 * from getActivation (carrying its params), { name, params }, or 'softmax' (row-wise, for the last
 * layer of a classifier). Resolved once, when the layer is created.
 */
import type { Activation } from '../../activations/activation.js';
import { getActivation } from '../../activations/registry.js';
import type { Params } from '../../activations/spec.js';
import type { KernelParams } from '../../backend/contract.js';
import { describeValue } from '../../validate.js';

export type ActivationArg = string | Activation | { name: string; params?: Params } | null | undefined;

export interface ActivationChoice {
  /** The table's camelCase name, 'softmax', or 'linear'. */
  readonly name: string;
  readonly params: Params;
  /** The elementwise kernel to run, or null for linear and softmax. */
  readonly kernel: string | null;
  readonly kernelParams: KernelParams;
}

export function resolveActivation(arg: ActivationArg): ActivationChoice {
  if (arg === null || arg === undefined) return { name: 'linear', params: {}, kernel: null, kernelParams: [0, 0] };
  if (typeof arg !== 'string' && (typeof arg !== 'object' || Array.isArray(arg))) {
    throw new TypeError(`activation must be a name, an Activation from getActivation, or { name, params }, got ${describeValue(arg)}`);
  }
  if (arg === 'softmax' || (typeof arg === 'object' && !('spec' in arg) && arg.name === 'softmax')) {
    return { name: 'softmax', params: {}, kernel: null, kernelParams: [0, 0] };
  }
  const activation =
    typeof arg === 'string' ? getActivation(arg) : 'spec' in arg ? (arg as Activation) : getActivation(arg.name, arg.params);
  const kernelParams = activation.spec.kernelParams(activation.params);
  return {
    name: activation.name,
    params: activation.params,
    kernel: activation.name === 'linear' ? null : activation.name,
    kernelParams,
  };
}

/** The JSON form a saved model keeps. */
export function activationConfig(choice: ActivationChoice): { name: string; params: Params } {
  return { name: choice.name, params: choice.params };
}
