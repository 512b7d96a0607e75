/** activation(name): an activation on its own, as a layer (Keras' Activation layer). */
import { getBackendImpl } from '../../backend/select.js';
import { Tensor2D } from '../tensor.js';
import { activationConfig, resolveActivation, type ActivationArg, type ActivationChoice } from './activation-choice.js';
import { requireBuilt, type Layer, type LayerConfig, type Param, type State } from './layer.js';

export class ActivationLayer implements Layer {
  readonly kind = 'activation';
  readonly activation: ActivationChoice;
  outputDim = -1;
  private x: Tensor2D | null = null;
  private y: Float32Array | null = null;

  constructor(activation: ActivationArg) {
    if (activation === null || activation === undefined) throw new TypeError('activation layer needs an activation name or Activation');
    this.activation = resolveActivation(activation);
  }

  build(inputDim: number): number {
    this.outputDim = inputDim;
    return inputDim;
  }

  forward(x: Tensor2D, training: boolean): Tensor2D {
    requireBuilt(this.outputDim, this.kind);
    const out = new Float32Array(x.data.length);
    const backend = getBackendImpl();
    if (this.activation.kernel) backend.elementwise(this.activation.kernel, 'forward', x.data, out, this.activation.kernelParams);
    else if (this.activation.name === 'softmax') backend.softmax(x.data, x.cols, out);
    else out.set(x.data);
    if (training) {
      this.x = x;
      this.y = out;
    }
    return new Tensor2D(out, x.rows, x.cols);
  }

  backward(dy: Tensor2D): Tensor2D {
    if (!this.x || !this.y) throw new Error('activation layer: backward called without a training forward pass');
    const dx = new Float32Array(dy.data.length);
    const backend = getBackendImpl();
    if (this.activation.kernel) backend.backward(this.activation.kernel, this.x.data, dy.data, dx, this.activation.kernelParams);
    else if (this.activation.name === 'softmax') backend.softmaxBackward(this.y, dy.data, dy.cols, dx);
    else dx.set(dy.data);
    return new Tensor2D(dx, dy.rows, dy.cols);
  }

  params(): Param[] {
    return [];
  }

  states(): State[] {
    return [];
  }

  toConfig(): LayerConfig {
    return { kind: this.kind, config: { activation: activationConfig(this.activation) } };
  }
}

export function activation(name: ActivationArg): ActivationLayer {
  return new ActivationLayer(name);
}
