/**
 * dense(units): y = f(x W + b), one fused GEMM per batch (bias and activation in its epilogue,
 * the pre-activation kept when training). Backward: one backend call (Backend.denseBackward) for
 * dZ = dY f'(Z), dW = X^T dZ, db = column sums of dZ and dX = dZ W^T (skipped for the first layer).
 * Training reuses the layer's batch buffers from step to step (a training step allocates nothing
 * once the batch size is steady); inference allocates its outputs, which may outlive the call.
 */
import type { DenseActivationGrad } from '../../backend/contract.js';
import { getBackendImpl } from '../../backend/select.js';
import type { Random } from '../../random.js';
import { INITIALIZERS, initialize, type InitializerName } from '../initializers.js';
import { resolveRegularizer, type Regularizer, type RegularizerArg } from '../regularizers.js';
import { Tensor2D } from '../tensor.js';
import { TrainingBuffers } from './training-buffers.js';
import { activationConfig, resolveActivation, type ActivationArg, type ActivationChoice } from '../../activations/choice.js';
import { MAX_DIMENSION, param, requireBuilt, savedDimension, type Layer, type LayerConfig, type LayerKind, type Param, type State } from './layer.js';
import { checkOptions, type OptionNames } from '../../options.js';
import { describeValue, requirePositiveInteger, showValue } from '../../validate.js';

export interface DenseOptions {
  activation?: ActivationArg;
  useBias?: boolean;
  kernelInitializer?: InitializerName;
  /** Input features, for the first layer of a model (like Keras' inputDim). */
  inputDim?: number;
  /** Keras' spelling of the same: [inputDim] (a dense layer here takes flat samples only). */
  inputShape?: readonly [number];
  /** A penalty on the kernel: l2(0.01), l1(0.01), l1l2({ l1, l2 }), or { l1, l2 }. */
  kernelRegularizer?: RegularizerArg;
}
const DENSE_OPTIONS: OptionNames<DenseOptions> = { activation: true, useBias: true, kernelInitializer: true, inputDim: true, inputShape: true, kernelRegularizer: true };

/** inputDim, or the n of inputShape [n]; undefined when neither is given. */
function inputWidth(options: DenseOptions): number | undefined {
  const { inputDim, inputShape } = options;
  if (inputShape === undefined) return inputDim === undefined ? undefined : requirePositiveInteger(inputDim, 'inputDim', MAX_DIMENSION);
  if (inputDim !== undefined) throw new TypeError('dense() takes inputDim or inputShape, not both');
  if (!Array.isArray(inputShape)) throw new TypeError(`inputShape must be an array [n], got ${describeValue(inputShape)}`);
  if (inputShape.length !== 1) {
    throw new RangeError(`inputShape must be [n]: a dense layer takes samples of n features, got a shape of ${inputShape.length} dimensions (flatten the samples first)`);
  }
  return requirePositiveInteger(inputShape[0], 'inputShape[0]', MAX_DIMENSION);
}

export class Dense implements Layer {
  readonly kind = 'dense';
  readonly units: number;
  readonly activation: ActivationChoice;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerName;
  readonly inputDim: number | undefined;
  readonly kernelRegularizer: Regularizer | null;
  outputDim = -1;
  private inputs = -1;
  private kernel!: Param;
  private bias: Param | null = null;
  private x: Tensor2D | null = null;
  private z: Float32Array | null = null;
  private y: Float32Array | null = null;
  private readonly buffers = new TrainingBuffers();

  constructor(units: number, options: DenseOptions = {}) {
    checkOptions(options, 'dense()', DENSE_OPTIONS);
    requirePositiveInteger(units, 'units', MAX_DIMENSION);
    const init = options.kernelInitializer ?? 'glorotUniform';
    if (!INITIALIZERS.includes(init)) throw new RangeError(`kernelInitializer must be one of ${INITIALIZERS.join(', ')}, got ${showValue(init)}`);
    this.inputDim = inputWidth(options);
    this.units = units;
    this.activation = resolveActivation(options.activation);
    this.useBias = options.useBias ?? true;
    this.kernelInitializer = init;
    this.kernelRegularizer = resolveRegularizer(options.kernelRegularizer);
  }

  build(inputDim: number, random: Random): number {
    this.inputs = inputDim;
    this.kernel = { ...param('kernel', [inputDim, this.units]), regularizer: this.kernelRegularizer };
    initialize(this.kernelInitializer, this.kernel.value, inputDim, this.units, random);
    this.bias = this.useBias ? param('bias', [this.units]) : null;
    this.outputDim = this.units;
    return this.units;
  }

  /** The pre-activation of the last training forward pass (the logits of an output layer). */
  get preActivation(): Float32Array | null {
    return this.z;
  }

  forward(x: Tensor2D, training: boolean): Tensor2D {
    requireBuilt(this.outputDim, this.kind);
    if (x.cols !== this.inputs) throw new RangeError(`dense layer expects ${this.inputs} features per sample, got ${x.cols}`);
    const backend = getBackendImpl();
    const length = x.rows * this.units;
    const out = training ? this.buffers.get('y', length) : new Float32Array(length);
    const keep = training && this.activation.kind !== 'identity';
    const z = keep ? this.buffers.get('z', length) : null;
    backend.gemm({ m: x.rows, n: this.units, k: this.inputs, transA: false, transB: false, alpha: 1, beta: 0 }, x.data, this.kernel.value, out, {
      bias: this.bias?.value ?? null,
      activation: this.activation.fusedKernel,
      params: this.activation.kernelParams,
      preActivation: z,
    });
    this.activation.finishFused(out, this.units);
    if (training) {
      this.x = x;
      this.z = z;
      this.y = out;
    }
    return new Tensor2D(out, x.rows, this.units);
  }

  backward(dy: Tensor2D, inputGradient = true): Tensor2D | null {
    const { z, y } = this.cached();
    const { activation } = this;
    if (activation.kind === 'elementwise') {
      const dz = this.buffers.get('dz', dy.data.length);
      return this.backwardThrough(dy, { activation: activation.fusedKernel!, params: activation.kernelParams, z: z!, dz }, inputGradient);
    }
    if (activation.kind === 'identity') return this.backwardThrough(dy, null, inputGradient); // dZ = dY
    const dz = this.buffers.get('dz', dy.data.length);
    activation.backward(z!, y, dy.data, this.units, dz);
    return this.backwardThrough(new Tensor2D(dz, dy.rows, dy.cols), null, inputGradient);
  }

  /** Backward from dL/dZ directly (a loss fused with this layer's activation supplies it). */
  backwardFromPreActivation(dz: Tensor2D, inputGradient = true): Tensor2D | null {
    return this.backwardThrough(dz, null, inputGradient);
  }

  /** dW, db and (unless inputGradient is false) dX in one backend call, through the activation when given. */
  private backwardThrough(dy: Tensor2D, through: DenseActivationGrad | null, inputGradient: boolean): Tensor2D | null {
    const { x } = this.cached();
    const batch = x.rows;
    const dx = inputGradient ? this.buffers.get('dx', batch * this.inputs) : null;
    getBackendImpl().denseBackward({ batch, inputs: this.inputs, units: this.units }, x.data, this.kernel.value, dy.data, through, {
      dw: this.kernel.grad,
      db: this.bias?.grad ?? null,
      dx,
    });
    return dx && new Tensor2D(dx, batch, this.inputs);
  }

  private cached() {
    if (!this.x || !this.y) throw new Error('dense layer: backward called without a training forward pass');
    return { x: this.x, z: this.z, y: this.y };
  }

  params(): Param[] {
    return this.bias ? [this.kernel, this.bias] : [this.kernel];
  }

  states(): State[] {
    return [];
  }

  toConfig(): LayerConfig {
    return {
      kind: this.kind,
      config: { units: this.units, activation: activationConfig(this.activation), useBias: this.useBias, kernelInitializer: this.kernelInitializer, inputDim: this.inputDim,
        ...(this.kernelRegularizer ? { kernelRegularizer: this.kernelRegularizer } : {}),
      },
    };
  }
}

export function dense(units: number, options?: DenseOptions): Dense {
  return new Dense(units, options);
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export const DENSE: LayerKind = {
  kind: 'dense',
  fromConfig: (c: any) =>
    dense(c.units, { activation: c.activation, useBias: c.useBias, kernelInitializer: c.kernelInitializer, inputDim: c.inputDim, kernelRegularizer: c.kernelRegularizer }),
  weightSizes(c, inputDim) {
    const units = savedDimension(c.units, 'units');
    return { params: [inputDim * units, ...(c.useBias === false ? [] : [units])], states: [], outputDim: units };
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */
