import type { FloatArray, KernelParams } from '../backend/contract.js';
import { getBackendImpl } from '../backend/select.js';
import { outputFor, requireFloatArray, requireMatching } from '../validate.js';
import type { ActivationProperties, ActivationSpec, Params } from './spec.js';
import { ACTIVATION_TABLE } from './table.js';

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
  /**
   * dy * f'(x) from the saved output y = f(x) instead of x, for the activations whose derivative
   * is a function of their output (`derivativeFromOutput`: sigmoid, tanh), as PyTorch's
   * sigmoid_backward and tanh_backward take it. Memory-bound; others throw a TypeError.
   */
  backwardFromOutput<T extends FloatArray>(y: T, dy: T, out?: T): T;
  /**
   * The same, computed off the JavaScript thread on the native backend (in event-loop-friendly
   * slices on the TypeScript one). Keep the arrays untouched until the promise settles.
   */
  forwardAsync<T extends FloatArray>(x: T, out?: T): Promise<T>;
  derivativeAsync<T extends FloatArray>(x: T, out?: T): Promise<T>;
  backwardAsync<T extends FloatArray>(x: T, dy: T, out?: T): Promise<T>;
  backwardFromOutputAsync<T extends FloatArray>(y: T, dy: T, out?: T): Promise<T>;
  /** The table row this activation comes from. */
  readonly spec: ActivationSpec;
}

/** Validated arguments of an elementwise call. */
function elementwiseArgs(x: unknown, out: unknown): [FloatArray, FloatArray] {
  const input = requireFloatArray(x, 'x');
  return [input, outputFor(input, 'x', out, [[input, 'x']])];
}

function backwardArgs(x: unknown, dy: unknown, out: unknown): [FloatArray, FloatArray, FloatArray] {
  const input = requireFloatArray(x, 'x');
  const grad = requireMatching(dy, 'dy', input, 'x');
  return [input, grad, outputFor(input, 'x', out, [[input, 'x'], [grad, 'dy']])];
}

/** Validated arguments of backwardFromOutput: the row must have a derivative of its output. */
function fromOutputArgs(spec: ActivationSpec, y: unknown, dy: unknown, out: unknown): [FloatArray, FloatArray, FloatArray] {
  if (!spec.derivativeFromOutput) {
    const which = ACTIVATION_TABLE.filter((row) => row.derivativeFromOutput).map((row) => row.name).join(', ');
    throw new TypeError(`${spec.name}'s derivative is not a function of its output: use backward(x, dy) (backwardFromOutput is for ${which})`);
  }
  const output = requireFloatArray(y, 'y');
  const grad = requireMatching(dy, 'dy', output, 'y');
  return [output, grad, outputFor(output, 'y', out, [[output, 'y'], [grad, 'dy']])];
}

export function createActivation(spec: ActivationSpec, params: Params): Activation {
  const kp: KernelParams = spec.kernelParams(params);
  const elementwise = (kind: 'forward' | 'derivative') =>
    function <T extends FloatArray>(x: T, out?: T): T {
      const [input, result] = elementwiseArgs(x, out);
      getBackendImpl().elementwise(spec.name, kind, input, result, kp);
      return result as T;
    };
  const elementwiseAsync = (kind: 'forward' | 'derivative') =>
    async function <T extends FloatArray>(x: T, out?: T): Promise<T> {
      const [input, result] = elementwiseArgs(x, out);
      await getBackendImpl().elementwiseAsync(spec.name, kind, input, result, kp);
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
      const [input, grad, result] = backwardArgs(x, dy, out);
      getBackendImpl().backward(spec.name, input, grad, result, kp);
      return result as T;
    },
    backwardFromOutput<T extends FloatArray>(y: T, dy: T, out?: T): T {
      const [output, grad, result] = fromOutputArgs(spec, y, dy, out);
      getBackendImpl().backwardFromOutput(spec.name, output, grad, result);
      return result as T;
    },
    forwardAsync: elementwiseAsync('forward'),
    derivativeAsync: elementwiseAsync('derivative'),
    async backwardAsync<T extends FloatArray>(x: T, dy: T, out?: T): Promise<T> {
      const [input, grad, result] = backwardArgs(x, dy, out);
      await getBackendImpl().backwardAsync(spec.name, input, grad, result, kp);
      return result as T;
    },
    async backwardFromOutputAsync<T extends FloatArray>(y: T, dy: T, out?: T): Promise<T> {
      const [output, grad, result] = fromOutputArgs(spec, y, dy, out);
      await getBackendImpl().backwardFromOutputAsync(spec.name, output, grad, result);
      return result as T;
    },
  });
}
