import type { FloatArray, KernelParams } from '../backend/contract.js';
import { getBackendImpl } from '../backend/select.js';
import { outputFor, requireFloatArray, requireMatching } from '../validate.js';
import type { ActivationProperties, ActivationSpec, Params } from './spec.js';

/**
 * An activation with its parameters bound. Arrays are Float32Array or Float64Array of one dtype;
 * results have x's type; `out` may be `x` itself (in place).
 */
export interface Activation {
  readonly name: string;
  readonly params: Params;
  readonly properties: ActivationProperties;
  readonly formula: string;
  readonly derivativeFormula: string;
  /** f(x), elementwise. */
  forward<T extends FloatArray>(x: T, out?: T): T;
  /** f'(x), elementwise (PyTorch's conventions at kinks; see `spec.kinks`). */
  derivative<T extends FloatArray>(x: T, out?: T): T;
  /** dy * f'(x) in one pass: the gradient with respect to x given the gradient dy of the output. */
  backward<T extends FloatArray>(x: T, dy: T, out?: T): T;
  /** The table row this activation comes from. */
  readonly spec: ActivationSpec;
}

export function createActivation(spec: ActivationSpec, params: Params): Activation {
  const kernelParams: KernelParams = spec.kernelParams(params);
  const elementwise = (kind: 'forward' | 'derivative') =>
    function <T extends FloatArray>(x: T, out?: T): T {
      const input = requireFloatArray(x, 'x');
      const result = outputFor(input, 'x', out, [[input, 'x']]);
      getBackendImpl().elementwise(spec.name, kind, input, result, kernelParams);
      return result as T;
    };
  return Object.freeze({
    name: spec.name,
    params,
    properties: Object.freeze(spec.properties(params)),
    formula: spec.formula,
    derivativeFormula: spec.derivativeFormula,
    spec,
    forward: elementwise('forward'),
    derivative: elementwise('derivative'),
    backward<T extends FloatArray>(x: T, dy: T, out?: T): T {
      const input = requireFloatArray(x, 'x');
      const grad = requireMatching(dy, 'dy', input, 'x');
      const result = outputFor(input, 'x', out, [[input, 'x'], [grad, 'dy']]);
      getBackendImpl().backward(spec.name, input, grad, result, kernelParams);
      return result as T;
    },
  });
}
